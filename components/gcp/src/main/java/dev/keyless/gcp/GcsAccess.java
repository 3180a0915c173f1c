package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketIAMMemberConditionArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Least-privilege access to one Cloud Storage bucket, optionally to one prefix in it: one
 * bucket-level {@code gcp.storage.BucketIAMMember} naming the workload's principal, with
 * {@code roles/storage.objectViewer} (read) or {@code roles/storage.objectUser} (read, write,
 * overwrite and delete objects; {@code objectCreator} cannot overwrite, which ChartMuseum's index
 * cache needs). Never a project-level binding, never {@code storage.admin}, no bucket settings.
 *
 * <pre>{@code
 * GcsAccess.readWrite(charts)                  // a bucket this stack manages
 * GcsAccess.readOnly("reports-eu").prefix("2026/") // an existing bucket, objects under 2026/ only
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/storage/docs/access-control/iam-roles">IAM roles for Cloud Storage</a>
 */
public final class GcsAccess implements GcpGrant {
    /** Read objects and list them. */
    public static final String READ_ROLE = "roles/storage.objectViewer";
    /** Read, list, create, overwrite and delete objects. */
    public static final String WRITE_ROLE = "roles/storage.objectUser";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Output<String> bucketName;
    private final String label;
    private final boolean write;
    private final Optional<String> prefix;
    // A name from another stack is checked once known, before the workload registers anything.
    private final DeployTimeCheck nameCheck;

    private GcsAccess(Output<String> bucketName, String label, boolean write, Optional<String> prefix) {
        this(bucketName, label, write, prefix, DeployTimeCheck.none());
    }

    private GcsAccess(Output<String> bucketName, String label, boolean write, Optional<String> prefix, DeployTimeCheck nameCheck) {
        this.bucketName = bucketName;
        this.label = label;
        this.write = write;
        this.prefix = prefix;
        this.nameCheck = nameCheck;
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static GcsAccess readOnly(Bucket bucket) {
        Checks.notNull("bucket", bucket, "a gcp.storage.Bucket");
        return new GcsAccess(bucket.name(), bucket.pulumiResourceName(), false, Optional.empty());
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read and write access (get, list, create, overwrite, delete) to its objects
     */
    public static GcsAccess readWrite(Bucket bucket) {
        Checks.notNull("bucket", bucket, "a gcp.storage.Bucket");
        return new GcsAccess(bucket.name(), bucket.pulumiResourceName(), true, Optional.empty());
    }

    /**
     * @param bucketName an existing bucket's name
     * @return read access to its objects
     * @throws InvalidInputException when the name breaks Cloud Storage's naming rules
     */
    public static GcsAccess readOnly(String bucketName) {
        return new GcsAccess(Output.of(GcsBucketNames.require("bucket", bucketName)), bucketName, false, Optional.empty());
    }

    /**
     * @param bucketName an existing bucket's name
     * @return read and write access to its objects
     * @throws InvalidInputException when the name breaks Cloud Storage's naming rules
     */
    public static GcsAccess readWrite(String bucketName) {
        return new GcsAccess(Output.of(GcsBucketNames.require("bucket", bucketName)), bucketName, true, Optional.empty());
    }

    /**
     * @param key        a stable name for the grant's child, e.g. {@code charts}: the bucket's name
     *                   is not known before deploy
     * @param bucketName an existing bucket's name, e.g. a StackReference output; checked once known
     * @return read access to its objects
     */
    public static GcsAccess readOnly(String key, Output<String> bucketName) {
        var checked = checkedOutput(bucketName);
        return new GcsAccess(checked, requireKey(key), false, Optional.empty(), DeployTimeCheck.of(checked));
    }

    /**
     * @param key        a stable name for the grant's child, e.g. {@code charts}
     * @param bucketName an existing bucket's name, e.g. a StackReference output; checked once known
     * @return read and write access to its objects
     */
    public static GcsAccess readWrite(String key, Output<String> bucketName) {
        var checked = checkedOutput(bucketName);
        return new GcsAccess(checked, requireKey(key), true, Optional.empty(), DeployTimeCheck.of(checked));
    }

    /**
     * Limits the grant to objects whose names start with a prefix, and listing to that prefix,
     * with an IAM condition (see {@link GcsPrefixCondition}). The bucket needs uniform
     * bucket-level access.
     *
     * @param objectPrefix the prefix, e.g. {@code charts/}; no wildcards, line breaks or leading '/'
     * @return the same grant, limited to that prefix
     * @throws InvalidInputException when the prefix breaks those rules
     */
    public GcsAccess prefix(String objectPrefix) {
        if (objectPrefix == null || objectPrefix.isEmpty() || objectPrefix.length() > 1024 || objectPrefix.startsWith("/")
                || objectPrefix.contains("*") || objectPrefix.contains("?") || objectPrefix.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("prefix", objectPrefix,
                    "1 to 1024 characters with no '*', '?', control characters or leading '/' (Cloud Storage object name prefix)");
        }
        return new GcsAccess(bucketName, label, write, Optional.of(objectPrefix), nameCheck);
    }

    /** @return the bucket's label, the access and the prefix: distinct grants of one workload differ in one of them */
    @Override
    public String key() {
        return label + "-" + (write ? "read-write" : "read-only") + prefix.map(p -> "-" + slug(p)).orElse("");
    }

    @Override
    public List<Resource> bindTo(GcpPrincipal identity, GrantContext context) {
        var args = BucketIAMMemberArgs.builder()
                .bucket(bucketName)
                .role(role())
                .member(identity.iamMember());
        prefix.ifPresent(p -> args.condition(bucketName.applyValue(bucket -> BucketIAMMemberConditionArgs.builder()
                .title(GcsPrefixCondition.title(p))
                .expression(GcsPrefixCondition.expression(bucket, p))
                .build())));
        return List.of(new BucketIAMMember(context.childName(this), args.build(), context.options()));
    }

    @Override
    public DeployTimeCheck deployTimeChecks() {
        return nameCheck;
    }

    @Override
    public String describe() {
        return "GCS " + (write ? "read-write" : "read-only") + " on " + label + "/" + prefix.orElse("") + "*";
    }

    /** @return the role the grant binds */
    public String role() {
        return write ? WRITE_ROLE : READ_ROLE;
    }

    /** @return the object prefix the grant is limited to, if any */
    public Optional<String> objectPrefix() {
        return prefix;
    }

    private static Output<String> checkedOutput(Output<String> bucketName) {
        Checks.notNull("bucketName", bucketName, "an existing bucket's name");
        return bucketName.applyValue(v -> GcsBucketNames.require("bucket", v));
    }

    private static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidInputException.of("key", key, "1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit");
        }
        return key;
    }

    private static String slug(String prefix) {
        var slug = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "prefix" : slug;
    }
}
