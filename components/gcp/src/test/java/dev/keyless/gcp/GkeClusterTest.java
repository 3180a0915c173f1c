package dev.keyless.gcp;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GkeClusterTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    private static final String NODE_EMAIL = "platform-nodes@shop-prod-4711.iam.gserviceaccount.com";

    private static SimulatedStack stack() {
        return SimulatedStack.named("gke").config("gcp:project", "shop-prod-4711").config("gcp:region", "europe-west1");
    }

    private static RecordedDeployment deploy(GkeClusterArgs.Builder args) {
        return stack().run(ctx -> new GkeCluster("platform", args.build()));
    }

    @Test
    void theClusterHasTheProjectsWorkloadPoolAndStaysProtected() {
        var cluster = deploy(GkeClusterArgs.builder()).resource(CLUSTER, "platform-cluster");

        assertThat(cluster.inputs())
                .containsEntry("project", "shop-prod-4711")
                .containsEntry("location", "europe-west1")
                .containsEntry("deletionProtection", true)
                .containsEntry("removeDefaultNodePool", true)
                .containsEntry("enableShieldedNodes", true)
                .doesNotContainKey("enableAutopilot");
        assertThat(cluster.input("workloadIdentityConfig.workloadPool")).contains("shop-prod-4711.svc.id.goog");
        assertThat(cluster.input("releaseChannel.channel")).contains("REGULAR");
        assertThat(cluster.input("masterAuth.clientCertificateConfig.issueClientCertificate")).contains(false);
        assertThat(cluster.input("nodeConfig.serviceAccount")).contains(NODE_EMAIL);
        assertThat(cluster.input("nodeConfig.workloadMetadataConfig.mode")).contains("GKE_METADATA");
    }

    @Test
    void deletionProtectionIsOffOnlyWhenAsked() {
        assertThat(deploy(GkeClusterArgs.builder().deletionProtection(false)).resource(CLUSTER, "platform-cluster")
                .input("deletionProtection")).contains(false);
    }

    @Test
    void nodesRunTheMetadataServerAsADedicatedLeastPrivilegeAccount() {
        var deployment = deploy(GkeClusterArgs.builder().nodePool(new NodePoolOptions("e2-standard-4", 0, 2, 5)));
        var pool = deployment.resource(NODE_POOL, "platform-nodes");

        assertThat(pool.input("nodeConfig.workloadMetadataConfig.mode")).contains("GKE_METADATA");
        assertThat(pool.input("nodeConfig.serviceAccount")).contains(NODE_EMAIL);
        assertThat(pool.input("nodeConfig.machineType")).contains("e2-standard-4");
        assertThat(pool.input("nodeConfig.shieldedInstanceConfig")).contains(Map.of("enableSecureBoot", true, "enableIntegrityMonitoring", true));
        assertThat(pool.input("nodeConfig.metadata")).contains(Map.of("disable-legacy-endpoints", "true"));
        assertThat(pool.input("autoscaling")).contains(Map.of("minNodeCount", 0.0, "maxNodeCount", 5.0));
        assertThat(pool.input("initialNodeCount")).contains(2.0);
        assertThat(pool.input("cluster")).contains("platform-cluster-xxxxxxx");

        assertThat(deployment.resource("gcp:serviceaccount/account:Account", "platform-nodes-sa").input("accountId")).contains("platform-nodes");
        var roles = deployment.ofType("gcp:projects/iAMMember:IAMMember");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).inputs()).isEqualTo(Map.of(
                "project", "shop-prod-4711",
                "role", "roles/container.defaultNodeServiceAccount",
                "member", "serviceAccount:" + NODE_EMAIL));
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsFor(pool, roles.get(0))).isTrue();
        assertThat(graph.waitsFor(deployment.resource(CLUSTER, "platform-cluster"), roles.get(0))).isTrue();
    }

    @Test
    void theProviderWaitsForTheNodesAndAuthenticatesWithGcloudsPlugin() {
        var deployment = deploy(GkeClusterArgs.builder());
        var provider = deployment.resource("pulumi:providers:kubernetes", "platform-k8s");

        assertThat(ResourceGraph.of(deployment).waitsFor(provider, deployment.resource(NODE_POOL, "platform-nodes"))).isTrue();
        assertThat(provider.inputs().get("kubeconfig")).isInstanceOf(SecretValue.class);
        var kubeconfig = Json.parse(((SecretValue) provider.inputs().get("kubeconfig")).plaintext());
        assertThat(kubeconfig.at("/clusters/0/cluster/server").asText()).isEqualTo("https://203.0.113.10");
        assertThat(kubeconfig.at("/current-context").asText()).isEqualTo("gke_shop-prod-4711_europe-west1_platform-cluster-xxxxxxx");
        assertThat(kubeconfig.at("/users/0/user/exec")).isEqualTo(Json.parse("""
                {"apiVersion": "client.authentication.k8s.io/v1beta1",
                 "command": "gke-gcloud-auth-plugin",
                 "installHint": "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
                 "provideClusterInfo": true,
                 "interactiveMode": "Never"}"""));
        assertThat(kubeconfig.toString()).doesNotContain("token").doesNotContain("client-key");
    }

    @Test
    void exportsTheRealIssuerAndPool() {
        var component = deploy(GkeClusterArgs.builder().clusterName("platform-eu")).resource(GkeCluster.TYPE, "platform");

        assertThat(component.outputs())
                .containsEntry("issuerUrl", "https://container.googleapis.com/v1/projects/shop-prod-4711/locations/europe-west1/clusters/platform-eu")
                .containsEntry("workloadPool", "shop-prod-4711.svc.id.goog")
                .containsEntry("clusterName", "platform-eu")
                .containsEntry("projectId", "shop-prod-4711")
                .containsEntry("location", "europe-west1");
        assertThat(component.outputs().get("kubeconfig")).isInstanceOf(SecretValue.class);
    }

    @Test
    void explicitPlacementWinsOverTheStacksConfig() {
        var cluster = deploy(GkeClusterArgs.builder().projectId("other-project-01").location("us-east4-a").releaseChannel("STABLE"))
                .resource(CLUSTER, "platform-cluster");

        assertThat(cluster.inputs()).containsEntry("project", "other-project-01").containsEntry("location", "us-east4-a");
        assertThat(cluster.input("releaseChannel.channel")).contains("STABLE");
    }

    @Test
    void autopilotHasNoNodePoolAndItsNodesRunAsTheDedicatedAccount() {
        var deployment = deploy(GkeClusterArgs.builder().autopilot(true));
        var cluster = deployment.resource(CLUSTER, "platform-cluster");

        assertThat(deployment.ofType(NODE_POOL)).isEmpty();
        assertThat(cluster.inputs()).containsEntry("enableAutopilot", true).doesNotContainKey("removeDefaultNodePool").doesNotContainKey("nodeConfig");
        assertThat(cluster.input("clusterAutoscaling.autoProvisioningDefaults.serviceAccount")).contains(NODE_EMAIL);
        assertThat(cluster.input("workloadIdentityConfig.workloadPool")).contains("shop-prod-4711.svc.id.goog");
        assertThat(ResourceGraph.of(deployment).waitsFor(deployment.resource("pulumi:providers:kubernetes", "platform-k8s"), cluster)).isTrue();
    }

    @Test
    void workloadsOnStandardGetTheNodeSelectorAndOnAutopilotNone() {
        for (var autopilot : List.of(false, true)) {
            var deployment = stack().run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(new GkeCluster("platform", GkeClusterArgs.builder().autopilot(autopilot).build()))
                    .namespace("shop").name("api").grant(GcsAccess.readOnly("shop-catalog")).build()));
            var expected = autopilot ? Map.of() : Map.of("iam.gke.io/gke-metadata-server-enabled", "true");
            assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs()).as("autopilot " + autopilot)
                    .containsEntry("nodeSelector", expected);
            var graph = ResourceGraph.of(deployment);
            var grant = deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "api-grant-shop-catalog-read-only");
            assertThat(graph.waitsForTransitively(grant, deployment.resource(CLUSTER, "platform-cluster"))).isTrue();
            var namespace = deployment.resource("kubernetes:core/v1:Namespace", "platform-ns-shop");
            assertThat(graph.parentOf(namespace).urn()).isEqualTo(deployment.resource(GkeCluster.TYPE, "platform").urn());
        }
    }

    @Test
    void everyChildHangsUnderTheComponent() {
        var deployment = deploy(GkeClusterArgs.builder());
        var component = deployment.resource(GkeCluster.TYPE, "platform");

        assertThat(deployment.childrenOf(component)).extracting(r -> r.name()).containsExactlyInAnyOrder(
                "platform-nodes-sa", "platform-nodes-role", "platform-cluster", "platform-nodes", "platform-k8s");
    }
}
