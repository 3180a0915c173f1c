package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptedGkeClusterTest {

    @Test
    void answersItsPoolAndIssuerFromStackReferenceValues() {
        var deployment = SimulatedStack.named("adopted").run(ctx -> new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                .projectId(Output.of("shop-prod-4711"))
                .location(Output.of("europe-west1-b"))
                .clusterName(Output.of("green"))
                .kubeconfig(Output.of("apiVersion: v1").asSecret())
                .build()));
        var cluster = deployment.resource(AdoptedGkeCluster.TYPE, "green");

        assertThat(cluster.outputs())
                .containsEntry("workloadPool", "shop-prod-4711.svc.id.goog")
                .containsEntry("issuerUrl", "https://container.googleapis.com/v1/projects/shop-prod-4711/locations/europe-west1-b/clusters/green");
        var provider = deployment.resource("pulumi:providers:kubernetes", "green-k8s");
        assertThat(ResourceGraph.of(deployment).parentOf(provider).urn()).isEqualTo(cluster.urn());
        assertThat(provider.inputs().get("kubeconfig")).isInstanceOf(dev.keyless.preview.engine.SecretValue.class);
    }

    @Test
    void namespacesAndServiceAccountsGoThroughItsProvider() {
        var deployment = SimulatedStack.named("adopted").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").build()));
        var provider = deployment.resource("pulumi:providers:kubernetes", "green-k8s").urn();

        assertThat(deployment.resource("kubernetes:core/v1:Namespace", "green-ns-shop").providerUrn()).isEqualTo(provider);
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa").providerUrn()).isEqualTo(provider);
    }

    @Test
    void aValueFromAnotherStackIsCheckedOnceKnown() {
        var failure = SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
            var cluster = new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                    .projectId(Output.of("Shop Prod"))
                    .location("europe-west1")
                    .clusterName("green")
                    .kubeconfig("apiVersion: v1")
                    .build());
            ctx.export("pool", cluster.workloadPool());
        });

        assertThat(failure.message()).isEqualTo(
                "projectId must be a project ID: 6 to 30 characters of [a-z0-9-], starting with a letter and not ending with '-': 'Shop Prod'");
        assertThat(failure.registeredBesidesStack()).as("neither the cluster nor its Kubernetes provider").isEmpty();
    }

    @Test
    void aWorkloadOnAClusterWithABadValueFromAnotherStackRegistersNothingOnAnyRun() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
                var cluster = new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                        .projectId("shop-prod-4711").location(Output.of("Europe West"))
                        .clusterName("green").kubeconfig("apiVersion: v1").build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                        .identity(ServiceAccountImpersonation.defaults()).grant(GcsAccess.readOnly("shop-catalog")).build());
            });

            assertThat(failure.message()).as("run %d", run).startsWith("location must be ").endsWith(": 'Europe West'");
            // The component itself may register; nothing that reaches the cloud or the cluster does.
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(dev.keyless.preview.engine.RegisteredResource::name)
                    .isSubsetOf("api");
        }
    }
}
