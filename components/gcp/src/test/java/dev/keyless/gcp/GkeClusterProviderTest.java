package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GKE cluster given its own gcp provider registers in that provider's project: it asks that
 * provider, under the cluster, and never takes the stack's gcp:project, which configures the
 * default provider only.
 */
class GkeClusterProviderTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String ACCOUNT = "gcp:serviceaccount/account:Account";

    private static SimulatedStack stack() {
        return SimulatedStack.named("gke").config("gcp:project", "shop-prod-4711").config("gcp:region", "europe-west1");
    }

    @Test
    void aClusterWithItsOwnProviderAsksThatProviderForItsProject() {
        var asked = new ArrayList<InvokeOptions>();
        var analytics = new ArrayList<Provider>();
        var deployment = stack().run(ctx -> {
            analytics.add(new Provider("analytics", ProviderArgs.builder().project("analytics-prod").build()));
            new GkeCluster("platform", GkeClusterArgs.builder().location("us-central1")
                    .projectIdSource(options -> {
                        asked.add(options);
                        return Output.of("analytics-prod");
                    }).build(),
                    ComponentResourceOptions.builder().providers(analytics.get(0)).build());
        });

        assertThat(asked).singleElement().satisfies(options -> {
            assertThat(options.getParent().map(Resource::pulumiResourceName)).contains("platform");
            assertThat(options.getProvider()).containsSame(analytics.get(0));
        });
        var cluster = deployment.resource(CLUSTER, "platform-cluster");
        assertThat(cluster.inputs()).containsEntry("project", "analytics-prod").containsEntry("location", "us-central1");
        assertThat(cluster.input("workloadIdentityConfig.workloadPool")).contains("analytics-prod.svc.id.goog");
        assertThat(deployment.resource(ACCOUNT, "platform-nodes-sa").inputs())
                .containsEntry("project", "analytics-prod").containsEntry("accountId", "platform-nodes");
    }

    @Test
    void aProviderThatNamesNoProjectIsRefusedNamingTheOption() {
        var failure = stack().runExpectingFailure(ctx -> {
            var analytics = new Provider("analytics", ProviderArgs.builder().build());
            new GkeCluster("platform", GkeClusterArgs.builder().location("us-central1").projectIdSource(options -> Output.of("")).build(),
                    ComponentResourceOptions.builder().provider(analytics).build());
        });

        assertThat(failure.message()).isEqualTo("projectId must be given when the gcp provider 'analytics' names no project "
                + "(gcp:project): the workload identity pool must be in one: ''");
        assertThat(failure.deployment().ofType(CLUSTER)).isEmpty();
        assertThat(failure.deployment().ofType(ACCOUNT)).isEmpty();
    }

    @Test
    void aNodeAccountIdTakenInTheProvidersProjectIsRefusedOnceItAnswers() {
        var failure = stack().runExpectingFailure(ctx -> {
            var cluster = new GkeCluster("blue", GkeClusterArgs.builder().projectId("analytics-prod").location("us-central1").build());
            new FederatedServiceAccount("platform-nodes", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                    .identity(ServiceAccountImpersonation.defaults()).grant(GcsAccess.readOnly("shop-catalog")).build());
            var analytics = new Provider("analytics", ProviderArgs.builder().project("analytics-prod").build());
            new GkeCluster("platform", GkeClusterArgs.builder().location("us-central1").projectIdSource(options -> Output.of("analytics-prod")).build(),
                    ComponentResourceOptions.builder().provider(analytics).build());
        });

        assertThat(failure.message()).isEqualTo("node service account id (from the cluster's name) must be a Google service account id "
                + "no other component of this program uses in project 'analytics-prod', but 'platform-nodes' and 'platform' both use it: 'platform-nodes'");
        assertThat(failure.deployment().find(ACCOUNT, "platform-nodes-sa")).isEmpty();
    }

    @Test
    void aClusterWithItsOwnProviderMustNameItsLocation() {
        var failure = stack().runExpectingFailure(ctx -> {
            var analytics = new Provider("analytics", ProviderArgs.builder().project("analytics-prod").build());
            new GkeCluster("platform", GkeClusterArgs.builder().projectId("analytics-prod").build(),
                    ComponentResourceOptions.builder().provider(analytics).build());
        });

        assertThat(failure.message()).isEqualTo("location is required: set it when the cluster is given the gcp provider "
                + "'analytics': the stack's gcp:region configures the default provider, not that one");
        assertThat(failure.deployment().ofType(CLUSTER)).isEmpty();
    }

    @Test
    void aGivenProjectIsNotAskedFor() {
        var asked = new ArrayList<InvokeOptions>();
        var deployment = stack().run(ctx -> {
            var analytics = new Provider("analytics", ProviderArgs.builder().project("analytics-prod").build());
            new GkeCluster("platform", GkeClusterArgs.builder().projectId("analytics-prod").location("us-central1")
                    .projectIdSource(options -> {
                        asked.add(options);
                        return Output.of("elsewhere-prod");
                    }).build(),
                    ComponentResourceOptions.builder().providers(List.of(analytics)).build());
        });

        assertThat(asked).isEmpty();
        assertThat(deployment.resource(CLUSTER, "platform-cluster").inputs()).containsEntry("project", "analytics-prod");
    }

    @Test
    void aClusterOnTheDefaultProviderTakesTheStacksProjectAndRegion() {
        var cluster = stack().run(ctx -> new GkeCluster("platform", GkeClusterArgs.builder().build())).resource(CLUSTER, "platform-cluster");

        assertThat(cluster.inputs()).containsEntry("project", "shop-prod-4711").containsEntry("location", "europe-west1");
    }
}
