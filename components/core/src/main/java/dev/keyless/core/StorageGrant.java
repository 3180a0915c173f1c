package dev.keyless.core;

/**
 * Least-privilege access to one storage location (a bucket, a container), held by a
 * {@link FederatedServiceAccount}'s cloud identity. Each cloud module supplies its own grants
 * (S3, GCS, Azure Blob); an identity mechanism accepts only its own cloud's.
 */
public interface StorageGrant {

    /** @return what the grant allows, for messages and reports, e.g. {@code S3 read-write on charts/*} */
    String describe();
}
