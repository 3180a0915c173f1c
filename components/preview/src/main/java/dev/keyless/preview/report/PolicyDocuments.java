package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every IAM-style policy document among the inputs: a string input, of any resource of any
 * provider, that holds a JSON object with a {@code Statement}. Programs build these as one-line
 * strings; a reviewer needs them laid out.
 */
final class PolicyDocuments {
    private PolicyDocuments() {
    }

    /**
     * @param deployment what a program registered
     * @return the section's lines, none when there is no policy document
     */
    static List<String> render(RecordedDeployment deployment) {
        var section = new ReviewSection("Policy documents:");
        for (var resource : TreeOrder.resources(deployment)) {
            resource.inputs().forEach((property, value) -> find(resource, property, value, section));
        }
        return section.lines();
    }

    private static void find(RegisteredResource resource, String path, Object value, ReviewSection section) {
        if (value instanceof SecretValue secret) {
            // The document exists but its text is secret: say so, and show nothing of it.
            if (secret.plaintext() instanceof String text && policy(text).isPresent()) {
                section.add(heading(resource, path), SecretValue.MASK);
            }
        } else if (value instanceof String text) {
            policy(text).ifPresent(document -> section.add(heading(resource, path), JsonText.of(document)));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> find(resource, path + "." + key, nested, section));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                find(resource, path + "[" + i + "]", list.get(i), section);
            }
        }
    }

    private static Optional<JsonNode> policy(String text) {
        var trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            var tree = JsonText.mapper().readTree(trimmed);
            return tree != null && tree.isObject() && tree.has("Statement") ? Optional.of(tree) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String heading(RegisteredResource resource, String property) {
        return resource.type() + "  " + resource.name() + "  " + property;
    }
}
