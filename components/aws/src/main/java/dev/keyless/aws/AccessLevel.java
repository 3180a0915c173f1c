package dev.keyless.aws;

/**
 * Whether a grant on a secret or a parameter only reads its value or also writes new values, as
 * {@link S3Access#readOnly(String)} and {@link S3Access#readWrite(String)} differ for objects.
 */
enum AccessLevel {
    READ,
    READ_WRITE
}
