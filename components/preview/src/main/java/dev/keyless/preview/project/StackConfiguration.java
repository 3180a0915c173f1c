package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyless.preview.engine.StackSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a stack's configuration as the Pulumi CLI gives it to the program: the project's defaults
 * from {@code Pulumi.yaml}, overridden by the stack's {@code Pulumi.<stack>.yaml}; full keys, string
 * values, and which of them are secret. ESC environments the stack imports are not resolved (see
 * {@link EscEnvironments}).
 */
public final class StackConfiguration {
    /** The organization the Pulumi CLI names when a stack belongs to no organization. */
    public static final String ORGANIZATION = "organization";
    /**
     * What the program sees in place of a value encrypted with the stack's secrets provider, which
     * cannot be decrypted without Pulumi's backend.
     */
    public static final String ENCRYPTED_PLACEHOLDER = "encrypted-secret-placeholder";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackConfiguration() {
    }

    /**
     * Reads a stack's settings. A missing stack file means a stack with no configuration.
     *
     * @param project the project
     * @param stack   the stack name
     * @return the stack's settings
     * @throws ProjectFileException when the stack file cannot be read
     */
    public static StackSettings read(PulumiProject project, String stack) throws ProjectFileException {
        var file = stackFile(project, stack);
        var config = new TreeMap<String, String>();
        var secretKeys = new TreeSet<String>();
        for (var entry : ProjectConfig.defaults(project).entrySet()) {
            add(entry.getKey(), entry.getValue(), config, secretKeys);
        }
        if (Files.isRegularFile(file)) {
            var entries = YamlFiles.read(file).path("config");
            if (!entries.isMissingNode() && !entries.isNull() && !entries.isObject()) {
                throw new ProjectFileException(file + ": 'config:' must be a map of keys to values");
            }
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) entries::fields) {
                add(StackSettings.fullKey(project.name(), entry.getKey()), entry.getValue(), config, secretKeys);
            }
        }
        return new StackSettings(ORGANIZATION, project.name(), stack, config, secretKeys);
    }

    /**
     * @param project the project
     * @param stack   the stack name
     * @return the path of the stack's configuration file, in the folder {@code stackConfigDir} names if any
     */
    public static Path stackFile(PulumiProject project, String stack) {
        return project.stackConfigDirectory().resolve("Pulumi." + stack + ".yaml");
    }

    private static void add(String key, JsonNode value, Map<String, String> config, Set<String> secretKeys) {
        var encrypted = new boolean[1];
        var plain = withoutEncryptedValues(value, encrypted);
        // The stack's value replaces the project's default, secret or not.
        if (encrypted[0]) {
            secretKeys.add(key);
        } else {
            secretKeys.remove(key);
        }
        // The SDK reads every value as a string; it parses structured values back from JSON.
        config.put(key, plain.isTextual() ? plain.asText() : plain.isNull() ? "" : plain.toString());
    }

    private static JsonNode withoutEncryptedValues(JsonNode value, boolean[] encrypted) {
        if (isEncrypted(value)) {
            encrypted[0] = true;
            return JsonNodeFactory.instance.textNode(ENCRYPTED_PLACEHOLDER);
        }
        if (value.isObject()) {
            var copy = JSON.createObjectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), withoutEncryptedValues(field.getValue(), encrypted)));
            return copy;
        }
        if (value.isArray()) {
            var copy = JSON.createArrayNode();
            value.forEach(element -> copy.add(withoutEncryptedValues(element, encrypted)));
            return copy;
        }
        return value;
    }

    private static boolean isEncrypted(JsonNode value) {
        return value instanceof ObjectNode object && object.size() == 1 && object.has("secure");
    }
}
