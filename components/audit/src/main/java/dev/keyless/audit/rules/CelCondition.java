package dev.keyless.audit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Workload Identity pool provider's {@code attributeCondition}, a CEL expression, read as far as
 * a trust check needs it (https://cloud.google.com/iam/docs/workload-identity-federation#conditions):
 * its alternatives (split on a top-level {@code ||}) and, in each, the claims pinned to one value by
 * a top-level {@code &&} term {@code assertion.CLAIM == 'VALUE'} (or the mapped
 * {@code attribute.NAME}/{@code google.subject} whose mapping is {@code assertion.CLAIM}). Any other
 * term ({@code startsWith}, {@code in}, {@code !=}, a function) pins nothing.
 */
final class CelCondition {
    private static final Pattern EQUALS = Pattern.compile(
            "((?:assertion|attribute|google)\\.[A-Za-z_][A-Za-z0-9_]*)\\s*==\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern EQUALS_REVERSED = Pattern.compile(
            "('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")\\s*==\\s*((?:assertion|attribute|google)\\.[A-Za-z_][A-Za-z0-9_]*)");

    private CelCondition() {
    }

    /**
     * For each alternative of {@code condition}, the claims it pins and their values.
     *
     * @param mapping the provider's {@code attributeMapping}: {@code google.subject} or
     *                {@code attribute.NAME} to a CEL expression such as {@code assertion.sub}
     */
    static List<Map<String, String>> pinnedClaims(String condition, Map<String, String> mapping) {
        List<Map<String, String>> alternatives = new ArrayList<>();
        for (String alternative : split(condition, "||")) {
            Map<String, String> pinned = new HashMap<>();
            for (String term : split(unwrap(alternative), "&&")) {
                pin(unwrap(term), mapping, pinned);
            }
            alternatives.add(pinned);
        }
        return alternatives;
    }

    private static void pin(String term, Map<String, String> mapping, Map<String, String> pinned) {
        Matcher forward = EQUALS.matcher(term);
        Matcher reversed = EQUALS_REVERSED.matcher(term);
        String name;
        String literal;
        if (forward.matches()) {
            name = forward.group(1);
            literal = forward.group(2);
        } else if (reversed.matches()) {
            name = reversed.group(2);
            literal = reversed.group(1);
        } else {
            return;
        }
        String source = name.startsWith("assertion.") ? name : mapping.getOrDefault(name, "").strip();
        if (source.matches("assertion\\.[A-Za-z_][A-Za-z0-9_]*")) {
            String value = literal.substring(1, literal.length() - 1).replaceAll("\\\\(.)", "$1");
            pinned.put(source.substring("assertion.".length()), value);
        }
    }

    /** {@code text} without parentheses around the whole of it. */
    private static String unwrap(String text) {
        String trimmed = text.strip();
        while (trimmed.startsWith("(") && trimmed.endsWith(")") && closes(trimmed)) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    // Whether the opening parenthesis is closed by the last character, not before.
    private static boolean closes(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    /** {@code text} split on {@code operator} where it stands outside quotes and parentheses. */
    private static List<String> split(String text, String operator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && text.startsWith(operator, i)) {
                parts.add(text.substring(start, i));
                start = i + operator.length();
                i += operator.length() - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
