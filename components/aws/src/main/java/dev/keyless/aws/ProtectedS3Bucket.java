package dev.keyless.aws;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.FormerPlace;

import java.util.Map;

/**
 * An S3 bucket set up to keep what workloads put in it: every version kept, no public access,
 * encrypted at rest, ACLs off, and left in place when the stack is destroyed unless the stack opts
 * out. Even then a bucket with objects in it is not force-deleted. Grant workloads access to it
 * with {@link S3Access#readWrite(ProtectedS3Bucket)}.
 *
 * <p>A component ({@value #TYPE}) whose children are the bucket, named {@code NAME}, and its
 * public access block, versioning, encryption and ownership controls, {@code NAME-public-access-block},
 * {@code NAME-versioning}, {@code NAME-encryption} and {@code NAME-ownership}. Earlier releases
 * registered the bucket at the top of the stack with the other four under it; a component at the
 * top of the stack aliases each child from that place, so a stack made then keeps its bucket.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html">S3 security best practices</a>
 */
public final class ProtectedS3Bucket extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:aws:ProtectedS3Bucket";

    @Export(name = "bucketName", refs = String.class)
    private final Output<String> bucketName;
    @Export(name = "arn", refs = String.class)
    private final Output<String> arn;

    // The bucket's type token, which its former children's URNs named as their parent's.
    private static final String BUCKET_TYPE = "aws:s3/bucketV2:BucketV2";

    private final BucketV2 bucket;

    /**
     * Creates the bucket, auto-named from {@code name}, with its public access block, versioning,
     * encryption and ownership controls, one after another.
     *
     * @param name            the logical name; 1 to 55 characters of {@code [a-z0-9.-]}, so that
     *                        Pulumi's auto-name is a valid bucket name
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when the name
     *                                                cannot make a bucket name
     */
    public ProtectedS3Bucket(String name, boolean retainOnDestroy) {
        this(name, retainOnDestroy, null);
    }

    /**
     * @param name            the logical name, as for {@link #ProtectedS3Bucket(String, boolean)}
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @param options         Pulumi options for the component (provider, parent, ...), may be null
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when the name
     *                                                cannot make a bucket name
     */
    public ProtectedS3Bucket(String name, boolean retainOnDestroy, ComponentResourceOptions options) {
        super(TYPE, requireName(name), options);
        var moved = FormerPlace.applies(options);
        this.bucket = new BucketV2(name, BucketV2Args.builder()
                .forceDestroy(false)
                .build(),
                child(moved, FormerPlace.topLevel()).retainOnDelete(retainOnDestroy).build());
        var formerlyUnderBucket = FormerPlace.under(BUCKET_TYPE, name);
        var publicAccessBlock = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child(moved, formerlyUnderBucket).build());
        // Public access is blocked before anything else is set, and S3 rejects concurrent
        // configuration changes to one bucket ("A conflicting conditional operation"): one at a time.
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child(moved, formerlyUnderBucket).dependsOn(publicAccessBlock).build());
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), child(moved, formerlyUnderBucket).dependsOn(versioning).build());
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child(moved, formerlyUnderBucket).dependsOn(encryption).build());
        this.bucketName = bucket.bucket();
        this.arn = bucket.arn();
        registerOutputs(Map.of("bucketName", bucketName, "arn", arn));
    }

    /**
     * Creates the protected bucket and returns the bucket itself, for callers that grant or name it
     * as a {@link BucketV2}.
     *
     * @param name            the logical name, as for {@link #ProtectedS3Bucket(String, boolean)}
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @return the bucket, a child of the {@value #TYPE} component
     * @throws dev.keyless.core.InvalidInputException when the name cannot make a bucket name
     */
    public static BucketV2 create(String name, boolean retainOnDestroy) {
        return new ProtectedS3Bucket(name, retainOnDestroy).bucket();
    }

    /**
     * Checks a logical name as the constructor does, for callers that check all their input before
     * registering anything.
     *
     * @param name the logical name
     * @return the name
     * @throws dev.keyless.core.InvalidInputException when it cannot make a bucket name
     */
    public static String requireName(String name) {
        return S3BucketNames.requireAutoName("name", name);
    }

    /** @return the bucket */
    public BucketV2 bucket() {
        return bucket;
    }

    /** @return the bucket's name, as S3 knows it */
    public Output<String> bucketName() {
        return bucketName;
    }

    /** @return the bucket's ARN */
    public Output<String> arn() {
        return arn;
    }

    private CustomResourceOptions.Builder child(boolean moved, Alias formerPlace) {
        var options = CustomResourceOptions.builder().parent(this);
        return moved ? options.aliases(formerPlace) : options;
    }
}
