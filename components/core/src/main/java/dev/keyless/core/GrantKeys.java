package dev.keyless.core;

import java.util.regex.Pattern;

/**
 * The rule for a key a caller gives a grant whose resource is named by an {@code Output} (another
 * stack's bucket or container): its name has no value before deploy, so it cannot key the grant's
 * child; an {@code Output} carries nothing stable to derive a key from (not the stack output it was
 * read from), and a list position would change when grants are reordered. One rule on every cloud,
 * so one key works on all of them.
 */
public final class GrantKeys {
    /** What a given key must be: a piece of a resource name that reads the same on every cloud. */
    public static final String RULE = "1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private GrantKeys() {
    }

    /**
     * @param key the key a caller gave, e.g. {@code charts}
     * @return the key
     * @throws InvalidInputException naming {@code key} when it breaks {@link #RULE}
     */
    public static String require(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidInputException.of("key", key, RULE);
        }
        return key;
    }
}
