package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Cloud Storage's bucket naming rules, for the existing buckets a grant names.
 *
 * @see <a href="https://cloud.google.com/storage/docs/buckets#naming">Bucket naming requirements</a>
 */
final class GcsBucketNames {
    static final String RULE = "a Cloud Storage bucket name: 3 to 63 characters of [a-z0-9_.-] (up to 222 with dots, "
            + "each dot-separated part at most 63), starting and ending with a letter or digit, not an IP address, "
            + "not starting with 'goog' and not containing 'google'";
    static final int MAX_AUTONAMED_LENGTH = 55;
    static final String AUTONAME_RULE = "1 to 55 characters of [a-z0-9_-], starting with a letter or digit, that with Pulumi's "
            + "auto-name suffix ('-' and 7 random characters) make " + RULE;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private GcsBucketNames() {
    }

    static String require(String field, String name) {
        if (name == null || !SHAPE.matcher(name).matches() || IP_ADDRESS.matcher(name).matches()
                || name.startsWith("goog") || name.contains("google") || !partsFit(name)) {
            throw InvalidInputException.of(field, name, RULE);
        }
        return name;
    }

    /**
     * Checks a logical name Pulumi will auto-name a bucket from: the name plus a hyphen and seven
     * random characters must be a bucket name.
     */
    static String requireAutoName(String field, String logicalName) {
        if (logicalName == null || logicalName.length() > MAX_AUTONAMED_LENGTH || logicalName.contains(".")
                || !isBucketName(logicalName + "-0a1b2c3")) {
            throw InvalidInputException.of(field, logicalName, AUTONAME_RULE);
        }
        return logicalName;
    }

    private static boolean isBucketName(String name) {
        try {
            require("name", name);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static boolean partsFit(String name) {
        if (!name.contains(".")) {
            return name.length() <= 63;
        }
        for (var part : name.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 63) {
                return false;
            }
        }
        return true;
    }
}
