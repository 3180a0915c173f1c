package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Google's rules for workload identity pool and pool provider ids, and the ids keyless derives.
 *
 * <p>Both ids are 4 to 32 characters of {@code [a-z0-9-]}, and Google reserves the prefix
 * {@code gcp-}. A deleted pool or provider is kept for 30 days and its id cannot be reused
 * meanwhile, so a derived id is the same on every run: an id that changed would replace the pool
 * and leave the old id blocked for a month.
 *
 * @see <a href="https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/create">workloadIdentityPools.create: workloadIdentityPoolId</a>
 * @see <a href="https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers/create">providers.create: workloadIdentityPoolProviderId</a>
 */
final class WorkloadIdentityPoolIds {
    static final String ID_RULE = "4 to 32 characters of [a-z0-9-], not starting with 'gcp-' (reserved by Google)";
    /**
     * Google's limit on {@code google.subject}, to which the provider maps the token's {@code sub}.
     *
     * @see <a href="https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers">WorkloadIdentityPoolProvider.attributeMapping</a>
     */
    static final int MAX_SUBJECT_BYTES = 127;
    /** Google's limit on a pool's and a provider's display name. */
    static final int MAX_DISPLAY_NAME = 32;
    /** Google's limit on a pool's and a provider's description. */
    static final int MAX_DESCRIPTION = 256;

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{4,32}");
    private static final String RESERVED_PREFIX = "gcp-";
    private static final int MAX = 32;
    private static final int HASH = 6;

    private WorkloadIdentityPoolIds() {
    }

    /**
     * @param field the option the id came from, for the message
     * @param value the id
     * @return the id
     * @throws InvalidInputException when Google would refuse it
     */
    static String requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches() || value.startsWith(RESERVED_PREFIX)) {
            throw InvalidInputException.of(field, value, "a workload identity pool or provider id: " + ID_RULE);
        }
        return value;
    }

    /**
     * @param issuerKey the issuer URL, or what stands for it while the URL is known only at deploy
     * @return {@code keyless-} and twelve hex digits of the key's SHA-256: one id per issuer,
     *     starting with a letter whatever the issuer
     */
    static String derivePoolId(String issuerKey) {
        return "keyless-" + hash(issuerKey, 12);
    }

    /**
     * @param namespace the ServiceAccount's namespace
     * @param name      the ServiceAccount's name
     * @return {@code NAMESPACE-NAME} when that is a valid id; otherwise its characters made
     *     valid, cut to leave room, then {@code -} and six hex digits of the subject's SHA-256, so
     *     two ServiceAccounts never share one
     */
    static String deriveProviderId(String namespace, String name) {
        var plain = namespace + "-" + name;
        if (ID.matcher(plain).matches() && !plain.startsWith(RESERVED_PREFIX) && !plain.endsWith("-")) {
            return plain;
        }
        var cleaned = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+", "");
        if (cleaned.startsWith(RESERVED_PREFIX)) {
            cleaned = "k8s-" + cleaned.substring(RESERVED_PREFIX.length());
        }
        var stem = cleaned.substring(0, Math.min(cleaned.length(), MAX - HASH - 1)).replaceAll("-+$", "");
        return (stem.isEmpty() ? "sa" : stem) + "-" + hash(namespace + "/" + name, HASH);
    }

    /**
     * @param field the input the subject came from, for the message
     * @param subject the token's {@code sub}, which the provider maps to {@code google.subject}
     * @return the subject
     * @throws InvalidInputException when it is longer than Google maps
     */
    static String requireSubject(String field, String subject) {
        if (subject.getBytes(StandardCharsets.UTF_8).length > MAX_SUBJECT_BYTES) {
            throw InvalidInputException.of(field, subject, "a subject of at most " + MAX_SUBJECT_BYTES
                    + " bytes, the most Google maps to google.subject (shorten the namespace or ServiceAccount name)");
        }
        return subject;
    }

    /** @return the text cut to {@code max} characters, for display names and descriptions */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** @return the first {@code digits} hex digits of the text's SHA-256, for ids derived from longer keys */
    static String hash(String text, int digits) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, digits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
