package dev.keyless.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads JSON documents (IAM policies, kubeconfigs) so tests compare them as data: key order and
 * whitespace do not matter, every value does.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * @param json a JSON document
     * @return its tree
     * @throws IllegalArgumentException when it is not JSON
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /**
     * @param value an input value read from a resource, expected to be a JSON string
     * @return its tree
     */
    public static JsonNode parse(Object value) {
        return parse(String.valueOf(value));
    }
}
