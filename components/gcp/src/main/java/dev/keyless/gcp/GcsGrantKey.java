package dev.keyless.gcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The child key of a {@link GcsAccess} grant: the bucket's label, the access, and the prefix.
 *
 * <p>The key must be injective over the prefixes of one bucket: {@code team/a/} and {@code team-a/},
 * {@code A/} and {@code a/}, or two non-ASCII prefixes are different grants. Keys used to carry a
 * slug of the prefix (lower-cased, every run of other characters made one {@code -}), which maps
 * all of those pairs to one key. A plain folder prefix, lower-case letters and digits in
 * {@code -}-separated words with one trailing {@code /} ({@code charts/}, {@code team-a/},
 * {@code 2026/}), is its slug plus {@code /}, so its key stays the slug, as it always was. Any
 * other prefix gets the slug, {@code --} (which no slug contains) and 8 hex digits of the
 * prefix's SHA-256, and names its former slug-only key so its child keeps its state.
 */
final class GcsGrantKey {
    private static final Pattern PLAIN_FOLDER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/");
    private static final int HASH = 8;

    private GcsGrantKey() {
    }

    /**
     * @param label  the bucket's label: its name, its resource's logical name, or the user's key
     * @param write  whether the grant writes
     * @param prefix the object prefix, if any
     * @return the key
     */
    static String of(String label, boolean write, Optional<String> prefix) {
        var slugKey = slugKey(label, write, prefix);
        return prefix.filter(p -> !isPlainFolder(p)).map(p -> slugKey + "--" + hash(p)).orElse(slugKey);
    }

    /** @return the slug-only key a prefix that is not a plain folder had before keys were injective */
    static Optional<String> former(String label, boolean write, Optional<String> prefix) {
        return prefix.filter(p -> !isPlainFolder(p)).map(p -> slugKey(label, write, prefix));
    }

    private static String slugKey(String label, boolean write, Optional<String> prefix) {
        return label + "-" + (write ? "read-write" : "read-only") + prefix.map(p -> "-" + slug(p)).orElse("");
    }

    private static boolean isPlainFolder(String prefix) {
        return PLAIN_FOLDER.matcher(prefix).matches();
    }

    private static String slug(String prefix) {
        var slug = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "prefix" : slug;
    }

    private static String hash(String prefix) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
