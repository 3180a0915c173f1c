package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Amazon S3's general-purpose bucket naming rules.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket naming rules</a>
 */
final class S3BucketNames {
    static final int MAX_LENGTH = 63;
    static final String RULE = "3 to 63 characters of [a-z0-9.-], starting and ending with a letter or digit, "
            + "no '..', not an IP address, not starting with 'xn--', 'sthree-' or 'amzn-s3-demo-' and not ending with "
            + "'-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3' (S3 bucket name)";
    static final int AUTONAME_SUFFIX = 8;
    static final String AUTONAME_RULE = "1 to 55 characters of [a-z0-9.-], starting with a letter or digit, that with Pulumi's "
            + "auto-name suffix ('-' and 7 random characters) make an S3 bucket name: " + RULE;
    // S3 reserves these for access points, Multi-Region Access Points, directory and table buckets.
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private S3BucketNames() {
    }

    static String require(String field, String name) {
        if (name == null || !SHAPE.matcher(name).matches() || name.contains("..") || IP_ADDRESS.matcher(name).matches()
                || RESERVED_PREFIXES.stream().anyMatch(name::startsWith) || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            throw InvalidInputException.of(field, name, RULE);
        }
        return name;
    }

    /**
     * Checks a logical name Pulumi will auto-name a bucket from: the name plus a hyphen and seven
     * random characters must be a bucket name, so the name may hold at most 55 characters.
     */
    static String requireAutoName(String field, String logicalName) {
        if (logicalName == null || logicalName.length() > MAX_LENGTH - AUTONAME_SUFFIX
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
}
