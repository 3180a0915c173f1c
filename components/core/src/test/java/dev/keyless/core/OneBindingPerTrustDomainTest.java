package dev.keyless.core;

import com.pulumi.core.Output;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code namespace/ServiceAccount} is bound once per trust domain, whichever cluster objects
 * reach it: two objects of one domain are one place to the cloud.
 */
class OneBindingPerTrustDomainTest {
    private static final String ISSUER = "https://issuer.example/shared";

    private static FederatedServiceAccount bind(String component, OidcCluster cluster, String serviceAccount) {
        return new FederatedServiceAccount(component, FederatedServiceAccountArgs.builder()
                .cluster(cluster).namespace("shop").name(serviceAccount).build());
    }

    private static String refusal(String earlier, String later) {
        return "serviceAccount must be bound by one FederatedServiceAccount per stub issuer, but " + earlier + " and " + later
                + " both bind it in stub issuer '" + ISSUER + "' (the cloud sees one subject: a pod of either could use both "
                + "identities and hold the union of their grants): 'shop/api'";
    }

    @Test
    void twoClusterObjectsOfOneDomainCannotBothBindAServiceAccount() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            bind("api-blue", new StubCloud.Cluster("blue", TrustDomain.known("stub issuer", ISSUER)), "api");
            bind("api-green", new StubCloud.Cluster("green", TrustDomain.known("stub issuer", ISSUER)), "api");
        });

        assertThat(failure.message()).isEqualTo(refusal("'api-blue' (stub cluster 'blue')", "'api-green' (stub cluster 'green')"));
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-green")).as("refused before registering").isEmpty();
        assertThat(failure.deployment().find("kubernetes:core/v1:Namespace", "green-ns-shop")).isEmpty();
    }

    @Test
    void aDomainKnownOnlyAtDeployTimeIsCheckedOnceKnownAndTheLaterComponentRegistersNothing() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
                bind("api-blue", new StubCloud.Cluster("blue", TrustDomain.known("stub issuer", ISSUER)), "api");
                bind("api-green", new StubCloud.Cluster("green", TrustDomain.onceKnown("stub issuer", Output.of(ISSUER))), "api");
            });

            assertThat(failure.message()).as("run %d", run)
                    .isEqualTo(refusal("'api-blue' (stub cluster 'blue')", "'api-green' (stub cluster 'green')"));
            // What does not depend on the check may or may not be registered before the program
            // stops; the later component and the namespace it would create never are.
            assertThat(failure.deployment().resources()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("api-green", "api-green-sa", "api-green-identity", "api-green-grant-reports", "green-ns-shop");
        }
    }

    @Test
    void theLaterOfTwoDeployTimeDomainsIsTheOneRefused() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            bind("api-blue", new StubCloud.Cluster("blue", TrustDomain.onceKnown("stub issuer", Output.of(ISSUER))), "api");
            bind("api-green", new StubCloud.Cluster("green", TrustDomain.known("stub issuer", ISSUER)), "api");
        });

        assertThat(failure.message()).isEqualTo(refusal("'api-blue' (stub cluster 'blue')", "'api-green' (stub cluster 'green')"));
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-blue")).isPresent();
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-green")).isEmpty();
    }

    @Test
    void twoServiceAccountsInOneDomainAreAccepted() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            bind("api", new StubCloud.Cluster("blue", TrustDomain.known("stub issuer", ISSUER)), "api");
            bind("web", new StubCloud.Cluster("green", TrustDomain.onceKnown("stub issuer", Output.of(ISSUER))), "web");
        });

        assertThat(deployment.ofType("kubernetes:core/v1:ServiceAccount")).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-sa", "web-sa");
    }

    @Test
    void oneServiceAccountInTwoDomainsIsAccepted() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            bind("api-blue", new StubCloud.Cluster("blue", TrustDomain.known("stub issuer", ISSUER)), "api");
            bind("api-green", new StubCloud.Cluster("green", TrustDomain.onceKnown("stub issuer", Output.of(ISSUER + "-2"))), "api");
        });

        assertThat(deployment.ofType("kubernetes:core/v1:ServiceAccount")).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-blue-sa", "api-green-sa");
    }
}
