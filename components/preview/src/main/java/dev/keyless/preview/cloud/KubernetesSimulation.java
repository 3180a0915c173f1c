package dev.keyless.preview.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a Kubernetes API server (and Helm) computes for the {@code kubernetes} package. */
final class KubernetesSimulation implements ProviderSimulation {
    /** The uid of every simulated object: the nil UUID, which no API server hands out. */
    static final String OBJECT_UID = "00000000-0000-0000-0000-000000000000";
    /** The external address of every simulated LoadBalancer Service, under a domain reserved for examples. */
    static final String LOAD_BALANCER_HOSTNAME = "service-address.placeholder.example";

    @Override
    public String packageName() {
        return "kubernetes";
    }

    @Override
    @SuppressWarnings("unchecked")
    public SimulatedResource create(String type, String logicalName, Map<String, Object> inputs) {
        var state = new HashMap<>(inputs);
        if (type.startsWith("kubernetes:helm.sh/")) {
            var name = inputs.get("name") instanceof String s && !s.isEmpty() ? s : Placeholders.autoName(logicalName);
            var namespace = String.valueOf(inputs.getOrDefault("namespace", "default"));
            state.put("name", name);
            state.put("status", Map.of("name", name, "namespace", namespace, "status", "deployed", "revision", 1.0,
                    "chart", String.valueOf(inputs.getOrDefault("chart", "")),
                    "version", String.valueOf(inputs.getOrDefault("version", ""))));
            return new SimulatedResource(namespace + "/" + name, state);
        }
        var metadata = new HashMap<String, Object>(inputs.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        metadata.putIfAbsent("name", Placeholders.autoName(logicalName));
        metadata.put("uid", OBJECT_UID);
        state.put("metadata", metadata);
        if (type.equals("kubernetes:core/v1:Service") && isLoadBalancer(inputs)) {
            state.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("hostname", LOAD_BALANCER_HOSTNAME)))));
        }
        var namespace = metadata.get("namespace");
        var id = namespace == null ? String.valueOf(metadata.get("name")) : namespace + "/" + metadata.get("name");
        return new SimulatedResource(id, state);
    }

    // Only a LoadBalancer Service gets an external address from the cloud.
    private static boolean isLoadBalancer(Map<String, Object> inputs) {
        return inputs.get("spec") instanceof Map<?, ?> spec && "LoadBalancer".equals(spec.get("type"));
    }

    @Override
    public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args) {
        return Optional.empty();
    }
}
