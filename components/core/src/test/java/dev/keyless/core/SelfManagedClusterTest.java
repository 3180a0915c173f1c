package dev.keyless.core;

import com.pulumi.resources.CustomResource;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A self-managed cluster: its only mechanisms are federations, and with no cloud named it is refused. */
class SelfManagedClusterTest {
    private static final String ISSUER = "https://k3s-issuer.s3.eu-west-1.amazonaws.com";

    private static SelfManagedClusterArgs.Builder cluster() {
        return SelfManagedClusterArgs.builder().issuerUrl(ISSUER).kubeconfig("{}");
    }

    @Test
    void everyGrantGoesToItsCloudsFederationOfTheIssuer() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new SelfManagedCluster("k3s", cluster().build()))
                        .namespace("shop").name("api").grant(new StubCloud.ForeignGrant()).build()));

        var federated = "other:" + ISSUER + "#system:serviceaccount:shop:api";
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("identities", Map.of("other", federated));
        assertThat(deployment.resource(SelfManagedCluster.TYPE, "k3s").outputs()).containsEntry("issuerUrl", ISSUER);
        var provider = deployment.resource("pulumi:providers:kubernetes", "k3s-k8s");
        assertThat(ResourceGraph.of(deployment).parentOf(provider).name()).isEqualTo("k3s");
    }

    @Test
    void aBindingThatNamesNoCloudIsRefusedBeforeAnythingIsRegistered() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new SelfManagedCluster("k3s", cluster().build()))
                        .namespace("shop").name("api").build()));

        assertThat(failure.message()).isEqualTo("grants must be at least one grant or mechanism of a cloud "
                + "(e.g. S3Access, GcsAccess, BlobAccess, or mechanism(AwsCloud.CLOUD, ...)): a self-managed cluster has no cloud of its own, "
                + "so each identity is a federation into the cloud that trusts its issuer: "
                + "'none for shop/api on self-managed cluster 'k3s''");
        assertThat(failure.registeredBesidesStack()).noneMatch(r -> r.type().equals(FederatedServiceAccount.TYPE));
    }

    @Test
    void theKubernetesProviderWaitsForThePublishedDocuments() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var documents = new CustomResource("test:index:Documents", "docs", null, null);
            new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuer(new StubIssuer(documents)).kubeconfig("{}").build());
        });

        assertThat(ResourceGraph.of(deployment).waitsFor(deployment.resource("pulumi:providers:kubernetes", "k3s-k8s"),
                deployment.resource("test:index:Documents", "docs"))).isTrue();
    }

    @Test
    void anIssuerWithATrailingSlashOrNoKubeconfigIsRefused() {
        var slash = SimulatedStack.named("core").runExpectingFailure(ctx ->
                new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuerUrl(ISSUER + "/").kubeconfig("{}").build()));
        assertThat(slash.message()).isEqualTo("issuerUrl must be an issuer URL without a trailing '/': "
                + "the tokens' 'iss' and the documents' URLs are built from it: '" + ISSUER + "/'");

        var noKubeconfig = SimulatedStack.named("core").runExpectingFailure(ctx ->
                new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuerUrl(ISSUER).build()));
        assertThat(noKubeconfig.message()).isEqualTo("kubeconfig is required: give a kubeconfig for the cluster");
        assertThat(noKubeconfig.registeredBesidesStack()).isEmpty();
    }

    private record StubIssuer(CustomResource documents) implements PublishedIssuer {
        @Override
        public com.pulumi.core.Output<String> issuerUrl() {
            return com.pulumi.core.Output.of(ISSUER);
        }

        @Override
        public java.util.Optional<String> plainIssuerUrl() {
            return java.util.Optional.of(ISSUER);
        }

        @Override
        public String describe() {
            return "stub issuer";
        }

        @Override
        public com.pulumi.core.Output<String> jwksUri() {
            return com.pulumi.core.Output.of(ISSUER + "/openid/v1/jwks");
        }

        @Override
        public com.pulumi.core.Output<java.util.List<String>> apiServerArguments() {
            return com.pulumi.core.Output.of(java.util.List.of());
        }

        @Override
        public com.pulumi.resources.Resource published() {
            return documents;
        }
    }

    @Test
    void badIssuerAndKubeconfigFromAnotherStackGiveOneMessageInFieldOrderAndNoChild() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder()
                    .kubeconfig(com.pulumi.core.Output.of(" ")).issuerUrl(com.pulumi.core.Output.of("https://issuer.example/k3s/")).build()));

            assertThat(failure.message()).as("run %d", run).isEqualTo("issuerUrl must be an issuer URL without a trailing '/': the tokens' 'iss' "
                    + "and the documents' URLs are built from it: 'https://issuer.example/k3s/'; kubeconfig must be a non-empty kubeconfig, YAML or JSON: ' '");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
        var good = SimulatedStack.named("core").run(ctx -> new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder()
                .kubeconfig(com.pulumi.core.Output.of("{}")).issuerUrl(com.pulumi.core.Output.of("https://issuer.example/k3s")).build()));
        assertThat(good.resource("pulumi:providers:kubernetes", "k3s-k8s").input("kubeconfig").orElseThrow())
                .isInstanceOfSatisfying(dev.keyless.preview.engine.SecretValue.class, v -> assertThat(v.plaintext()).isEqualTo("{}"));
    }
}
