package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A principal and the workloadIdentityUser member name the project's workload pool, not a
 * cluster: one namespace/ServiceAccount is bound once per pool, whichever clusters reach it.
 */
class OneBindingPerWorkloadPoolTest {
    private static final String OTHER_PROJECT = "shop-dev-4711";

    private static SimulatedStack stack() {
        return SimulatedStack.named("pool").config("gcp:project", TestClusters.PROJECT).config("gcp:region", "europe-west1");
    }

    private static AdoptedGkeCluster adopted(String name, Output<String> projectId) {
        return new AdoptedGkeCluster(name, AdoptedGkeClusterArgs.builder().projectId(projectId).location("europe-west1")
                .clusterName(name).kubeconfig("{}").build());
    }

    private static AdoptedGkeCluster adopted(String name, String projectId) {
        return new AdoptedGkeCluster(name, AdoptedGkeClusterArgs.builder().projectId(projectId).location("europe-west1")
                .clusterName(name).kubeconfig("{}").build());
    }

    private static void bind(String component, OidcCluster cluster, String serviceAccount, IdentityMechanism mechanism) {
        new FederatedServiceAccount(component, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(serviceAccount)
                .identity(mechanism).grant(GcsAccess.readOnly("shop-catalog")).build());
    }

    private static void bind(String component, OidcCluster cluster, String serviceAccount) {
        bind(component, cluster, serviceAccount, GkeWorkloadIdentity.builder().projectNumber(TestClusters.PROJECT_NUMBER).build());
    }

    private static String refusal(String earlier, String later, String pool) {
        return "serviceAccount must be bound by one FederatedServiceAccount per workload pool, but " + earlier + " and " + later
                + " both bind it in workload pool '" + pool + "' (the cloud sees one subject: a pod of either could use both "
                + "identities and hold the union of their grants): 'shop/api'";
    }

    @Test
    void twoClustersOfOneProjectCannotBothBindAServiceAccount() {
        var failure = stack().runExpectingFailure(ctx -> {
            bind("api-blue", new GkeCluster("blue", GkeClusterArgs.builder().build()), "api");
            bind("api-green", new GkeCluster("green", GkeClusterArgs.builder().build()), "api");
        });

        assertThat(failure.message()).isEqualTo(refusal("'api-blue' (GKE cluster 'blue')", "'api-green' (GKE cluster 'green')", TestClusters.POOL));
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-green")).as("refused before registering").isEmpty();
    }

    @Test
    void oneClusterAdoptedTwiceCannotBindAServiceAccountTwiceWithEitherMechanism() {
        var direct = stack().runExpectingFailure(ctx -> {
            bind("api", TestClusters.adopted("green"), "api");
            bind("api-again", TestClusters.adopted("green-again"), "api");
        });
        assertThat(direct.message()).isEqualTo(
                refusal("'api' (adopted GKE cluster 'green')", "'api-again' (adopted GKE cluster 'green-again')", TestClusters.POOL));

        // Impersonation's member, PROJECT.svc.id.goog[shop/api], names the pool as well.
        var impersonated = stack().runExpectingFailure(ctx -> {
            bind("api", TestClusters.adopted("green"), "api", ServiceAccountImpersonation.defaults());
            bind("api-again", TestClusters.adopted("green-again"), "api", ServiceAccountImpersonation.defaults());
        });
        assertThat(impersonated.message()).isEqualTo(
                refusal("'api' (adopted GKE cluster 'green')", "'api-again' (adopted GKE cluster 'green-again')", TestClusters.POOL));
        assertThat(impersonated.deployment().resources()).extracting(RegisteredResource::name).doesNotContain("api-again", "api-again-gsa");
    }

    @Test
    void aProjectFromAnotherStackIsCheckedOnceKnownAndTheLaterBindingRegistersNothing() {
        for (var run = 0; run < 5; run++) {
            var failure = stack().runExpectingFailure(ctx -> {
                bind("api-blue", new GkeCluster("blue", GkeClusterArgs.builder().build()), "api");
                bind("api-green", adopted("green", Output.of(TestClusters.PROJECT)), "api", ServiceAccountImpersonation.defaults());
            });

            assertThat(failure.message()).as("run %d", run)
                    .isEqualTo(refusal("'api-blue' (GKE cluster 'blue')", "'api-green' (adopted GKE cluster 'green')", TestClusters.POOL));
            assertThat(failure.deployment().resources()).as("run %d", run).extracting(RegisteredResource::name).doesNotContain(
                    "api-green", "api-green-sa", "api-green-gsa", "api-green-workload-identity-user",
                    "api-green-grant-shop-catalog-read-only", "green-ns-shop");
        }
    }

    @Test
    void twoServiceAccountsInOnePoolAreAccepted() {
        var deployment = stack().run(ctx -> {
            bind("api", new GkeCluster("blue", GkeClusterArgs.builder().build()), "api");
            bind("web", adopted("green", Output.of(TestClusters.PROJECT)), "web");
            bind("worker", TestClusters.adopted("green-again"), "worker");
        });

        assertThat(deployment.ofType("kubernetes:core/v1:ServiceAccount")).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-sa", "web-sa", "worker-sa");
    }

    @Test
    void oneServiceAccountInTwoProjectsIsAccepted() {
        var deployment = stack().run(ctx -> {
            bind("api-prod", new GkeCluster("blue", GkeClusterArgs.builder().build()), "api");
            bind("api-dev", adopted("green", OTHER_PROJECT), "api");
            bind("api-dev-ops", adopted("ops", Output.of("shop-ops-4711")), "api");
        });

        assertThat(deployment.ofType("kubernetes:core/v1:ServiceAccount")).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-prod-sa", "api-dev-sa", "api-dev-ops-sa");
    }
}
