package dev.keyless.preview.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays out labelled values on one line, {@code label: value} two spaces apart, leaving out what the
 * program did not set. Secrets print as {@code [secret]} and unknowns as {@code [unknown]}.
 */
final class GrantLine {
    private final List<String> parts = new ArrayList<>();

    /**
     * @param label what the value is
     * @param value a value as the engine received it; nothing is added when it is null
     * @return this line
     */
    GrantLine add(String label, Object value) {
        if (value != null) {
            parts.add(label + ": " + text(value));
        }
        return this;
    }

    /**
     * Adds a top-level input under its own name. Only top-level: reading into a secret would reveal it.
     *
     * @param grant    the resource
     * @param property the input's name
     * @return this line
     */
    GrantLine input(RegisteredResource grant, String property) {
        return add(property, grant.inputs().get(property));
    }

    /** @return the line */
    String text() {
        return String.join("  ", parts);
    }

    /**
     * @param value a value as the engine received it
     * @return it as text: a list as its elements joined by commas, a map as compact JSON
     */
    static String text(Object value) {
        var plain = PlainValues.of(value, SecretValue.MASK, UnknownValue.INSTANCE.toString());
        if (plain instanceof List<?> list) {
            return list.stream().map(GrantLine::scalar).collect(Collectors.joining(", "));
        }
        return scalar(plain);
    }

    private static String scalar(Object plain) {
        if (plain instanceof Map<?, ?> || plain instanceof List<?>) {
            try {
                return JsonText.mapper().writeValueAsString(plain);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.valueOf(plain);
    }
}
