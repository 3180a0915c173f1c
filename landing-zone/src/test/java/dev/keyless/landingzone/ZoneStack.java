package dev.keyless.landingzone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.preview.project.PulumiYaml;
import dev.keyless.testkit.SimulatedStack;

import java.util.Map;

/** A landing-zone stack whose config is written in a test as the YAML of a stack file. */
final class ZoneStack {
    static final String PROJECT = "landing-zone";

    private ZoneStack() {
    }

    /**
     * @param config the {@code config:} map of a stack file, without the project prefix on its own keys
     * @return the stack, each value given to the program as the SDK would (JSON text for maps)
     */
    static SimulatedStack withConfig(String config) {
        var stack = SimulatedStack.named(PROJECT);
        try {
            // Read as the Pulumi CLI reads a stack file: aliases, merge keys, no duplicate keys.
            JsonNode root = PulumiYaml.parse(config);
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
                var value = entry.getValue();
                stack = stack.config(entry.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        return stack;
    }
}
