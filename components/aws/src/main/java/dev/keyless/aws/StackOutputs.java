package dev.keyless.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Map;

/** Values as other stacks export them, turned into what keyless takes. */
final class StackOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackOutputs() {
    }

    /**
     * @param value a kubeconfig output: text (YAML or JSON), or an object such as pulumi-eks exports
     * @return the kubeconfig as text
     */
    static String kubeconfigText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the kubeconfig as JSON", e);
            }
        }
        throw InvalidInputException.of("kubeconfig", value, "a kubeconfig as text or as an object (a stack output such as pulumi-eks's kubeconfig)");
    }
}
