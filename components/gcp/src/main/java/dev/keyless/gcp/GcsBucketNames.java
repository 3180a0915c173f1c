package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Cloud Storage's bucket naming rules, for the existing buckets a grant names.
 *
 * <p>Names "cannot begin with the goog prefix" and "cannot contain google or close misspellings,
 * such as g00gle" (the naming page, read 2026-12-01). Google publishes no list of the misspellings
 * it refuses, so this refuses what reads as "google" once digits that stand in for letters are read
 * as those letters ({@code 0} as o, {@code 1} as l, {@code 3} as e, {@code 9} and {@code 6} as g)
 * and the o's are one or more ({@code gogle}, {@code gooogle}); the same reading applies to the
 * {@code goog} prefix ({@code g00g-data}). A bucket Cloud Storage created never reads so, so an
 * existing bucket is never refused by it.
 *
 * @see <a href="https://cloud.google.com/storage/docs/buckets#naming">Bucket naming requirements</a>
 */
final class GcsBucketNames {
    static final String RULE = "a Cloud Storage bucket name: 3 to 63 characters of [a-z0-9_.-] (up to 222 with dots, "
            + "each dot-separated part at most 63), starting and ending with a letter or digit, not an IP address, "
            + "not starting with 'goog' and not containing 'google' or a close misspelling of it (such as 'g00gle')";
    static final int MAX_AUTONAMED_LENGTH = 55;
    static final String AUTONAME_RULE = "1 to 55 characters of [a-z0-9_-], starting with a letter or digit, that with Pulumi's "
            + "auto-name suffix ('-' and 7 random characters) make " + RULE;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern GOOGLE_LOOKALIKE = Pattern.compile("go+gle");

    private GcsBucketNames() {
    }

    static String require(String field, String name) {
        if (name == null || !SHAPE.matcher(name).matches() || IP_ADDRESS.matcher(name).matches()
                || resemblesGoogle(name) || !partsFit(name)) {
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

    /** Whether Cloud Storage would refuse the name for starting with "goog" or containing "google", as read in the class comment. */
    static boolean resemblesGoogle(String name) {
        var read = name.replace('0', 'o').replace('1', 'l').replace('3', 'e').replace('9', 'g').replace('6', 'g');
        return read.startsWith("goog") || GOOGLE_LOOKALIKE.matcher(read).find();
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
