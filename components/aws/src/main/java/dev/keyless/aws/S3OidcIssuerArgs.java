package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerJwks;
import dev.keyless.core.IssuerKeyInput;


/**
 * What {@link S3OidcIssuer} publishes: the bucket, its region, and the cluster's public
 * ServiceAccount signing keys (PEM) or its JWKS. Every value is plain, so the issuer URL is known
 * before anything is registered and checked then.
 */
public final class S3OidcIssuerArgs {
    private final String bucketName;
    private final String region;
    private final IssuerJwks jwks;
    private final boolean protect;

    private S3OidcIssuerArgs(String bucketName, String region, IssuerJwks jwks, boolean protect) {
        this.bucketName = bucketName;
        this.region = region;
        this.jwks = jwks;
        this.protect = protect;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the bucket's name, the issuer's host name's first label */
    public String bucketName() {
        return bucketName;
    }

    /** @return the bucket's region, the one the AWS provider creates it in */
    public String region() {
        return region;
    }

    /** @return the keys to publish */
    public IssuerJwks jwks() {
        return jwks;
    }

    /** @return whether the bucket is protected and retained (the default) */
    public boolean protect() {
        return protect;
    }

    /** @return the issuer URL, {@code https://BUCKET.s3.REGION.amazonaws.com} */
    public String issuerUrl() {
        return "https://" + bucketName + ".s3." + region + ".amazonaws.com";
    }

    /** Builds {@link S3OidcIssuerArgs}. */
    public static final class Builder {
        private String bucketName;
        private String region;
        private final IssuerKeyInput keys = new IssuerKeyInput();
        private boolean protect = true;

        private Builder() {
        }

        /**
         * The bucket's name, which the issuer URL holds: pick it once, it cannot change without
         * changing every trust and the API server's flags. Required.
         *
         * @param bucketName an S3 bucket name without '.', so that its virtual-hosted https name
         *                   matches S3's wildcard certificate
         * @return this builder
         */
        public Builder bucketName(String bucketName) {
            this.bucketName = S3IssuerBucketNames.require("bucketName", bucketName);
            return this;
        }

        /**
         * The region the bucket is created in: the AWS provider's. Required, since it is part of the issuer URL.
         *
         * @param region e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = AwsRegions.require("region", region);
            return this;
        }

        /**
         * Adds a public key the API server verifies tokens with ({@code --service-account-key-file}):
         * two while a signing key is rotated. Its {@code kid} is derived as Kubernetes derives it.
         *
         * @param pem {@code -----BEGIN PUBLIC KEY-----}, RSA or ECDSA; never the private key
         * @return this builder
         */
        public Builder serviceAccountPublicKey(String pem) {
            keys.addPublicKey(pem);
            return this;
        }

        /**
         * The cluster's JWKS instead of its public keys, e.g. {@code kubectl get --raw /openid/v1/jwks}.
         *
         * @param json {@code {"keys":[...]}}, each key with {@code kid} and {@code use}
         * @return this builder
         */
        public Builder jwks(String json) {
            keys.jwks(json);
            return this;
        }

        /**
         * Whether the bucket is protected ({@code pulumi destroy} refuses) and retained when
         * removed from the program. Defaults to {@code true}: once the bucket is gone anyone can
         * create one of its name, publish their own keys, and mint tokens every role trusting the
         * issuer accepts.
         *
         * @param protect whether to protect and retain the bucket
         * @return this builder
         */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /**
         * @return the args
         * @throws InvalidInputException when a required value is missing, keys are given both ways,
         *     or a key or JWKS is refused
         */
        public S3OidcIssuerArgs build() {
            if (bucketName == null) {
                throw InvalidInputException.missing("bucketName", "give the issuer bucket's name");
            }
            if (region == null) {
                throw InvalidInputException.missing("region", "give the bucket's region, part of the issuer URL");
            }
            return new S3OidcIssuerArgs(bucketName, region, keys.build(), protect);
        }
    }
}
