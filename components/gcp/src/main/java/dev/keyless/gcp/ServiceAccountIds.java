package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProgramClaims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Google service account ids and emails. An id keyless derives from a component's name must be a
 * valid id whatever the name, and the same id on every run (a changed id replaces the account and
 * drops every grant it holds), so a name that does not fit is cut and given a short hash of itself.
 *
 * @see <a href="https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts/create">serviceAccounts.create: accountId</a>
 */
final class ServiceAccountIds {
    static final String ID_RULE = "a service account ID: 6 to 30 characters of [a-z0-9-], starting with a letter and ending with a letter or digit";
    static final String EMAIL_RULE = "a user-managed service account email, NAME@PROJECT_ID.iam.gserviceaccount.com";
    private static final Pattern ID = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
    private static final Pattern EMAIL = Pattern.compile("([a-z][-a-z0-9]{4,28}[a-z0-9])@([a-z][-a-z0-9]{4,28}[a-z0-9])\\.iam\\.gserviceaccount\\.com");
    private static final int MAX = 30;
    private static final int HASH = 6;

    private ServiceAccountIds() {
    }

    static String requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, ID_RULE);
        }
        return value;
    }

    /**
     * An account a workload may impersonate: user-managed, never one Google created (see
     * {@link GoogleCreatedAccounts}), which is refused with its own reason.
     */
    static String requireEmail(String field, String value) {
        if (value != null) {
            GoogleCreatedAccounts.whyNotImpersonable(value).ifPresent(reason -> {
                throw InvalidInputException.of(field, value, "a user-managed service account email, NAME@PROJECT_ID.iam.gserviceaccount.com, " + reason);
            });
        }
        if (value == null || !EMAIL.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, EMAIL_RULE);
        }
        return value;
    }

    /**
     * What a created account claims: its id, unique in its project whichever component creates
     * it (a second account with one id fails at deploy).
     *
     * @param field     the input the id came from, as a refusal names it
     * @param projectId the project
     * @param id        the account id
     * @return the claim
     */
    static ProgramClaims.Claim claim(String field, String projectId, String id) {
        return ProgramClaims.Claim.exact(field, "Google service account id", "project '" + projectId + "'", id);
    }

    /** @return the project ID an account email names */
    static String projectOf(String email) {
        var matcher = EMAIL.matcher(email);
        if (!matcher.matches()) {
            throw InvalidInputException.of("email", email, EMAIL_RULE);
        }
        return matcher.group(2);
    }

    /**
     * @param name a logical name, e.g. {@code chartmuseum-gsa}
     * @return the name itself when it is a valid id; otherwise its characters made valid and cut to
     *     leave room, then {@code -} and six hex digits of the name's SHA-256
     */
    static String derive(String name) {
        if (ID.matcher(name).matches()) {
            return name;
        }
        // Names that clean to the same text (shop_api, shop/api) still get different ids.
        var cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z]+", "");
        var stem = cleaned.substring(0, Math.min(cleaned.length(), MAX - HASH - 1)).replaceAll("-+$", "");
        return (stem.isEmpty() ? "sa" : stem) + "-" + hash(name);
    }

    private static String hash(String name) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
