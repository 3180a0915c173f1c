package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals of values known only at deploy time come before the workload registers anything: no
 * role, no policy, no ServiceAccount, no namespace, on any run; plain values are refused before
 * the component itself registers.
 */
class RefusalsBeforeRegistrationTest {
    private static final String WILDCARD = "grant statement must be an action and resource named exactly; wildcard permissions need "
            + "the role option allowWildcardPermissions(): 'action s3:*'";
    private static final List<String> WORKLOAD = List.of("api", "api-role", "api-grants", "api-sa", "api-pod-identity", "green-ns-shop");

    /** A user's own grant whose statements are known only at deploy time, asking for every S3 action. */
    private static final class DeployTimeWildcardGrant implements AwsGrant {
        @Override
        public Output<List<IamStatement>> statements() {
            return Output.of("shop-uploads").applyValue(bucket -> List.of(IamStatement.builder().effect(IamEffect.ALLOW)
                    .addAction("s3:*").addResource("arn:aws:s3:::" + bucket).build()));
        }

        @Override
        public String describe() {
            return "every S3 action on a bucket from another stack";
        }
    }

    private static ProgramFailure failingEveryRun(Consumer<com.pulumi.Context> program, String message) {
        ProgramFailure last = null;
        for (var run = 0; run < 5; run++) {
            last = SimulatedStack.named("refusals").runExpectingFailure(program);
            assertThat(last.message()).as("run %d", run).isEqualTo(message);
            assertThat(last.deployment().resources()).as("run %d", run).extracting(RegisteredResource::name).doesNotContainAnyElementsOf(WORKLOAD);
        }
        return last;
    }

