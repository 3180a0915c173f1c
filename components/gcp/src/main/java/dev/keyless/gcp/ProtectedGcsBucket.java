package dev.keyless.gcp;

import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.InvalidInputException;

/**
 * A Cloud Storage bucket set up to keep what workloads put in it: every version kept, public access
 * prevented, access decided by IAM alone (uniform bucket-level access, which a prefix grant's IAM
 * condition needs too), and left in place when the stack is destroyed unless the stack opts out.
 * Even then a bucket with objects in it is not force-deleted. Grant workloads access to it with
 * {@link GcsAccess}.
 *
 * @see <a href="https://cloud.google.com/storage/docs/best-practices">Cloud Storage best practices</a>
 */
public final class ProtectedGcsBucket {
    private ProtectedGcsBucket() {
    }

    /**
     * Creates the bucket, auto-named from {@code name}.
     *
     * @param name            the logical name; 1 to 55 characters of {@code [a-z0-9_-]}, so that
     *                        Pulumi's auto-name is a valid bucket name
     * @param location        the bucket's location, e.g. {@code EU} or {@code europe-west1}
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @return the bucket
     * @throws dev.keyless.core.InvalidInputException when the name cannot make a bucket name or the location
     *                                                is not one
     */
    public static Bucket create(String name, String location, boolean retainOnDestroy) {
        requireName(name);
        requireLocation(location);
        return new Bucket(name, BucketArgs.builder()
                .location(location)
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .build(),
                CustomResourceOptions.builder().retainOnDelete(retainOnDestroy).build());
    }

    /**
     * Checks a logical name as {@link #create} does, for callers that check all their input first.
     *
     * @param name the logical name
     * @return the name
     * @throws InvalidInputException when it cannot make a bucket name
     */
    public static String requireName(String name) {
        return GcsBucketNames.requireAutoName("name", name);
    }

    /**
     * Checks a location as {@link #create} does, for callers that check all their input first.
     *
     * @param location the bucket's location
     * @return the location
     * @throws InvalidInputException when it is not a Cloud Storage location (see {@link GcsLocations})
     */
    public static String requireLocation(String location) {
        return GcsLocations.require("location", location);
    }
}
