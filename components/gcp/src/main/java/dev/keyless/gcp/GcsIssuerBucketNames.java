package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The name of a bucket that serves an issuer: a DNS-compatible Cloud Storage bucket name, with no
 * '.' and no '_'. The issuer URL holds the name ({@code https://storage.googleapis.com/BUCKET}), so
 * it must stay usable as a host name label too ({@code BUCKET.storage.googleapis.com}, whose
 * wildcard certificate covers one label), and a dotted name is a domain-named bucket, which Cloud
 * Storage creates only for a verified owner of that domain.
 *
 * @see <a href="https://cloud.google.com/storage/docs/buckets#naming">Bucket naming requirements</a>
 */
final class GcsIssuerBucketNames {
    static final String RULE = "a DNS-compatible Cloud Storage bucket name without '.' or '_': 3 to 63 characters of [a-z0-9-], "
            + "starting and ending with a letter or digit, not starting with 'goog' and not containing 'google' or a close "
            + "misspelling of it (an issuer's bucket name is its URL's path and must also work as a host name label)";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private GcsIssuerBucketNames() {
    }

    static String require(String field, String name) {
        if (name == null || !DNS_LABEL.matcher(name).matches() || GcsBucketNames.resemblesGoogle(name)) {
            throw InvalidInputException.of(field, name, RULE);
        }
        return name;
    }
}
