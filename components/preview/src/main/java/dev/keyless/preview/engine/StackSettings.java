package dev.keyless.preview.engine;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stack a program runs as: organization, project, stack and its configuration.
 *
 * @param organization the organization name
 * @param project      the project name, which also namespaces un-prefixed config keys
 * @param stack        the stack name
 * @param config       configuration by full key ({@code aws:region}, {@code myproject:bucketName}); objects as JSON
 * @param secretKeys   the full keys whose values are secret
 */
public record StackSettings(String organization, String project, String stack,
                            Map<String, String> config, Set<String> secretKeys) {

    /**
     * Validates and copies.
     */
    public StackSettings {
        requireName("organization", organization);
        requireName("project", project);
        requireName("stack", stack);
        config = Map.copyOf(config);
        secretKeys = Set.copyOf(secretKeys);
        for (var key : config.keySet()) {
            if (!key.contains(":")) {
                throw new IllegalArgumentException("config key must be full, namespace:key: '" + key + "'");
            }
        }
    }

    /**
     * @param project the project name
     * @param stack   the stack name
     * @return settings with no configuration, in organization {@code organization} as the Pulumi CLI defaults
     */
    public static StackSettings of(String project, String stack) {
        return new StackSettings("organization", project, stack, Map.of(), Set.of());
    }

    /**
     * @param fullKey a full config key, {@code namespace:key}
     * @param value   its value
     * @return these settings with that key set
     */
    public StackSettings withConfig(String fullKey, String value) {
        var copy = new TreeMap<>(config);
        copy.put(fullKey, value);
        return new StackSettings(organization, project, stack, copy, secretKeys);
    }

    /**
     * @param fullKey a full config key
     * @param value   its value, which the program must treat as a secret
     * @return these settings with that key set and marked secret
     */
    public StackSettings withSecretConfig(String fullKey, String value) {
        var keys = new TreeSet<>(secretKeys);
        keys.add(fullKey);
        var copy = withConfig(fullKey, value);
        return new StackSettings(organization, project, stack, copy.config(), keys);
    }

    /**
     * Completes a config key as Pulumi does: a key without a {@code namespace:} prefix belongs to the project.
     *
     * @param project the project name
     * @param key     a key as written in a stack file or a test
     * @return the full key
     */
    public static String fullKey(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank: '" + value + "'");
        }
    }
}
