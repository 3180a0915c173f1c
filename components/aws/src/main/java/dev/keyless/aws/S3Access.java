package dev.keyless.aws;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.GrantKeys;
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
 * S3Access.readOnly("reports", reportsBucketName) // another stack's bucket (an Output), keyed "reports"
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-policies-s3.html">S3 identity-based policy examples</a>
 */
public final class S3Access implements AwsGrant {
    static final List<String> READ_ACTIONS = List.of("s3:GetObject");
    /**
     * Uploads above 5 MiB are multipart (ChartMuseum's and most SDKs' upload managers): a failed
     * one must be able to abort and list its own parts, or it leaves orphaned parts billed as storage.
     */
    static final List<String> WRITE_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    static final String PREFIX_RULE = "1 to 1024 characters with no '*' or '?', no '${' (IAM reads it as a policy variable) "
            + "and no leading '/' (S3 key prefix)";
    /** How a bucket named by an {@code Output} without a key is reported. */
    static final String UNKEYED_LABEL = "a bucket named by an Output";
    /** The longest bucket ARN any bucket can have: the bound for an ARN not known before deploy. */
    static final String LONGEST_BUCKET_ARN = "arn:aws-us-gov:s3:::" + "b".repeat(S3BucketNames.MAX_LENGTH);

    private final Output<String> bucketArn;
    private final Optional<String> knownBucketArn;
    private final String bucketLabel;
    private final boolean write;
    private final Optional<String> prefix;

