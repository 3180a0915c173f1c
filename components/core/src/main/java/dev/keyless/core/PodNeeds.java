package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workload's pods must carry for their ServiceAccount's cloud identities to work: labels
 * (EKS Pod Identity's none, Azure's {@code azure.workload.identity/use}), environment variables
 * for every container, a node selector (GKE's metadata server), projected tokens for federated
 * clouds and the configuration files their client libraries read.
 *
 * <p>One ServiceAccount's identities on several clouds each bring their needs; {@link #merge}
 * joins them and refuses a clash (one variable, label or node label with two values, one volume
 * name or mount path twice). {@link #applyTo(PodSpecArgs)} writes them into a pod spec the user
 * builds.
 *
 * @param labels       labels the pod template must carry
 * @param env          environment variables every container must carry
 * @param nodeSelector the node selector the pod must carry
 * @param tokens       ServiceAccount tokens to project, one volume each
 * @param files        configuration files to mount, one ConfigMap volume each
 */
public record PodNeeds(Map<String, String> labels, Map<String, Output<String>> env, Map<String, String> nodeSelector,
                       List<ProjectedToken> tokens, List<ConfigFile> files) {

    /** Copies the collections, keeping their order. */
    public PodNeeds {
        labels = copy(labels);
        env = copy(env);
        nodeSelector = copy(nodeSelector);
        tokens = List.copyOf(tokens);
        files = List.copyOf(files);
    }

    /** @return needs of nothing */
    public static PodNeeds none() {
        return new PodNeeds(Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * Needs of plain labels, environment and node selector, as the native mechanisms have.
     *
     * @param labels       labels the pod template must carry
     * @param env          environment variables every container must carry
     * @param nodeSelector the node selector
     * @return the needs
     */
    public static PodNeeds of(Map<String, String> labels, Map<String, String> env, Map<String, String> nodeSelector) {
        var outputs = new LinkedHashMap<String, Output<String>>();
        env.forEach((key, value) -> outputs.put(key, Output.of(value)));
        return new PodNeeds(labels, outputs, nodeSelector, List.of(), List.of());
    }

    /**
     * Joins two identities' needs.
     *
     * @param other      the other identity's needs
     * @param what       this identity, for the message, e.g. {@code IRSA}
     * @param otherWhat  the other identity, for the message, e.g. {@code GCP federation}
     * @return both needs
     * @throws InvalidInputException naming the clash: a key with two values, a volume name, mount path or ConfigMap twice
     */
    public PodNeeds merge(PodNeeds other, String what, String otherWhat) {
        var clash = new Clash(what, otherWhat);
        var mergedLabels = clash.plain("pod label", labels, other.labels);
        var mergedSelector = clash.plain("node selector", nodeSelector, other.nodeSelector);
        var mergedEnv = new LinkedHashMap<>(env);
        other.env.forEach((key, value) -> {
            if (mergedEnv.putIfAbsent(key, value) != null) {
                throw clash.refusal("environment variable", key);
            }
        });
        var volumes = new LinkedHashMap<String, String>();
        var paths = new LinkedHashMap<String, String>();
        var configMaps = new LinkedHashMap<String, String>();
        for (var needs : List.of(this, other)) {
            for (var token : needs.tokens) {
                clash.unique(volumes, "volume", token.volumeName());
                clash.unique(paths, "mount path", token.mountPath());
            }
            for (var file : needs.files) {
                clash.unique(volumes, "volume", file.volumeName());
                clash.unique(paths, "mount path", file.mountPath());
                clash.unique(configMaps, "ConfigMap", file.configMapName());
            }
        }
        var mergedTokens = new ArrayList<>(tokens);
        mergedTokens.addAll(other.tokens);
        var mergedFiles = new ArrayList<>(files);
        mergedFiles.addAll(other.files);
        return new PodNeeds(mergedLabels, mergedEnv, mergedSelector, mergedTokens, mergedFiles);
    }

    /** @return the environment as one value, known once every variable is */
    public Output<Map<String, String>> envValues() {
        if (env.isEmpty()) {
            return Output.of(Map.of());
        }
        var keys = List.copyOf(env.keySet());
        return Output.all(keys.stream().map(env::get).toList()).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), values.get(i));
            }
            return map;
        });
    }

    /**
     * Writes the needs into a pod spec: the volumes added, every container given the environment
     * and the mounts, the node selector merged. The user's own values stay; one the needs would
     * change (a variable, volume, mount path or node label of the same name) is refused rather
     * than overwritten.
     *
     * @param spec the pod spec the user builds
     * @return the spec with the needs
     */
    public PodSpecArgs applyTo(PodSpecArgs spec) {
        return PodSpecWriter.write(this, spec);
    }

    /**
     * Writes the needs into a pod template: its spec as {@link #applyTo(PodSpecArgs)} does, and the
     * labels into its metadata.
     *
     * @param template the pod template the user builds, its spec set
     * @return the template with the needs
     */
    public PodTemplateSpecArgs applyTo(PodTemplateSpecArgs template) {
        return PodSpecWriter.write(this, template);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private record Clash(String what, String otherWhat) {
        Map<String, String> plain(String kind, Map<String, String> one, Map<String, String> two) {
            var merged = new LinkedHashMap<>(one);
            two.forEach((key, value) -> {
                var earlier = merged.putIfAbsent(key, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw refusal(kind, key + " (" + earlier + " and " + value + ")");
                }
            });
            return merged;
        }

        void unique(Map<String, String> seen, String kind, String value) {
            if (seen.putIfAbsent(value, kind) != null) {
                throw refusal(kind, value);
            }
        }

        InvalidInputException refusal(String kind, String value) {
            return InvalidInputException.of("pod needs", kind + " " + value,
                    "needed by one identity only, but " + what + " and " + otherWhat + " both set it");
        }
    }
}
