package dev.keyless.examples.gke;

import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The Cloud Storage bucket that holds the charts, set up to keep them: every version kept, public
 * access prevented, access decided by IAM alone (uniform bucket-level access, which the prefix
 * grant's IAM condition needs too), and left in place when the stack is destroyed unless the
 * stack opts out. Even then a bucket with charts in it is not force-deleted.
 */
final class ChartStorage {
    private ChartStorage() {
    }

    static Bucket create(String name, String location, boolean retainOnDestroy) {
        return new Bucket(name, BucketArgs.builder()
                .location(location)
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .build(),
                CustomResourceOptions.builder().retainOnDelete(retainOnDestroy).build());
    }
}
