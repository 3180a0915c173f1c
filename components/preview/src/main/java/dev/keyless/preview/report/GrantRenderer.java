package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;

/**
 * Says in one line what one kind of access binding grants, for bindings that are resources of
 * their own rather than JSON documents (GCP IAM members, Azure role assignments). A cloud whose
 * grants should show in the report adds one implementation to {@link AccessGrants}.
 */
interface GrantRenderer {

    /**
     * @param type a type token, e.g. {@code gcp:storage/bucketIAMMember:BucketIAMMember}
     * @return whether this renderer describes resources of that type
     */
    boolean recognises(String type);

    /**
     * @param grant a resource of a type this renderer recognises
     * @return who is granted what on which resource, as labelled values on one line
     */
    String describe(RegisteredResource grant);
}
