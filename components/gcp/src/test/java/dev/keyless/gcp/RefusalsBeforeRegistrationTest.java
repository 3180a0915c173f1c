package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value from another stack that breaks a rule is refused before the workload registers
 * anything: no Google service account, no member, no ServiceAccount, no namespace, on any run.
 */
class RefusalsBeforeRegistrationTest {
    private static final List<String> WORKLOAD = List.of("api", "api-sa", "api-gsa", "api-workload-identity-user",
            "api-grant-catalog-read-only", "api-grant-shop-uploads-read-write", "green-ns-shop");

    private static void refusedEveryRun(IdentityMechanism mechanism, GcsAccess grant, String message) {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                    FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                            .identity(mechanism).grant(GcsAccess.readWrite("shop-uploads")).grant(grant).build()));

            assertThat(failure.message()).as("run %d", run).isEqualTo(message);
            assertThat(failure.deployment().resources()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContainAnyElementsOf(WORKLOAD);
        }
    }

    @Test
    void aBucketNameFromAnotherStackIsRefusedBeforeAnyChildWithEitherMechanism() {
        var bad = GcsAccess.readOnly("catalog", Output.of("Shop_Catalog"));
        var message = "bucket must be " + GcsBucketNames.RULE + ": 'Shop_Catalog'";
        refusedEveryRun(ServiceAccountImpersonation.defaults(), bad, message);
        refusedEveryRun(GkeWorkloadIdentity.defaults(), bad.prefix("2026/"), message);
    }

    @Test
    void aProjectNumberFromAnotherStackIsRefusedBeforeAnyChild() {
        refusedEveryRun(GkeWorkloadIdentity.builder().projectNumber(Output.of("shop-prod-4711")).build(),
                GcsAccess.readOnly("catalog", Output.of("shop-catalog")),
                "projectNumber must be a project number: 6 to 20 digits, not starting with 0 (the number, not the project ID): 'shop-prod-4711'");
    }

    @Test
    void aLookedUpProjectNumberThatIsRefusedRegistersNothing() {
        refusedEveryRun(GkeWorkloadIdentity.builder().projectNumberSource((projectId, options) -> Output.of("0471")).build(),
                GcsAccess.readOnly("catalog", Output.of("shop-catalog")),
                "project number of the cluster's project must be a project number: 6 to 20 digits, not starting with 0 "
                        + "(the number, not the project ID): '0471'");
    }

    @Test
    void theProjectNumberIsLookedUpForTheClustersProjectWithTheComponentAsParent() {
        var asked = new ArrayList<String>();
        var deployment = SimulatedStack.named("refusals").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                        .identity(GkeWorkloadIdentity.builder().projectNumberSource((projectId, options) -> {
                            var parent = options.getParent().orElseThrow();
                            return projectId.applyValue(id -> {
                                asked.add(id + " under " + parent.pulumiResourceType() + " " + parent.pulumiResourceName());
                                return TestClusters.PROJECT_NUMBER;
                            });
                        }).build())
                        .grant(GcsAccess.readOnly("catalog", Output.of("shop-catalog"))).build()));

        assertThat(asked).containsExactly(TestClusters.PROJECT + " under keyless:core:FederatedServiceAccount api");
        assertThat(deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "api-grant-catalog-read-only").input("member"))
                .contains(TestClusters.principal("shop", "api"));
    }

    @Test
    void validValuesFromAnotherStackBindAsPlainOnesDo() {
        var deployment = SimulatedStack.named("refusals").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                        .identity(GkeWorkloadIdentity.builder().projectNumber(Output.of(TestClusters.PROJECT_NUMBER)).build())
                        .grant(GcsAccess.readOnly("catalog", Output.of("shop-catalog"))).build()));

        var member = deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "api-grant-catalog-read-only");
        assertThat(member.input("bucket")).contains("shop-catalog");
        assertThat(member.input("member")).contains(TestClusters.principal("shop", "api"));
    }
}
