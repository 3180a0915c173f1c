package dev.keyless.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A kubeconfig for an AKS cluster with Entra ID integration that holds no credential: kubectl and
 * the Pulumi Kubernetes provider get a short-lived Entra token from {@code kubelogin} each time, as
 * the identity signed in with {@code az login} (or {@code AAD_*} environment variables in CI,
 * with {@code --login} changed accordingly). Local accounts are disabled on clusters keyless
 * makes, so there is no admin kubeconfig to fall back on.
 *
 * <p>The server and CA certificate come from the user kubeconfig AKS lists; its own user entry
 * asks for an interactive device-code login, which a {@code pulumi up} cannot answer, so it is
 * replaced.
 *
 * @see <a href="https://azure.github.io/kubelogin/concepts/login-modes/azurecli.html">kubelogin: Azure CLI login mode</a>
 */
final class AksKubeconfig {
    /** The Entra application id of the AKS API server, the same for every AKS cluster: the token's audience. */
    static final String AKS_SERVER_APP_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private AksKubeconfig() {
    }

    /**
     * @param clusterName          the cluster's name, for the kubeconfig's entries
     * @param listedKubeconfigBase64 the user kubeconfig AKS listed, base64 as the API returns it
     * @return the kubeconfig as JSON, which kubectl and the provider read as YAML
     */
    static String fromListed(String clusterName, String listedKubeconfigBase64) {
        JsonNode listed;
        try {
            listed = YAML.readTree(new String(Base64.getDecoder().decode(listedKubeconfigBase64), StandardCharsets.UTF_8));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("AKS returned a user kubeconfig keyless cannot read", e);
        }
        var cluster = listed.path("clusters").path(0).path("cluster");
        var server = cluster.path("server").asText("");
        var certificateAuthority = cluster.path("certificate-authority-data").asText("");
        if (server.isEmpty() || certificateAuthority.isEmpty()) {
            throw new IllegalStateException("AKS returned a user kubeconfig without server or certificate-authority-data");
        }
        return forServer(clusterName, server, certificateAuthority);
    }

    static String forServer(String clusterName, String server, String certificateAuthority) {
        var config = Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", clusterName, "cluster", Map.of(
                        "server", server,
                        "certificate-authority-data", certificateAuthority))),
                "users", List.of(Map.of("name", clusterName, "user", Map.of("exec", Map.of(
                        "apiVersion", "client.authentication.k8s.io/v1beta1",
                        "command", "kubelogin",
                        "args", List.of("get-token", "--login", "azurecli", "--server-id", AKS_SERVER_APP_ID),
                        "interactiveMode", "Never")))),
                "contexts", List.of(Map.of("name", clusterName, "context", Map.of("cluster", clusterName, "user", clusterName))),
                "current-context", clusterName);
        try {
            return JSON.writeValueAsString(new TreeMap<>(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kubeconfig", e);
        }
    }
}