    private static FederatedServiceAccountArgs.Builder api(AwsOidcCluster cluster) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api");
    }

    @Test
    void aCustomWildcardGrantKnownAtDeployTimeRegistersNothingOfTheWorkload() {
        failingEveryRun(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green")).grant(new DeployTimeWildcardGrant()).build()),
                WILDCARD);
        failingEveryRun(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green", true)).grant(new DeployTimeWildcardGrant())
                .identity(PodIdentity.defaults()).build()), WILDCARD);
    }

    @Test
    void aBucketNameFromAnotherStackIsRefusedBeforeTheRoleRegisters() {
        failingEveryRun(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green"))
                .grant(S3Access.readOnly(Output.of("Shop_Catalog"))).build()), "bucket must be " + S3BucketNames.RULE + ": 'Shop_Catalog'");
    }

    @Test
    void theSameGrantIsAcceptedWithTheNamedOption() {
        var deployment = SimulatedStack.named("refusals").run(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green"))
                .grant(new DeployTimeWildcardGrant()).identity(IrsaIdentity.builder().allowWildcardPermissions().build()).build()));

        assertThat(GrantPolicies.carriedBy(deployment, "api")).contains("\"s3:*\"").contains("arn:aws:s3:::shop-uploads");
    }

    @Test
    void aClusterAdoptedTwiceIsRefusedAsAlsoTrustedByBeforeRegistrationWhenPlain() {
        var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                api(TestClusters.adopted("green")).identity(IrsaIdentity.builder()
                        .alsoTrustedBy(TestClusters.adoptedWithIssuer("green-again", TestClusters.ISSUER)).build()).build()));

        assertThat(failure.message()).isEqualTo("alsoTrustedBy must be a cluster with an issuer of its own, but it has the issuer of "
                + "adopted EKS cluster 'green' (the same cluster adopted twice?): 'adopted EKS cluster 'green-again''");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api")).isEmpty();
    }

    @Test
    void aClusterAdoptedTwiceThroughAnotherStacksIssuerRegistersNothingOfTheWorkload() {
        failingEveryRun(ctx -> {
            var again = new AdoptedEksCluster("green-again", AdoptedEksClusterArgs.builder().clusterName("green")
                    .issuerUrl(Output.of(TestClusters.ISSUER)).oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)).kubeconfig("{}").build());
            new FederatedServiceAccount("api", api(TestClusters.adopted("green"))
                    .identity(IrsaIdentity.builder().alsoTrustedBy(again).build()).build());
        }, "alsoTrustedBy must be a cluster with an issuer of its own, but it has the issuer of "
                + "adopted EKS cluster 'green' (the same cluster adopted twice?): 'adopted EKS cluster 'green-again''");
    }

    @Test
    void twoComponentsOnOneClusterAdoptedTwiceAreRefusedOnBothPaths() {
        var message = "serviceAccount must be bound by one FederatedServiceAccount per OIDC issuer, but 'api' (adopted EKS cluster 'green') "
                + "and 'api-again' (adopted EKS cluster 'green-again') both bind it in OIDC issuer '" + TestClusters.ISSUER
                + "' (the cloud sees one subject: a pod of either could use both identities and hold the union of their grants): 'shop/api'";
        var plain = SimulatedStack.named("refusals").runExpectingFailure(ctx -> {
            new FederatedServiceAccount("api", api(TestClusters.adopted("green")).build());
            new FederatedServiceAccount("api-again", api(TestClusters.adoptedWithIssuer("green-again", TestClusters.ISSUER)).build());
        });
        assertThat(plain.message()).isEqualTo(message);
        assertThat(plain.deployment().find(FederatedServiceAccount.TYPE, "api-again")).isEmpty();

        for (var run = 0; run < 5; run++) {
            var outputs = SimulatedStack.named("refusals").runExpectingFailure(ctx -> {
                new FederatedServiceAccount("api", api(TestClusters.adopted("green")).build());
                var again = new AdoptedEksCluster("green-again", AdoptedEksClusterArgs.builder().clusterName("green")
                        .issuerUrl(Output.of(TestClusters.ISSUER)).oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)).kubeconfig("{}").build());
                new FederatedServiceAccount("api-again", api(again).build());
            });
            assertThat(outputs.message()).as("run %d", run).isEqualTo(message);
            assertThat(outputs.deployment().resources()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("api-again", "api-again-role", "api-again-sa", "green-again-ns-shop");
        }
    }

    @Test
    void oneServiceAccountOnTwoIssuersFromAnotherStackIsAccepted() {
        var deployment = SimulatedStack.named("refusals").run(ctx -> {
            new FederatedServiceAccount("api", api(TestClusters.adopted("green")).build());
            var blue = new AdoptedEksCluster("blue", AdoptedEksClusterArgs.builder().clusterName("blue")
                    .issuerUrl(Output.of(TestClusters.OTHER_ISSUER)).oidcProviderArn(Output.of(TestClusters.OTHER_PROVIDER_ARN)).kubeconfig("{}").build());
            new FederatedServiceAccount("api-blue", api(blue).build());
        });

        assertThat(deployment.ofType("aws:iam/role:Role")).extracting(RegisteredResource::name).containsExactlyInAnyOrder("api-role", "api-blue-role");
    }

    @Test
    void createdClustersAreEachTheirOwnDomainWhateverTheirIssuersResolveTo() {
        // The simulated cloud gives every new cluster of a region one issuer; real ones differ.
        var deployment = SimulatedStack.named("refusals").config("aws:region", "eu-west-1").run(ctx -> {
            new FederatedServiceAccount("api-blue", api(new EksCluster("blue", EksClusterArgs.builder().build())).build());
            new FederatedServiceAccount("api-green", api(new EksCluster("green", EksClusterArgs.builder().build())).build());
        });
        assertThat(deployment.ofType("aws:iam/role:Role")).extracting(RegisteredResource::name)
                .contains("api-blue-role", "api-green-role");

        var failure = SimulatedStack.named("refusals").config("aws:region", "eu-west-1").runExpectingFailure(ctx -> {
            var blue = new EksCluster("blue", EksClusterArgs.builder().build());
            new FederatedServiceAccount("api", api(blue).build());
            new FederatedServiceAccount("api-copy", api(blue).build());
        });
        assertThat(failure.message()).isEqualTo("serviceAccount must be bound by one FederatedServiceAccount per EKS cluster, but 'api' "
                + "(EKS cluster 'blue') and 'api-copy' (EKS cluster 'blue') both bind it in EKS cluster 'blue' (the cloud sees one subject: "
                + "a pod of either could use both identities and hold the union of their grants): 'shop/api'");
    }

    @Test
    void aBadArnFromAnotherStackLeavesNoRoleWithHalfItsAttachments() {
        failingEveryRun(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green")).grant(S3Access.readOnly("shop-catalog"))
                        .identity(IrsaIdentity.builder().managedPolicyArn("baseline", Output.of("baseline")).build()).build()),
                "managedPolicyArn must be " + Arns.POLICY_RULE + ": 'baseline'");
        failingEveryRun(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green")).grant(S3Access.readOnly("shop-catalog"))
                        .identity(IrsaIdentity.builder().existingRoleArn(Output.of("arn:aws:iam::111122223333:user/shop-api")).build()).build()),
                "existingRoleArn must be " + Arns.ROLE_RULE + ": 'arn:aws:iam::111122223333:user/shop-api'");
    }
}
