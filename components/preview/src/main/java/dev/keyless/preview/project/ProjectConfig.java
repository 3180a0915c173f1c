package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.preview.engine.StackSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration defaults a project declares under {@code config:} in {@code Pulumi.yaml}, which
 * every stack gets unless its own file sets the key. Pulumi accepts a value as is
 * ({@code aws:region: eu-west-1}) or described ({@code replicas: {type: integer, default: 2}},
 * {@code aws:region: {value: eu-west-1}}); a key without a namespace belongs to the project.
 */
final class ProjectConfig {
    // The fields of Pulumi's described form; a map of only these is a description, not a value.
    private static final Set<String> DESCRIPTION_FIELDS =
            Set.of("type", "description", "default", "value", "secret", "items");

    private ProjectConfig() {
    }

    /**
     * @param project the project
     * @return full key to default value, for each key that has one
     * @throws ProjectFileException when {@code config:} is not a map
     */
    static Map<String, JsonNode> defaults(PulumiProject project) throws ProjectFileException {
        var file = project.directory().resolve(PulumiProject.PROJECT_FILE);
        var entries = YamlFiles.read(file).path("config");
        var defaults = new TreeMap<String, JsonNode>();
        if (entries.isMissingNode() || entries.isNull()) {
            return defaults;
        }
        if (!entries.isObject()) {
            throw new ProjectFileException(file + ": 'config:' must be a map of keys to values");
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) entries::fields) {
            var value = valueOf(entry.getValue(), file);
            if (value != null) {
                defaults.put(StackSettings.fullKey(project.name(), entry.getKey()), value);
            }
        }
        return defaults;
    }

    private static JsonNode valueOf(JsonNode declared, Path file) throws ProjectFileException {
        if (!isDescription(declared)) {
            return declared;
        }
        if (declared.has("value") && declared.has("default")) {
            throw new ProjectFileException(file + ": a config key takes 'value' or 'default', not both");
        }
        // A described key without either is one the stack must set; it has no default.
        return declared.has("value") ? declared.get("value") : declared.get("default");
    }

    private static boolean isDescription(JsonNode declared) {
        if (!declared.isObject() || declared.isEmpty()) {
            return false;
        }
        var fields = declared.fieldNames();
        while (fields.hasNext()) {
            if (!DESCRIPTION_FIELDS.contains(fields.next())) {
                return false;
            }
        }
        return true;
    }
}
