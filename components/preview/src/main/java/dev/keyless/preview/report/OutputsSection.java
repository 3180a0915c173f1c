package dev.keyless.preview.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyless.preview.engine.ResourceReference;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stack's exports, sorted by name and printed as {@code pulumi preview} prints them under {@code Outputs:}. */
final class OutputsSection {
    private static final String INDENT = "    ";

    private OutputsSection() {
    }

    /**
     * @param outputs the stack outputs, secrets marked
     * @return the section's lines, none when there are no outputs
     */
    static List<String> render(Map<String, Object> outputs) {
        var lines = new ArrayList<String>();
        if (outputs.isEmpty()) {
            return lines;
        }
        lines.add("Outputs:");
        int keyWidth = outputs.keySet().stream().mapToInt(String::length).max().orElse(0);
        new TreeMap<>(outputs).forEach((key, value) -> lines.add(INDENT + key + " ".repeat(keyWidth - key.length()) + ": "
                + format(value, INDENT)));
        return lines;
    }

    private static String format(Object value, String indent) {
        if (value instanceof SecretValue) {
            return SecretValue.MASK;
        }
        if (value instanceof UnknownValue unknown) {
            return unknown.toString();
        }
        if (value instanceof ResourceReference reference) {
            return reference.urn();
        }
        if (value instanceof Map<?, ?> map) {
            return block("{", "}", indent, new TreeMap<>(map).entrySet().stream()
                    .map(e -> new String[]{String.valueOf(e.getKey()), formatNested(e.getValue(), indent)}).toList());
        }
        if (value instanceof List<?> list) {
            var entries = new ArrayList<String[]>();
            for (int i = 0; i < list.size(); i++) {
                entries.add(new String[]{"[" + i + "]", formatNested(list.get(i), indent)});
            }
            return block("[", "]", indent, entries);
        }
        return scalar(value);
    }

    private static String formatNested(Object value, String indent) {
        return format(value, indent + INDENT);
    }

    private static String block(String open, String close, String indent, List<String[]> entries) {
        if (entries.isEmpty()) {
            return open + close;
        }
        int keyWidth = entries.stream().mapToInt(e -> e[0].length()).max().orElse(0);
        var text = new StringBuilder(open).append('\n');
        for (var entry : entries) {
            text.append(indent).append(INDENT).append(entry[0]).append(" ".repeat(keyWidth - entry[0].length()))
                    .append(": ").append(entry[1]).append('\n');
        }
        return text.append(indent).append(close).toString();
    }

    private static String scalar(Object value) {
        try {
            return JsonText.mapper().writeValueAsString(PlainValues.of(value, SecretValue.MASK, UnknownValue.INSTANCE.toString()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
