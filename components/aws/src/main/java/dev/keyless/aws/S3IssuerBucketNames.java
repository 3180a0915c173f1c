package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

/**
 * The name of a bucket that serves an issuer over https: an S3 bucket name without '.'. S3's
 * virtual-hosted https names are covered by a wildcard certificate for one label
 * ({@code *.s3.REGION.amazonaws.com}), so a dotted bucket name fails certificate validation, and
 * the clouds fetching the issuer's documents refuse it.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket naming rules: "we recommend that you don't use periods"</a>
 */
final class S3IssuerBucketNames {
    static final String RULE = "a DNS-compatible S3 bucket name without '.': 3 to 63 characters of [a-z0-9-], starting and ending "
            + "with a letter or digit (an issuer is served over https, and S3's certificate covers one label)";

    private S3IssuerBucketNames() {
    }

    static String require(String field, String name) {
        if (name != null && name.contains(".")) {
            throw InvalidInputException.of(field, name, RULE);
        }
        try {
            return S3BucketNames.require(field, name);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(field, name, RULE);
        }
    }
}
