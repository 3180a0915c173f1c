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
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.Checks;
import java.util.Optional;

/**
 * A storage account and private container set up to keep what workloads put in them and to admit
 * no key: shared-key access disabled (so no account key or SAS signed with one works, and Entra ID
 * is the only way in), no public blob access, HTTPS and TLS 1.2 only, blob versioning and 7-day soft
 * delete for blobs and containers, and both left in place when the stack is destroyed unless it opts
 * out. Grant workloads access to the container with {@link BlobAccess}.
 *
 * @param account   the storage account
 * @param container the private container
 * @see <a href="https://learn.microsoft.com/azure/storage/blobs/security-recommendations">Security recommendations for Blob storage</a>
 */
public record ProtectedBlobContainer(StorageAccount account, BlobContainer container, Optional<String> knownResourceGroupName) {
    /** How long deleted blobs and containers can be restored. */
    public static final int SOFT_DELETE_DAYS = 7;

    /**
     * @param account                the storage account
     * @param container              the container in it
     * @param knownResourceGroupName the account's resource group when it was named before deploy:
     *                               a federated identity for the container's grants goes there
     */
    public ProtectedBlobContainer {
        java.util.Objects.requireNonNull(knownResourceGroupName, "knownResourceGroupName");
    }

    /**
     * A store whose resource group is known only at deploy.
     *
     * @param account   the storage account
     * @param container the container in it
     */
    public ProtectedBlobContainer(StorageAccount account, BlobContainer container) {
        this(account, container, Optional.empty());
    }

    /**
     * Creates the account and the container, both auto-named from {@code name}.
     *
     * @param name              the logical name; 1 to 16 lowercase letters and digits, so that
     *                          Pulumi's auto-name is a valid storage account name
     * @param resourceGroupName the resource group that holds the account
     * @param retainOnDestroy   whether {@code pulumi destroy} leaves both in place; recommended
     * @return the account and the container
     * @throws dev.keyless.core.InvalidInputException when the name cannot make an account name
     */
    public static ProtectedBlobContainer create(String name, Output<String> resourceGroupName, boolean retainOnDestroy) {
        requireName(name);
        Checks.notNull("resourceGroupName", resourceGroupName, "the resource group that holds the account");
        // Known only at deploy time: checked then, failing the account and everything in it.
        var group = resourceGroupName.applyValue(ProtectedBlobContainer::requireResourceGroupName);
        var account = new StorageAccount(name, StorageAccountArgs.builder()
                .resourceGroupName(group)
                .kind(Kind.StorageV2)
                .sku(SkuArgs.builder().name(SkuName.Standard_ZRS).build())
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .enableHttpsTrafficOnly(true)
                .minimumTlsVersion(MinimumTlsVersion.TLS1_2)
                .build(),
                CustomResourceOptions.builder().retainOnDelete(retainOnDestroy).build());
        var child = CustomResourceOptions.builder().parent(account).build();
        var retention = DeleteRetentionPolicyArgs.builder().enabled(true).days(SOFT_DELETE_DAYS).build();
        var blobService = new BlobServiceProperties(name + "-blob-service", BlobServicePropertiesArgs.builder()
                .resourceGroupName(group)
                .accountName(account.name())
                .blobServicesName("default")
                .isVersioningEnabled(true)
                .deleteRetentionPolicy(retention)
                .containerDeleteRetentionPolicy(retention)
                .build(), child);
        // Created once versioning and soft delete protect what goes into it.
        var container = new BlobContainer(name, BlobContainerArgs.builder()
                .resourceGroupName(group)
                .accountName(account.name())
                .publicAccess(PublicAccess.None)
                .build(),
                CustomResourceOptions.builder().parent(account).dependsOn(blobService).retainOnDelete(retainOnDestroy).build());
        return new ProtectedBlobContainer(account, container);
    }

    /**
     * Creates the account and the container in a resource group named before deploy.
     *
     * @param name              the logical name, as for {@link #create(String, Output, boolean)}
     * @param resourceGroupName the resource group that holds the account
     * @param retainOnDestroy   whether {@code pulumi destroy} leaves both in place; recommended
     * @return the account and the container
     * @throws dev.keyless.core.InvalidInputException when the name or the resource group breaks Azure's rules
     */
    public static ProtectedBlobContainer create(String name, String resourceGroupName, boolean retainOnDestroy) {
        requireName(name);
        var store = create(name, Output.of(requireResourceGroupName(resourceGroupName)), retainOnDestroy);
        return new ProtectedBlobContainer(store.account(), store.container(), Optional.of(resourceGroupName));
    }

    /**
     * Checks a resource group name as {@link #create} does, for callers that check all their input first.
     *
     * @param resourceGroupName the resource group that holds the account
     * @return the name
     * @throws dev.keyless.core.InvalidInputException when it breaks Azure's rules for resource group names
     */
    public static String requireResourceGroupName(String resourceGroupName) {
        return AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
    }

    /**
     * Checks a logical name as {@link #create} does, for callers that check all their input first.
     *
     * @param name the logical name
     * @return the name
     * @throws dev.keyless.core.InvalidInputException when it cannot make a storage account name
     */
    public static String requireName(String name) {
        return StorageNames.requireAutoNamedAccount("name", name);
    }
}
