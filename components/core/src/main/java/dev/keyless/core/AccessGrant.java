package dev.keyless.core;

/**
 * Least-privilege access to named cloud resources (a bucket, a prefix, a container), held by a
 * {@link FederatedServiceAccount}'s cloud identity.
 *
 * <p>A grant is bound to the workload's principal by its cloud's identity mechanism, which accepts
 * only its own cloud's grants. Clouds differ in where a grant lives: on AWS it is statements in
 * the role's one inline policy; on GCP and Azure it is a resource on the bucket or container that
 * names the principal ({@link ResourceGrant}). Grants are not limited to storage.
 */
public interface AccessGrant {

    /** @return what the grant allows, for messages and reports, e.g. {@code S3 read-write on charts/*} */
    String describe();
}
