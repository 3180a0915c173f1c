package dev.keyless.core;

import java.util.Locale;

/** Short child-name keys for subjects ({@code NAME-credential-KEY}): lower case, {@code [a-z0-9-]}, at most 40 characters. */
final class SubjectKeys {
    static final int MAX = 40;

    private SubjectKeys() {
    }

    static String of(String text) {
        var key = text.toLowerCase(Locale.ROOT).replace("*", "any").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return key.length() <= MAX ? key : key.substring(0, MAX).replaceAll("-$", "");
    }
}
