package dev.keyless.azure;

import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerJwks;
import dev.keyless.core.IssuerKeyInput;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link BlobOidcIssuer} prepares: the storage account and container the issuer URL names, the
 * resource group holding them, and the cluster's public ServiceAccount signing keys (PEM) or its
 * JWKS. Every value is plain, so the issuer URL is known, and checked, before anything is registered.
 */
public final class BlobOidcIssuerArgs {
    /** The container's default name: the issuer URL's path. */
    public static final String DEFAULT_CONTAINER = "oidc";
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final String accountName;
    private final String containerName;
    private final String resourceGroupName;
    private final IssuerJwks jwks;
    private final boolean protect;
    private final Optional<String> uploaderPrincipalId;

    private BlobOidcIssuerArgs(Builder builder, IssuerJwks jwks) {
        this.accountName = builder.accountName;
        this.containerName = builder.containerName;
        this.resourceGroupName = builder.resourceGroupName;
        this.jwks = jwks;
        this.protect = builder.protect;
        this.uploaderPrincipalId = Optional.ofNullable(builder.uploaderPrincipalId);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the storage account's name, the issuer URL's host */
    public String accountName() {
        return accountName;
    }

    /** @return the container's name, the issuer URL's path */
    public String containerName() {
        return containerName;
    }

    /** @return the resource group that holds the account */
    public String resourceGroupName() {
        return resourceGroupName;
    }

    /** @return the keys to publish */
    public IssuerJwks jwks() {
        return jwks;
    }

    /** @return whether the account and container are protected and retained (the default) */
    public boolean protect() {
        return protect;
    }

    /** @return the Entra object id that may write the container, when one is named */
    public Optional<String> uploaderPrincipalId() {
        return uploaderPrincipalId;
    }

    /** @return the issuer URL, {@code https://ACCOUNT.blob.core.windows.net/CONTAINER} */
    public String issuerUrl() {
        return "https://" + accountName + ".blob.core.windows.net/" + containerName;
    }

    /** Builds {@link BlobOidcIssuerArgs}. */
    public static final class Builder {
        private String accountName;
        private String containerName = DEFAULT_CONTAINER;
        private String resourceGroupName;
        private final IssuerKeyInput keys = new IssuerKeyInput();
        private boolean protect = true;
        private String uploaderPrincipalId;

        private Builder() {
        }

        /**
         * The storage account's name, which the issuer URL holds: account names are global, so pick
         * one once; it cannot change without changing every trust and the API server's flags.
         * Required.
         *
         * @param accountName 3 to 24 lowercase letters and digits; the account is dedicated to the issuer
         * @return this builder
         */
        public Builder accountName(String accountName) {
            this.accountName = StorageNames.requireAccountName("accountName", accountName);
            return this;
        }

        /**
         * @param containerName the container holding the two documents, {@value #DEFAULT_CONTAINER} by default
         * @return this builder
         */
        public Builder containerName(String containerName) {
            this.containerName = StorageNames.requireContainerName("containerName", containerName);
            return this;
        }

        /**
         * @param resourceGroupName the resource group that holds the account; required
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) {
            this.resourceGroupName = AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
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
         * Whether the account and the container are protected ({@code pulumi destroy} refuses) and
         * retained when removed from the program. Defaults to {@code true}: once the account is
         * gone anyone can create one of its name, publish their own keys, and mint tokens every
         * identity trusting the issuer accepts.
         *
         * @param protect whether to protect and retain them
         * @return this builder
         */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /**
         * Lets one principal write the container, to run the upload script: Storage Blob Data
         * Contributor on the container only. Without it, whoever runs the script needs that role
         * (or a wider data role) already; Owner and Contributor hold no data actions.
         *
         * @param objectId the Entra object id (a lowercase GUID) of the user, group or service
         *                 principal that runs the upload script, e.g. a pipeline's identity
         * @return this builder
         */
        public Builder uploaderPrincipalId(String objectId) {
            if (objectId == null || !OBJECT_ID.matcher(objectId).matches()) {
                throw InvalidInputException.of("uploaderPrincipalId", objectId, "an Entra object id, a lowercase GUID");
            }
            this.uploaderPrincipalId = objectId;
            return this;
        }

        /**
         * @return the args
         * @throws InvalidInputException when a required value is missing, keys are given both ways,
         *     or a key or JWKS is refused
         */
        public BlobOidcIssuerArgs build() {
            if (accountName == null) {
                throw InvalidInputException.missing("accountName", "give the issuer's storage account name");
            }
            if (resourceGroupName == null) {
                throw InvalidInputException.missing("resourceGroupName", "give the resource group that holds the account");
            }
            Checks.notNull("containerName", containerName, "the container's name");
            return new BlobOidcIssuerArgs(this, keys.build());
        }
    }
}
