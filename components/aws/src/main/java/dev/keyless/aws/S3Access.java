package dev.keyless.aws;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

/**
 * Least-privilege access to one S3 bucket, optionally to one prefix in it: {@code s3:ListBucket}
 * on the bucket (limited by an {@code s3:prefix} condition when a prefix is given: keys under it,
 * and for a folder-like prefix such as {@code charts/} the folder itself, {@code charts}, which
 * some clients list) and the object actions only on {@code bucket/prefix*}. No wildcard action,
 * no other bucket.
 *
 * <pre>{@code
 * S3Access.readWrite(charts)                 // the whole bucket
 * S3Access.readOnly(reports).prefix("2026/") // objects under 2026/ only
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-policies-s3.html">S3 identity-based policy examples</a>
 */
public final class S3Access implements AwsGrant {
    static final List<String> READ_ACTIONS = List.of("s3:GetObject");
    static final List<String> WRITE_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");

    private final Output<String> bucketArn;
    private final String bucketLabel;
    private final boolean write;
    private final Optional<String> prefix;

    private S3Access(Output<String> bucketArn, String bucketLabel, boolean write, Optional<String> prefix) {
        this.bucketArn = bucketArn;
        this.bucketLabel = bucketLabel;
        this.write = write;
        this.prefix = prefix;
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static S3Access readOnly(BucketV2 bucket) {
        return new S3Access(bucket.arn(), bucket.pulumiResourceName(), false, Optional.empty());
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read and write access (get, put, delete and list) to its objects
     */
    public static S3Access readWrite(BucketV2 bucket) {
        return new S3Access(bucket.arn(), bucket.pulumiResourceName(), true, Optional.empty());
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition
     * @return read access (get and list) to its objects
     * @throws InvalidInputException when the name breaks S3's naming rules
     */
    public static S3Access readOnly(String bucketName) {
        return new S3Access(Output.of(arnOf(bucketName)), bucketName, false, Optional.empty());
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition
     * @return read and write access (get, put, delete and list) to its objects
     * @throws InvalidInputException when the name breaks S3's naming rules
     */
    public static S3Access readWrite(String bucketName) {
        return new S3Access(Output.of(arnOf(bucketName)), bucketName, true, Optional.empty());
    }

    /**
     * Limits the grant to keys that start with a prefix.
     *
     * @param keyPrefix the prefix, e.g. {@code charts/}; no wildcards, no leading '/'
     * @return the same grant, limited to that prefix
     * @throws InvalidInputException when the prefix is empty, has a wildcard or starts with '/'
     */
    public S3Access prefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.length() > 1024
                || keyPrefix.startsWith("/") || keyPrefix.contains("*") || keyPrefix.contains("?")) {
            throw InvalidInputException.of("prefix", keyPrefix, "1 to 1024 characters with no '*' or '?' and no leading '/' (S3 key prefix)");
        }
        return new S3Access(bucketArn, bucketLabel, write, Optional.of(keyPrefix));
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return bucketArn.applyValue(arn -> {
            var objects = arn + "/" + prefix.orElse("") + "*";
            var list = IamStatement.builder()
                    .effect(IamEffect.ALLOW)
                    .addAction("s3:ListBucket")
                    .addResource(arn);
            prefix.ifPresent(p -> listablePrefixes(p).forEach(v -> list.addCondition(IamConditionOperator.STRING_LIKE, "s3:prefix", v)));
            var objectAccess = IamStatement.builder()
                    .effect(IamEffect.ALLOW)
                    .actionIds(write ? WRITE_ACTIONS : READ_ACTIONS)
                    .addResource(objects);
            return List.of(list.build(), objectAccess.build());
        });
    }

    @Override
    public String describe() {
        return "S3 " + (write ? "read-write" : "read-only") + " on " + bucketLabel + "/" + prefix.orElse("") + "*";
    }

    /** @return whether the grant allows writes */
    public boolean writes() {
        return write;
    }

    /** @return the key prefix the grant is limited to, if any */
    public Optional<String> keyPrefix() {
        return prefix;
    }

    // Clients that treat the prefix as a folder (ChartMuseum cleans "charts/" to "charts") list it
    // without its trailing slash; that listing shows only keys under the prefix too.
    private static List<String> listablePrefixes(String keyPrefix) {
        return keyPrefix.endsWith("/") && keyPrefix.length() > 1
                ? List.of(keyPrefix + "*", keyPrefix.substring(0, keyPrefix.length() - 1))
                : List.of(keyPrefix + "*");
    }

    private static String arnOf(String bucketName) {
        return "arn:aws:s3:::" + S3BucketNames.require("bucket", bucketName);
    }
}
