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
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * An S3 bucket set up to keep what workloads put in it: every version kept, no public access,
 * encrypted at rest, ACLs off, and left in place when the stack is destroyed unless the stack opts
 * out. Even then a bucket with objects in it is not force-deleted. Grant workloads access to it
 * with {@link S3Access}.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html">S3 security best practices</a>
 */
public final class ProtectedS3Bucket {
    private ProtectedS3Bucket() {
    }

    /**
     * Creates the bucket, auto-named from {@code name}, with its public access block, versioning,
     * encryption and ownership controls as its children.
     *
     * @param name            the logical name; 1 to 55 characters of {@code [a-z0-9.-]}, so that
     *                        Pulumi's auto-name is a valid bucket name
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @return the bucket
     * @throws dev.keyless.core.InvalidInputException when the name cannot make a bucket name
     */
    public static BucketV2 create(String name, boolean retainOnDestroy) {
        requireName(name);
        var bucket = new BucketV2(name, BucketV2Args.builder()
                .forceDestroy(false)
                .build(),
                CustomResourceOptions.builder().retainOnDelete(retainOnDestroy).build());
        var publicAccessBlock = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), CustomResourceOptions.builder().parent(bucket).build());
        // Public access is blocked before anything else is set, and S3 rejects concurrent
        // configuration changes to one bucket ("A conflicting conditional operation"): one at a time.
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), after(bucket, publicAccessBlock));
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), after(bucket, versioning));
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), after(bucket, encryption));
        return bucket;
    }

    /**
     * Checks a logical name as {@link #create} does, for callers that check all their input before
     * registering anything.
     *
     * @param name the logical name
     * @return the name
     * @throws dev.keyless.core.InvalidInputException when it cannot make a bucket name
     */
    public static String requireName(String name) {
        return S3BucketNames.requireAutoName("name", name);
    }

    private static CustomResourceOptions after(BucketV2 bucket, Resource previous) {
        return CustomResourceOptions.builder().parent(bucket).dependsOn(previous).build();
    }
}
