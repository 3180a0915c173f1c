package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.Unknowns;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises cloud keys by the names they are stored under and by the shape of their text. */
final class CloudKeys {
    /** Upper case; {@code aws_secret_access_key} (the credentials file's spelling) matches too. */
    private static final Set<String> NAMES = Set.of(
            "AWS_SECRET_ACCESS_KEY", "AZURE_STORAGE_ACCESS_KEY", "AZURE_STORAGE_CONNECTION_STRING");

    // AWS secret access keys are 40 characters of base64's alphabet; Azure storage account keys
    // are base64 of 64 bytes. A visible value of another shape under these names cannot be one.
    private static final Pattern AWS_SECRET_ACCESS_KEY = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern AZURE_ACCOUNT_KEY = Pattern.compile("[A-Za-z0-9/+]{86}==");

    private static final Pattern CREDENTIALS_FILE_LINE =
            Pattern.compile("(?im)^\\s*aws_secret_access_key\\s*=\\s*\\S");

    /**
     * Fragments of names under which keys and connection strings are kept, compared with the
     * name lower-cased and stripped of everything but letters and digits
     * ({@code AZURE_STORAGE_KEY}, {@code accountKey}, {@code connection-string}).
     */
    private static final List<String> KEY_NAME_PARTS = List.of("accountkey", "accesskey", "storagekey", "sharedkey",
            "primarykey", "secondarykey", "connectionstring", "connstring", "connstr", "sastoken",
            "sharedaccesssignature");

    private CloudKeys() {
    }

    /**
     * Whether {@code name} reads as the name of a key or connection string (wider than
     * {@link #isKeyName}: used only for values built from a resource that hands out keys).
     */
    static boolean looksLikeKeyName(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return letters.equals("key") || letters.equals("key1") || letters.equals("key2")
                || KEY_NAME_PARTS.stream().anyMatch(letters::contains);
    }

    /** Whether {@code name} is a variable or key that holds a cloud secret by convention. */
    static boolean isKeyName(String name) {
        return NAMES.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a value stored under a key name could be a key. A value the preview leaves unknown,
     * or that is secret, could be; a visible value of another shape than the cloud's keys cannot
     * (e.g. a placeholder a loopback-only client needs to sign requests nobody checks).
     *
     * @param name the variable or key name, one {@link #isKeyName} accepts
     * @param value the value as the plan shows it
     * @return whether it may hold a real key
     */
    static boolean couldBeKey(String name, JsonNode value) {
        if (!value.isTextual() || value.textValue().isEmpty()) {
            return false;
        }
        String text = value.textValue();
        if (Unknowns.isUnknown(value) || text.equals("[secret]")) {
            return true;
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "AWS_SECRET_ACCESS_KEY" -> AWS_SECRET_ACCESS_KEY.matcher(text.strip()).matches();
            case "AZURE_STORAGE_ACCESS_KEY" -> AZURE_ACCOUNT_KEY.matcher(text.strip()).matches();
            default -> keyIn(text) != null || text.toLowerCase(Locale.ROOT).contains("sharedaccesssignature=");
        };
    }

    /**
     * What in {@code text} is a cloud key, or null: a Google service-account key JSON, an AWS
     * credentials file, or an Azure connection string carrying an account key.
     */
    static String keyIn(String text) {
        JsonNode json = Values.parseJson(text);
        if (json != null && "service_account".equals(json.path("type").asText())
                && json.has("private_key")) {
            return "Google service-account key for " + json.path("client_email").asText("?");
        }
        // An assignment, not the bare name: a variable named AWS_SECRET_ACCESS_KEY is no file.
        if (CREDENTIALS_FILE_LINE.matcher(text).find()) {
            return "AWS credentials file";
        }
        if (text.toLowerCase(Locale.ROOT).contains("accountkey=")) {
            return "Azure connection string with AccountKey";
        }
        return null;
    }

    /** {@link #keyIn} of a Secret's {@code data} value, which Kubernetes stores base64-encoded. */
    static String keyInBase64(String encoded) {
        try {
            return keyIn(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return keyIn(encoded);
        }
    }
}
