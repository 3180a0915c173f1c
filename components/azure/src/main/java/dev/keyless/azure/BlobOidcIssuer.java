package dev.keyless.azure;

import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.Kind;
import com.pulumi.azurenative.storage.enums.MinimumTlsVersion;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.azurenative.storage.enums.SkuName;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerDocuments;
import dev.keyless.core.PublishedIssuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-managed cluster's OIDC issuer in Azure Blob Storage, at
 * {@code https://ACCOUNT.blob.core.windows.net/CONTAINER}: a storage account dedicated to the
 * issuer, with shared keys off, and one container whose blobs anyone may read by name (no listing),
 * versioned, soft-deleted and (by default) protected and retained.
 *
 * <p><b>The two documents are uploaded by one step outside Pulumi.</b> azure-native's
 * {@code storage.Blob} writes with the account's shared key and fails on an account that refuses
 * shared keys (https://github.com/pulumi/pulumi-azure-native/issues/2015, open); turning shared
 * keys on would put a static key in reach of everyone who can list the account's keys, which
 * keyless never does. So this component prepares everything else and exports {@code uploadScript}:
 * the two documents and the two {@code az storage blob upload --auth-mode login} commands that put
 * them in the container with Entra authentication, as Azure Workload Identity's self-managed guide
 * uploads them
 * (https://azure.github.io/azure-workload-identity/docs/installation/self-managed-clusters/oidc-issuer/discovery-document.html).
 * Whoever runs it needs Storage Blob Data Contributor on the container (Owner holds no data
 * actions): {@link BlobOidcIssuerArgs.Builder#uploaderPrincipalId} grants exactly that, on the
 * container only. Run it once after the first {@code pulumi up}, and again whenever the keys
 * change; until it has run, tokens of the cluster are refused (the clouds fetch the documents when
 * a token is exchanged).
 *
 * <p>Public read is the container's access level {@code Blob}: anonymous reads of a blob by its
 * name, no listing, no container metadata
 * (https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure). The account
 * must allow it ({@code allowBlobPublicAccess}); everything else about the account is as keyless's
 * other storage: https only, TLS 1.2, Entra authentication by default, no cross-tenant replication.
 *
 * <p>Children: {@code NAME-account}, {@code NAME-blob-service} (versioning and soft delete), then
 * {@code NAME-container}, and {@code NAME-uploader} when an uploader is named.
 */
public class BlobOidcIssuer extends ComponentResource implements PublishedIssuer {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:azure:BlobOidcIssuer";

    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "jwksUri", refs = String.class)
    private final Output<String> jwksUri;
    @Export(name = "apiServerArguments", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> apiServerArguments;
    @Export(name = "keyIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> keyIds;
    @Export(name = "accountName", refs = String.class)
    private final Output<String> accountName;
    @Export(name = "containerName", refs = String.class)
    private final Output<String> containerName;
    @Export(name = "uploadScript", refs = String.class)
    private final Output<String> uploadScript;

    private final String logicalName;
    private final String plainIssuerUrl;
    private final IssuerDocuments documents;
    private final StorageAccount account;
    private final BlobContainer container;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the account, the container and the keys
     */
    public BlobOidcIssuer(String name, BlobOidcIssuerArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the account, the container and the keys
     * @param options Pulumi options for the component
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public BlobOidcIssuer(String name, BlobOidcIssuerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options(name, args, options));
        this.logicalName = name;
        this.documents = new IssuerDocuments(args.issuerUrl(), args.jwks());
        this.plainIssuerUrl = documents.issuerUrl();
        var kept = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(args.protect()).build();
        this.account = new StorageAccount(name + "-account", StorageAccountArgs.builder()
                .accountName(args.accountName())
                .resourceGroupName(args.resourceGroupName())
                .kind(Kind.StorageV2)
                .sku(SkuArgs.builder().name(SkuName.Standard_ZRS).build())
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                // The one difference from keyless's private storage: the container below is public.
                .allowBlobPublicAccess(true)
                .allowCrossTenantReplication(false)
                .enableHttpsTrafficOnly(true)
                .minimumTlsVersion(MinimumTlsVersion.TLS1_2)
                .build(), kept);
        var retention = DeleteRetentionPolicyArgs.builder().enabled(true).days(ProtectedBlobContainer.SOFT_DELETE_DAYS).build();
        var blobService = new BlobServiceProperties(name + "-blob-service", BlobServicePropertiesArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .blobServicesName("default")
                .isVersioningEnabled(true)
                .deleteRetentionPolicy(retention)
                .containerDeleteRetentionPolicy(retention)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.container = new BlobContainer(name + "-container", BlobContainerArgs.builder()
                .containerName(args.containerName())
                .accountName(account.name())
                .resourceGroupName(args.resourceGroupName())
                .publicAccess(PublicAccess.Blob)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(blobService)
                .protect(args.protect()).retainOnDelete(args.protect()).build());
        args.uploaderPrincipalId().ifPresent(principal -> IssuerUploader.grant(name + "-uploader", this, describe(), container, principal));
        this.issuerUrl = Output.of(documents.issuerUrl());
        this.jwksUri = Output.of(documents.jwksUri());
        this.apiServerArguments = Output.of(documents.apiServerFlags().arguments());
        this.keyIds = Output.of(args.jwks().keyIds());
        this.accountName = account.name();
        this.containerName = container.name();
        this.uploadScript = Output.of(IssuerUploadScript.of(args.accountName(), args.containerName(), documents));
        registerOutputs(Map.of(
                "issuerUrl", issuerUrl,
                "jwksUri", jwksUri,
                "apiServerArguments", apiServerArguments,
                "keyIds", keyIds,
                "accountName", accountName,
                "containerName", containerName,
                "uploadScript", uploadScript));
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return Optional.of(plainIssuerUrl);
    }

    @Override
    public String describe() {
        return "Blob Storage issuer '" + logicalName + "'";
    }

    @Override
    public Output<String> jwksUri() {
        return jwksUri;
    }

    @Override
    public Output<List<String>> apiServerArguments() {
        return apiServerArguments;
    }

    /**
     * The container the documents go in. The documents themselves are uploaded by
     * {@link #uploadScript()}, outside the deployment; see the class comment.
     */
    @Override
    public Resource published() {
        return container;
    }

    /** @return the shell script that uploads the two documents with Entra authentication */
    public Output<String> uploadScript() {
        return uploadScript;
    }

    /** @return the discovery document, as the container must serve it */
    public String discoveryDocument() {
        return documents.discoveryJson();
    }

    /** @return the key set, as the container must serve it */
    public String jwksDocument() {
        return documents.jwksJson();
    }

    /** @return the storage account */
    public StorageAccount account() {
        return account;
    }

    /** @return the container */
    public BlobContainer container() {
        return container;
    }

    private static ComponentResourceOptions options(String name, BlobOidcIssuerArgs args, ComponentResourceOptions options) {
        Checks.componentName(name);
        Checks.notNull("args", args, "BlobOidcIssuerArgs");
        return options;
    }
}
