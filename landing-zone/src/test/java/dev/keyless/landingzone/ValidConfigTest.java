package dev.keyless.landingzone;

import dev.keyless.preview.engine.RecordedDeployment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Valid config is read as Pulumi reads its YAML, and unset settings take the libraries' defaults. */
class ValidConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workload(RecordedDeployment deployment, String key) {
        return (Map<String, Object>) ((Map<String, Object>) deployment.stackOutputs().get("workloads")).get(key);
    }

    @Test
    void anAdoptedGkeClusterKeepsPodsOnMetadataServerNodesUnlessTheConfigSaysEveryNodeHasIt() {
        var config = """
                gke-kubeconfig: "apiVersion: v1"
                clusters:
                  analytics:
                    cloud: gcp
                    adopt:
                      projectId: acme-data
                      location: europe-west1
                      clusterName: analytics
                      kubeconfigSecret: gke-kubeconfig
                %s
                workloads:
                  loader:
                    cluster: analytics
                    namespace: events
                    serviceAccount: loader
                """;
        var unset = ZoneStack.withConfig(config.formatted("")).run(LandingZone::stack);
        assertThat(workload(unset, "loader")).as("the library's default: false").containsEntry("nodeSelector",
                Map.of("iam.gke.io/gke-metadata-server-enabled", "true"));
        var everyNode = ZoneStack.withConfig(config.formatted("      metadataServerOnEveryNode: true")).run(LandingZone::stack);
        assertThat(workload(everyNode, "loader")).containsEntry("nodeSelector", Map.of());
    }

    @Test
    void settingsSharedThroughAnAnchorAndMergeKeysAreTheAnchorsValues() {
        var deployment = ZoneStack.withConfig("""
                eks-kubeconfig: "apiVersion: v1"
                clusters:
                  platform:
                    cloud: aws
                    adopt:
                      clusterName: platform
                      issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                      kubeconfigSecret: eks-kubeconfig
                workloads:
                  api:
                    <<: &shop {cluster: platform, namespace: shop}
                    serviceAccount: api
                  worker:
                    <<: *shop
                    namespace: jobs
                    serviceAccount: worker
                """).run(LandingZone::stack);

        assertThat(workload(deployment, "api")).containsEntry("cluster", "platform").containsEntry("namespace", "shop");
        assertThat(workload(deployment, "worker")).as("a key written beside the merge wins")
                .containsEntry("cluster", "platform").containsEntry("namespace", "jobs");
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "worker-sa").input("metadata.namespace")).contains("jobs");
    }
}
