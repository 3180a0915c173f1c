package dev.keyless.landingzone.config;

import dev.keyless.core.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a cloud's config names what its library's builders name otherwise, so that a refusal of the
 * library's own rule is reported at the config key the user wrote, in the config's words: an Entra
 * identity's {@code resourceGroupName} is {@code options.resourceGroup} in a workload.
 *
 * @param keys    library field to config key, e.g. {@code resourceGroupName -> resourceGroup}
 * @param phrases library phrase to config phrase, replaced in messages in this order (longest first)
 */
public record ConfigTerms(Map<String, String> keys, Map<String, String> phrases) {
    /** A cloud whose config uses the library's names. */
    public static final ConfigTerms SAME = new ConfigTerms(Map.of(), Map.of());
    // A workload's own keys, which mechanisms name when they refuse what the workload says.
    private static final List<String> WORKLOAD_KEYS = List.of("cluster", "namespace", "serviceAccount", "alsoTrustedBy");

    /** Copies the maps, keeping the phrases' order. */
    public ConfigTerms {
        keys = Map.copyOf(keys);
        phrases = new LinkedHashMap<>(phrases);
    }

    /**
     * Reports a mechanism's refusal at the key it names.
     *
     * @param refusal  the library's refusal
     * @param workload the workload's map
     * @param options  its {@code options} map, if any
     */
    public void report(InvalidInputException refusal, ConfigNode workload, Optional<ConfigNode> options) {
        report(refusal, refusal.field(), workload, options);
    }

    /**
     * Reports a refusal at a key the caller chose, for fields that name no key (e.g. a count).
     *
     * @param refusal  the library's refusal
     * @param field    the library field or config key it is about
     * @param workload the workload's map
     * @param options  its {@code options} map, if any
     */
    public void report(InvalidInputException refusal, String field, ConfigNode workload, Optional<ConfigNode> options) {
        var key = keys.getOrDefault(field, field);
        String path;
        if (WORKLOAD_KEYS.contains(key)) {
            path = workload.path(key);
        } else if (key.startsWith("grants[")) {
            path = workload.path() + "." + key;
        } else if (keys.containsValue(key) || options.filter(map -> map.has(key)).isPresent()) {
            path = options.map(map -> map.path(key)).orElse(workload.path("options." + key));
        } else {
            path = options.map(ConfigNode::path).orElse(workload.path());
        }
        workload.problems().add(path, message(refusal));
    }

    /**
     * @param refusal a library refusal
     * @return its message with the library's names replaced by the config's
     */
    public String message(InvalidInputException refusal) {
        var message = refusal.getMessage();
        for (var phrase : phrases.entrySet()) {
            message = message.replace(phrase.getKey(), phrase.getValue());
        }
        for (var key : keys.entrySet()) {
            message = message.replaceAll("\\b" + key.getKey() + "\\b", key.getValue());
        }
        return message;
    }
}
