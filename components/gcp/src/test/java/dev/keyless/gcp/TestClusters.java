package dev.keyless.gcp;

import com.pulumi.core.Output;

/** Clusters the tests bind to. */
final class TestClusters {
    static final String PROJECT = "shop-prod-4711";
    static final String POOL = "shop-prod-4711.svc.id.goog";
    /** What the simulated cloud's getProject answers. */
    static final String PROJECT_NUMBER = "123456789012";

    private TestClusters() {
    }

    static AdoptedGkeCluster adopted(String name) {
        return adopted(name, false);
    }

    static AdoptedGkeCluster adopted(String name, boolean metadataServerOnEveryNode) {
        return new AdoptedGkeCluster(name, AdoptedGkeClusterArgs.builder()
                .projectId(PROJECT)
                .location("europe-west1")
                .clusterName("green")
                .kubeconfig(Output.of("{\"apiVersion\":\"v1\"}"))
                .metadataServerOnEveryNode(metadataServerOnEveryNode)
                .build());
    }

    static String principal(String namespace, String name) {
        return "principal://iam.googleapis.com/projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/"
                + POOL + "/subject/ns/" + namespace + "/sa/" + name;
    }
}
