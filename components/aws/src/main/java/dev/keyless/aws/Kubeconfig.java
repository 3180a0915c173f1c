package dev.keyless.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * A kubeconfig for an EKS cluster that holds no credential: {@code kubectl} and the Pulumi
 * Kubernetes provider get a short-lived token from {@code aws eks get-token} each time, as the
 * identity running them.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html">Connect kubectl to an EKS cluster</a>
 */
final class Kubeconfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Kubeconfig() {
    }

    /**
     * @param clusterName          the EKS cluster's name
     * @param endpoint             its API server endpoint
     * @param certificateAuthority its CA certificate, base64 as EKS returns it
     * @param region               its region
     * @return the kubeconfig as JSON, which kubectl and the provider read as YAML
     */
    static String forEks(String clusterName, String endpoint, String certificateAuthority, String region) {
        var config = Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", clusterName, "cluster", Map.of(
                        "server", endpoint,
                        "certificate-authority-data", certificateAuthority))),
                "users", List.of(Map.of("name", clusterName, "user", Map.of("exec", Map.of(
                        "apiVersion", "client.authentication.k8s.io/v1beta1",
                        "command", "aws",
                        "args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region),
                        "interactiveMode", "Never")))),
                "contexts", List.of(Map.of("name", clusterName, "context", Map.of("cluster", clusterName, "user", clusterName))),
                "current-context", clusterName);
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kubeconfig", e);
        }
    }
}
