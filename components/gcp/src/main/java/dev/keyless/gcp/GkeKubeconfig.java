package dev.keyless.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A kubeconfig for a GKE cluster that holds no credential: {@code kubectl} and the Pulumi
 * Kubernetes provider get a short-lived token from {@code gke-gcloud-auth-plugin} each time, as the
 * Google identity running them.
 *
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin">Install the gke-gcloud-auth-plugin</a>
 */
final class GkeKubeconfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GkeKubeconfig() {
    }

    /**
     * @param contextName          the kubeconfig's cluster, user and context name
     * @param endpoint             the API server's address, as GKE reports it (no scheme)
     * @param certificateAuthority the cluster CA certificate, base64 as GKE returns it
     * @return the kubeconfig as JSON, which kubectl and the provider read as YAML
     */
    static String of(String contextName, String endpoint, String certificateAuthority) {
        var config = Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", contextName, "cluster", Map.of(
                        "server", "https://" + endpoint,
                        "certificate-authority-data", certificateAuthority))),
                "users", List.of(Map.of("name", contextName, "user", Map.of("exec", Map.of(
                        "apiVersion", "client.authentication.k8s.io/v1beta1",
                        "command", "gke-gcloud-auth-plugin",
                        "installHint", "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
                        "provideClusterInfo", true,
                        "interactiveMode", "Never")))),
                "contexts", List.of(Map.of("name", contextName, "context", Map.of("cluster", contextName, "user", contextName))),
                "current-context", contextName);
        try {
            return JSON.writeValueAsString(new TreeMap<>(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kubeconfig", e);
        }
    }

    /** @return the context name gcloud gives the cluster, {@code gke_PROJECT_LOCATION_NAME} */
    static String contextName(String projectId, String location, String clusterName) {
        return "gke_" + projectId + "_" + location + "_" + clusterName;
    }
}
