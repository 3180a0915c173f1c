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
 * <p>The key must be injective over what it keys: {@code team/a/} and {@code team-a/}, {@code A/}
 * and {@code a/}, or two non-ASCII prefixes are different grants, and so are bucket
 * {@code x-read-only} written to and bucket {@code x} read under {@code read-write/}. Keys used to
 * carry a slug of the prefix (lower-cased, every run of other characters made one {@code -}),
 * which maps those pairs to one key. The slug form is kept where it can be read back:
 *
 * <ul>
 *   <li>the prefix is absent or a plain folder, lower-case letters and digits in {@code -}-separated
 *       words with one trailing {@code /} ({@code charts/}, {@code team-a/}, {@code 2026/}), which
 *       is its slug plus {@code /};</li>
 *   <li>the label does not contain {@code -read-only} or {@code -read-write}, so the access is
 *       found at its first occurrence (the {@code -} on either side of the boundary rules out an
 *       occurrence that starts inside the label).</li>
 * </ul>
 *
 * Any other grant gets the slug form, {@code --} (which neither a slug nor a plain key has after
 * the access) and 8 hex digits of the SHA-256 of its label, access and prefix, and names its
 * former slug-only key so its child keeps its state.
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
        return readsBack(label, prefix) ? slugKey : slugKey + "--" + hash(label, write, prefix);
    }

    /** @return the slug-only key a grant whose key gained a hash had before keys were injective */
    static Optional<String> former(String label, boolean write, Optional<String> prefix) {
        return readsBack(label, prefix) ? Optional.empty() : Optional.of(slugKey(label, write, prefix));
    }

    private static boolean readsBack(String label, Optional<String> prefix) {
        return !label.contains("-read-only") && !label.contains("-read-write") && prefix.map(GcsGrantKey::isPlainFolder).orElse(true);
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

    // Length-prefixed, so no two (label, access, prefix) give one input.
    private static String hash(String label, boolean write, Optional<String> prefix) {
        var input = label.length() + ":" + label + (write ? "w" : "r") + prefix.map(p -> p.length() + ":" + p).orElse("-");
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
