package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Every Kubernetes object the program would apply, as the YAML manifest a Kubernetes reviewer reads:
 * {@code apiVersion} and {@code kind} from the type token, then metadata, then the rest.
 */
final class KubernetesObjects {
    private KubernetesObjects() {
    }

    /**
     * @param deployment what a program registered
     * @return the section's lines, none when there is no Kubernetes object
     */
    static List<String> render(RecordedDeployment deployment) {
        var section = new ReviewSection("Kubernetes objects:");
        for (var resource : TreeOrder.resources(deployment)) {
            apiVersionAndKind(resource).ifPresent(header -> section.add(
                    resource.type() + "  " + resource.name(), YamlText.of(manifest(resource, header))));
        }
        return section.lines();
    }

    /**
     * Reads a Kubernetes type token: {@code kubernetes:apps/v1:Deployment} is {@code apps/v1}
     * {@code Deployment}; the core group has no name, so {@code kubernetes:core/v1:Pod} is {@code v1}.
     * Helm releases, YAML and chart components, and providers are not objects of the cluster's API.
     *
     * @param resource a registered resource
     * @return its apiVersion and kind, or empty when it is not a Kubernetes object
     */
    static Optional<String[]> apiVersionAndKind(RegisteredResource resource) {
        var parts = resource.type().split(":", -1);
        if (parts.length != 3 || !parts[0].equals("kubernetes") || !resource.custom()) {
            return Optional.empty();
        }
        var groupVersion = parts[1];
        int slash = groupVersion.lastIndexOf('/');
        if (slash <= 0 || groupVersion.startsWith("helm.sh/") || groupVersion.startsWith("yaml/")) {
            return Optional.empty();
        }
        var group = groupVersion.substring(0, slash);
        var apiVersion = group.equals("core") ? groupVersion.substring(slash + 1) : groupVersion;
        return Optional.of(new String[]{apiVersion, parts[2]});
    }

    private static LinkedHashMap<String, Object> manifest(RegisteredResource resource, String[] apiVersionAndKind) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("apiVersion", apiVersionAndKind[0]);
        manifest.put("kind", apiVersionAndKind[1]);
        resource.input("metadata").ifPresent(metadata -> manifest.put("metadata", metadata));
        resource.inputs().forEach((key, value) -> {
            if (!manifest.containsKey(key) && !key.equals("apiVersion") && !key.equals("kind")) {
                manifest.put(key, value);
            }
        });
        return manifest;
    }
}
