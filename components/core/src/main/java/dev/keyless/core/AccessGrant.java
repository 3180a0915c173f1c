package dev.keyless.core;

/**
 * Least-privilege access to named cloud resources (a bucket, a prefix, a container), held by a
 * {@link FederatedServiceAccount}'s cloud identity on the grant's {@link #cloud()}.
 *
 * <p>A grant is bound to the workload's principal by an identity mechanism of its cloud: the
 * cluster's native one when the grant is of the cluster's cloud, a federation otherwise. Clouds
 * differ in where a grant lives: on AWS it is statements in the role's one inline policy; on GCP
 * and Azure it is a resource on the bucket or container that names the principal
 * ({@link ResourceGrant}). Grants are not limited to storage.
 */
public interface AccessGrant {

    /** @return the cloud whose identity holds the grant; each cloud's grant interface gives it */
    Cloud cloud();

    /** @return what the grant allows, for messages and reports, e.g. {@code S3 read-write on charts/*} */
    String describe();
}
