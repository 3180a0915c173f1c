package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.FormerPlace;
import dev.keyless.core.InvalidInputException;

import java.util.Map;

/**
 * A Cloud Storage bucket set up to keep what workloads put in it: every version kept, public access
 * prevented, access decided by IAM alone (uniform bucket-level access, which a prefix grant's IAM
 * condition needs too), and left in place when the stack is destroyed unless the stack opts out.
 * Even then a bucket with objects in it is not force-deleted. Grant workloads access to it with
 * {@link GcsAccess#readWrite(ProtectedGcsBucket)}.
 *
 * <p>A component ({@value #TYPE}) whose child is the bucket, named {@code NAME}. Earlier releases
 * registered the bucket at the top of the stack; a component at the top of the stack aliases it
 * from there, so a stack made then keeps its bucket.
 *
 * @see <a href="https://cloud.google.com/storage/docs/best-practices">Cloud Storage best practices</a>
 */
public final class ProtectedGcsBucket extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:gcp:ProtectedGcsBucket";

    @Export(name = "bucketName", refs = String.class)
    private final Output<String> bucketName;

    private final Bucket bucket;

    /**
     * Creates the bucket, auto-named from {@code name}.
     *
     * @param name            the logical name; 1 to 55 characters of {@code [a-z0-9_-]}, so that
     *                        Pulumi's auto-name is a valid bucket name
     * @param location        the bucket's location, e.g. {@code EU} or {@code europe-west1}
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @throws InvalidInputException before anything is registered, when the name cannot make a bucket
     *                               name or the location is not one
     */
    public ProtectedGcsBucket(String name, String location, boolean retainOnDestroy) {
        this(name, location, retainOnDestroy, null);
    }

    /**
     * @param name            the logical name, as for {@link #ProtectedGcsBucket(String, String, boolean)}
     * @param location        the bucket's location
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @param options         Pulumi options for the component (provider, parent, ...), may be null
     * @throws InvalidInputException before anything is registered, when the name or the location breaks a rule
     */
    public ProtectedGcsBucket(String name, String location, boolean retainOnDestroy, ComponentResourceOptions options) {
        super(TYPE, checked(name, location), options);
        var bucketOptions = CustomResourceOptions.builder().parent(this).retainOnDelete(retainOnDestroy);
        if (FormerPlace.applies(options)) {
            bucketOptions.aliases(FormerPlace.topLevel());
        }
        this.bucket = new Bucket(name, BucketArgs.builder()
                .location(location)
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .build(),
                bucketOptions.build());
        this.bucketName = bucket.name();
        registerOutputs(Map.of("bucketName", bucketName));
    }

    /**
     * Creates the protected bucket and returns the bucket itself, for callers that grant or name it
     * as a {@link Bucket}.
     *
     * @param name            the logical name, as for {@link #ProtectedGcsBucket(String, String, boolean)}
     * @param location        the bucket's location, e.g. {@code EU} or {@code europe-west1}
     * @param retainOnDestroy whether {@code pulumi destroy} leaves the bucket in place; recommended
     * @return the bucket, a child of the {@value #TYPE} component
     * @throws InvalidInputException when the name cannot make a bucket name or the location is not one
     */
    public static Bucket create(String name, String location, boolean retainOnDestroy) {
        return new ProtectedGcsBucket(name, location, retainOnDestroy).bucket();
    }

    /**
     * Checks a logical name as the constructor does, for callers that check all their input first.
     *
     * @param name the logical name
     * @return the name
     * @throws InvalidInputException when it cannot make a bucket name
     */
    public static String requireName(String name) {
        return GcsBucketNames.requireAutoName("name", name);
    }

    /**
     * Checks a location as the constructor does, for callers that check all their input first.
     *
     * @param location the bucket's location
     * @return the location
     * @throws InvalidInputException when it is not a Cloud Storage location (see {@link GcsLocations})
     */
    public static String requireLocation(String location) {
        return GcsLocations.require("location", location);
    }

    /** @return the bucket */
    public Bucket bucket() {
        return bucket;
    }

    /** @return the bucket's name, as Cloud Storage knows it */
    public Output<String> bucketName() {
        return bucketName;
    }

    // Both are checked before the component registers.
    private static String checked(String name, String location) {
        requireName(name);
        requireLocation(location);
        return name;
    }
}
