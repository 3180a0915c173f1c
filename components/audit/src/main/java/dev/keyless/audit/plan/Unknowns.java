package dev.keyless.audit.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** Pulumi's marker for a value the preview cannot know until the resource exists. */
public final class Unknowns {
    /** The text Pulumi writes in place of an unknown value in preview JSON. */
    public static final String SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private Unknowns() {
    }

    /** Whether {@code node} is the unknown value itself. */
    public static boolean isUnknown(JsonNode node) {
        return node != null && node.isTextual() && SENTINEL.equals(node.textValue());
    }

    /** Whether {@code text} is, or is built from, an unknown value. */
    public static boolean containsUnknown(String text) {
        return text != null && text.contains(SENTINEL);
    }
}
