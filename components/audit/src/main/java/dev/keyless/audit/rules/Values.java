package dev.keyless.audit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Small readings of JSON values that several rules share. */
final class Values {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORT = 80;

    private Values() {
    }

    /** The text of a string, or of each string in an array: IAM's "one or many" fields. */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    texts.add(element.textValue());
                }
            });
        }
        return texts;
    }

    /** {@code text} parsed as JSON, or null when it is not a JSON object or array. */
    static JsonNode parseJson(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A value short enough for one report line. The middle goes: the ends of a scope, member or
     * ARN (its kind and the one resource it names) say most.
     */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        if (oneLine.length() <= SHORT) {
            return oneLine;
        }
        int head = SHORT / 2;
        return oneLine.substring(0, head) + "…" + oneLine.substring(oneLine.length() - (SHORT - head - 1));
    }
}
