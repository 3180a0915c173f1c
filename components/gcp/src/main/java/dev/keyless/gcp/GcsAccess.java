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
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Optional;

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

    private final Output<String> bucketName;
    private final String label;
    private final boolean write;
    private final Optional<String> prefix;
    // A managed bucket's setting as Cloud Storage reports it (an organization policy can force it
    // on); unknown for an existing bucket named by text, which keyless cannot see.
    private final Optional<Output<Boolean>> uniformBucketLevelAccess;
    // A name from another stack is checked once known, before the workload registers anything.
    private final DeployTimeCheck nameCheck;

    private GcsAccess(Output<String> bucketName, String label, boolean write, Optional<String> prefix,
                      Optional<Output<Boolean>> uniformBucketLevelAccess, DeployTimeCheck nameCheck) {
        this.bucketName = bucketName;
        this.label = label;
        this.write = write;
        this.prefix = prefix;
        this.uniformBucketLevelAccess = uniformBucketLevelAccess;
        this.nameCheck = nameCheck;
    }

    private GcsAccess(Output<String> bucketName, String label, boolean write) {
        this(bucketName, label, write, Optional.empty(), Optional.empty(), DeployTimeCheck.none());
    }

    private static GcsAccess managed(Bucket bucket, boolean write) {
        Checks.notNull("bucket", bucket, "a gcp.storage.Bucket");
        return new GcsAccess(bucket.name(), bucket.pulumiResourceName(), write, Optional.empty(),
                Optional.of(bucket.uniformBucketLevelAccess()), DeployTimeCheck.none());
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static GcsAccess readOnly(Bucket bucket) {
        return managed(bucket, false);
    }

    /**
     * @param bucket a bucket this stack manages
     * @return read and write access (get, list, create, overwrite, delete) to its objects
     */
    public static GcsAccess readWrite(Bucket bucket) {
        return managed(bucket, true);
    }

    /**
     * @param store a protected bucket this stack manages
     * @return read access (get and list) to its objects
     */
    public static GcsAccess readOnly(ProtectedGcsBucket store) {
        return managed(Checks.notNull("store", store, "a ProtectedGcsBucket").bucket(), false);
    }

    /**
     * @param store a protected bucket this stack manages
     * @return read and write access to its objects, as {@link #readWrite(Bucket)}
     */
    public static GcsAccess readWrite(ProtectedGcsBucket store) {
        return managed(Checks.notNull("store", store, "a ProtectedGcsBucket").bucket(), true);
    }

    /**
     * @param bucketName an existing bucket's name
     * @return read access to its objects
     * @throws InvalidInputException when the name breaks Cloud Storage's naming rules
     */
    public static GcsAccess readOnly(String bucketName) {
        return new GcsAccess(Output.of(GcsBucketNames.require("bucket", bucketName)), bucketName, false);
    }

    /**
     * @param bucketName an existing bucket's name
     * @return read and write access to its objects
     * @throws InvalidInputException when the name breaks Cloud Storage's naming rules
     */
    public static GcsAccess readWrite(String bucketName) {
        return new GcsAccess(Output.of(GcsBucketNames.require("bucket", bucketName)), bucketName, true);
    }

    /**
     * @param key        a stable name for the grant's child, e.g. {@code charts}: the bucket's name
     *                   is not known before deploy
     * @param bucketName an existing bucket's name, e.g. a StackReference output; checked once known
     * @return read access to its objects
     */
    public static GcsAccess readOnly(String key, Output<String> bucketName) {
        var checked = checkedOutput(bucketName);
        return new GcsAccess(checked, GrantKeys.require(key), false, Optional.empty(), Optional.empty(), DeployTimeCheck.of(checked));
    }

    /**
     * @param key        a stable name for the grant's child, e.g. {@code charts}
     * @param bucketName an existing bucket's name, e.g. a StackReference output; checked once known
     * @return read and write access to its objects
     */
    public static GcsAccess readWrite(String key, Output<String> bucketName) {
        var checked = checkedOutput(bucketName);
        return new GcsAccess(checked, GrantKeys.require(key), true, Optional.empty(), Optional.empty(), DeployTimeCheck.of(checked));
    }

    /**
     * Limits the grant to objects whose names start with a prefix, and listing to that prefix,
     * with an IAM condition (see {@link GcsPrefixCondition}). IAM Conditions need uniform
     * bucket-level access on the bucket: for a bucket this stack manages, a grant on a bucket with
     * it off is refused once Cloud Storage reports the setting, before the grant is bound.
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
        return new GcsAccess(bucketName, label, write, Optional.of(objectPrefix), uniformBucketLevelAccess, nameCheck);
    }

    /** @return the bucket's label, the access and the prefix, injective over prefixes (see {@link GcsGrantKey}) */
    @Override
    public String key() {
        return GcsGrantKey.of(label, write, prefix);
    }

    /** @return the slug-only key of a prefix that is not a plain folder, which its child is aliased from */
    @Override
    public Optional<String> formerKey() {
        return GcsGrantKey.former(label, write, prefix);
    }

    @Override
    public List<Resource> bindTo(GcpPrincipal identity, GrantContext context) {
        var args = BucketIAMMemberArgs.builder()
                .bucket(bucketName)
                .role(role())
                .member(identity.iamMember());
        prefix.ifPresent(p -> args.condition(bucketWithConditionsAllowed(p).applyValue(bucket -> BucketIAMMemberConditionArgs.builder()
                .title(GcsPrefixCondition.title(p))
                .expression(GcsPrefixCondition.expression(bucket, p))
                .build())));
        return List.of(new BucketIAMMember(context.childName(this), args.build(), context.options(this)));
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

    /**
     * @return the object prefix the grant is limited to, if any; the same accessor as
     *     {@code S3Access.prefix()}, named like the setter {@link #prefix(String)}
     */
    public Optional<String> prefix() {
        return prefix;
    }

    /**
     * @return the object prefix the grant is limited to, if any
     * @deprecated use {@link #prefix()}, the name every cloud's storage grant uses
     */
    @Deprecated
    public Optional<String> objectPrefix() {
        return prefix();
    }

    // The condition is computed from this, so a refusal stops the grant's registration.
    private Output<String> bucketWithConditionsAllowed(String objectPrefix) {
        return uniformBucketLevelAccess.map(uniform -> Output.tuple(bucketName, uniform).applyValue(t -> {
            if (!Boolean.TRUE.equals(t.t2)) {
                throw InvalidInputException.of("prefix", objectPrefix, "set only on a bucket with uniform bucket-level access "
                        + "(IAM Conditions need it, and bucket '" + label + "' has it off: create it with uniformBucketLevelAccess(true), "
                        + "or as a ProtectedGcsBucket)");
            }
            return t.t1;
        })).orElse(bucketName);
    }

    private static Output<String> checkedOutput(Output<String> bucketName) {
        Checks.notNull("bucketName", bucketName, "an existing bucket's name");
        return bucketName.applyValue(v -> GcsBucketNames.require("bucket", v));
    }
}
