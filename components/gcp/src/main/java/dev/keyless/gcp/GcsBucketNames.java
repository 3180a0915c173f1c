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