    private S3Access(Output<String> bucketArn, Optional<String> knownBucketArn, String bucketLabel, boolean write, Optional<String> prefix) {
        this.bucketArn = bucketArn;
        this.knownBucketArn = knownBucketArn;
        this.bucketLabel = bucketLabel;
        this.write = write;
        this.prefix = prefix;
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static S3Access readOnly(BucketV2 bucket) {
        return of(bucket, false);
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read and write access (get, put, delete, list, and abort and list multipart uploads) to its objects
     */
    public static S3Access readWrite(BucketV2 bucket) {
        return of(bucket, true);
    }

    /**
     * @param store a protected bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static S3Access readOnly(ProtectedS3Bucket store) {
        return readOnly(Checks.notNull("store", store, "a ProtectedS3Bucket").bucket());
    }

    /**
     * @param store a protected bucket this stack manages
     * @return read and write access to its objects, as {@link #readWrite(BucketV2)}
     */
    public static S3Access readWrite(ProtectedS3Bucket store) {
        return readWrite(Checks.notNull("store", store, "a ProtectedS3Bucket").bucket());
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition
     * @return read access (get and list) to its objects
     * @throws InvalidInputException when the name breaks S3's naming rules
     */
    public static S3Access readOnly(String bucketName) {
        return of(bucketName, false);
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition
     * @return read and write access (get, put, delete, list, and abort and list multipart uploads) to its objects
     * @throws InvalidInputException when the name breaks S3's naming rules
     */
    public static S3Access readWrite(String bucketName) {
        return of(bucketName, true);
    }

    /**
     * The same shape as {@code GcsAccess.readOnly(key, bucketName)} and
     * {@code BlobAccess.readOnly(key, ...)}: a name known only at deploy time comes with a key the
     * caller gives. AWS grants are statements in the role's one inline policy, not children, so
     * here the key names the bucket in messages and reports ({@code S3 read-only on charts/*}).
     *
     * @param key        a stable name for the bucket, e.g. {@code charts}; see {@link GrantKeys#RULE}
     * @param bucketName an existing bucket's name, in the {@code aws} partition, e.g. another stack's
     *                   output; checked against S3's naming rules once known
     * @return read access (get and list) to its objects
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static S3Access readOnly(String key, Output<String> bucketName) {
        return of(GrantKeys.require(key), bucketName, false);
    }

    /**
     * @param key        a stable name for the bucket, e.g. {@code charts}, as for {@link #readOnly(String, Output)}
     * @param bucketName an existing bucket's name, in the {@code aws} partition, e.g. another stack's
     *                   output; checked against S3's naming rules once known
     * @return read and write access (get, put, delete, list, and abort and list multipart uploads) to its objects
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static S3Access readWrite(String key, Output<String> bucketName) {
        return of(GrantKeys.require(key), bucketName, true);
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition, e.g. another stack's
     *                   output; checked against S3's naming rules once known
     * @return read access (get and list) to its objects
     * @deprecated give the bucket a key, as on GCP and Azure: {@link #readOnly(String, Output)};
     *             this grant is reported as on {@value #UNKEYED_LABEL}
     */
    @Deprecated
    public static S3Access readOnly(Output<String> bucketName) {
        return of(UNKEYED_LABEL, bucketName, false);
    }

    /**
     * @param bucketName an existing bucket's name, in the {@code aws} partition, e.g. another stack's
     *                   output; checked against S3's naming rules once known
     * @return read and write access (get, put, delete, list, and abort and list multipart uploads) to its objects
     * @deprecated give the bucket a key, as on GCP and Azure: {@link #readWrite(String, Output)};
     *             this grant is reported as on {@value #UNKEYED_LABEL}
     */
    @Deprecated
    public static S3Access readWrite(Output<String> bucketName) {
        return of(UNKEYED_LABEL, bucketName, true);
    }

    /**
     * Limits the grant to keys that start with a prefix. A grant has at most one prefix: give two
     * grants for two prefixes.
     *
     * @param keyPrefix the prefix, e.g. {@code charts/}; no wildcards, no policy variables, no leading '/'
     * @return the same grant, limited to that prefix
     * @throws InvalidInputException when the prefix breaks a rule or the grant has a prefix already
     */
    public S3Access prefix(String keyPrefix) {
        requirePrefix(keyPrefix);
        if (prefix.isPresent()) {
            throw InvalidInputException.of("prefix", keyPrefix,
                    "given once per grant; this grant is limited to '" + prefix.get() + "' already (give a second grant for a second prefix)");
        }
        return new S3Access(bucketArn, knownBucketArn, bucketLabel, write, Optional.of(keyPrefix));
    }

    /**
     * @param keyPrefix a key prefix
     * @return the prefix
     * @throws InvalidInputException when it breaks {@link #PREFIX_RULE}
     */
    static String requirePrefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.length() > 1024 || keyPrefix.startsWith("/")
                || keyPrefix.contains("*") || keyPrefix.contains("?") || keyPrefix.contains("${")) {
            throw InvalidInputException.of("prefix", keyPrefix, PREFIX_RULE);
        }
        return keyPrefix;
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return bucketArn.applyValue(this::statementsFor);
    }

    /** The bucket's own ARN when known, otherwise the longest a bucket ARN can be. */
    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(knownBucketArn.orElse(LONGEST_BUCKET_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return knownBucketArn.map(this::statementsFor);
    }

    @Override
    public String describe() {
        return "S3 " + (write ? "read-write" : "read-only") + " on " + bucketLabel + "/" + prefix.orElse("") + "*";
    }

    /** @return whether the grant allows writes */
    public boolean writes() {
        return write;
    }

    /**
     * @return the key prefix the grant is limited to, if any; the same accessor as
     *     {@code GcsAccess.prefix()}, named like the setter {@link #prefix(String)}
     */
    public Optional<String> prefix() {
        return prefix;
    }

    /**
     * @return the key prefix the grant is limited to, if any
     * @deprecated use {@link #prefix()}, the name every cloud's storage grant uses
     */
    @Deprecated
    public Optional<String> keyPrefix() {
        return prefix();
    }

    private List<IamStatement> statementsFor(String arn) {
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
    }

    // Clients that treat the prefix as a folder (ChartMuseum cleans "charts/" to "charts") list it
    // without its trailing slash; that listing shows only keys under the prefix too.
    static List<String> listablePrefixes(String keyPrefix) {
        return keyPrefix.endsWith("/") && keyPrefix.length() > 1
                ? List.of(keyPrefix + "*", keyPrefix.substring(0, keyPrefix.length() - 1))
                : List.of(keyPrefix + "*");
    }

    private static S3Access of(BucketV2 bucket, boolean write) {
        Checks.notNull("bucket", bucket, "a BucketV2 or a bucket name");
        return new S3Access(bucket.arn(), Optional.empty(), bucket.pulumiResourceName(), write, Optional.empty());
    }

    private static S3Access of(String bucketName, boolean write) {
        var arn = arnOf(bucketName);
        return new S3Access(Output.of(arn), Optional.of(arn), bucketName, write, Optional.empty());
    }

    private static S3Access of(String label, Output<String> bucketName, boolean write) {
        Checks.notNull("bucket", bucketName, "a bucket name");
        return new S3Access(bucketName.applyValue(S3Access::arnOf), Optional.empty(), label, write, Optional.empty());
    }

    /** @return the bucket's ARN in the {@code aws} partition, once its name passes S3's naming rules */
    static String arnOf(String bucketName) {
        return "arn:aws:s3:::" + S3BucketNames.require("bucket", bucketName);
    }
}
