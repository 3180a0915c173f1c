package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerJwks;
import dev.keyless.core.IssuerKeyInput;


/**
 * What {@link GcsOidcIssuer} publishes: the bucket, its location, and the cluster's public
 * ServiceAccount signing keys (PEM) or its JWKS. Every value is plain, so the issuer URL is known
 * before anything is registered and checked then.
 */
public final class GcsOidcIssuerArgs {
    /** Cloud Storage's path-style https endpoint: the bucket name follows it. */
    static final String ISSUER_HOST = "https://storage.googleapis.com/";
    private final String bucketName;
    private final String location;
    private final IssuerJwks jwks;
    private final boolean protect;

    private GcsOidcIssuerArgs(String bucketName, String location, IssuerJwks jwks, boolean protect) {
        this.bucketName = bucketName;
        this.location = location;
        this.jwks = jwks;
        this.protect = protect;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the bucket's name, the issuer URL's path */
    public String bucketName() {
        return bucketName;
    }

    /** @return the bucket's location, e.g. {@code EU} or {@code europe-west1} */
    public String location() {
        return location;
    }

    /** @return the keys to publish */
    public IssuerJwks jwks() {
        return jwks;
    }

    /** @return whether the bucket is protected and retained (the default) */
    public boolean protect() {
        return protect;
    }

    /** @return the issuer URL, {@code https://storage.googleapis.com/BUCKET} */
    public String issuerUrl() {
        return ISSUER_HOST + bucketName;
    }

    /** Builds {@link GcsOidcIssuerArgs}. */
    public static final class Builder {
        private String bucketName;
        private String location;
        private final IssuerKeyInput keys = new IssuerKeyInput();
        private boolean protect = true;

        private Builder() {
        }

        /**
         * The bucket's name, which the issuer URL holds: pick it once, it cannot change without
         * changing every trust and the API server's flags. Required.
         *
         * @param bucketName a DNS-compatible bucket name, without '.' or '_'; the bucket is
         *                   dedicated to the issuer and holds nothing else
         * @return this builder
         */
        public Builder bucketName(String bucketName) {
            this.bucketName = GcsIssuerBucketNames.require("bucketName", bucketName);
            return this;
        }

        /**
         * Where the bucket is created. Required: the bucket's location cannot change later.
         *
         * @param location a Cloud Storage location, e.g. {@code EU} or {@code europe-west1}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = GcsLocations.require("location", location);
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
        public GcsOidcIssuerArgs build() {
            if (bucketName == null) {
                throw InvalidInputException.missing("bucketName", "give the issuer bucket's name");
            }
            if (location == null) {
                throw InvalidInputException.missing("location", "give the bucket's location");
            }
            return new GcsOidcIssuerArgs(bucketName, location, keys.build(), protect);
        }
    }
}
