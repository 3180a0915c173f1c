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
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.Checks;
import dev.keyless.core.FormerPlace;

import java.util.Map;
import java.util.Optional;

/**
 * A storage account and private container set up to keep what workloads put in them and to admit
 * no key: shared-key access disabled (so no account key or SAS signed with one works, and Entra ID
 * is the only way in), no public blob access, HTTPS and TLS 1.2 only, blob versioning and 7-day soft
 * delete for blobs and containers, and both left in place when the stack is destroyed unless it opts
 * out. Grant workloads access to the container with {@link BlobAccess#readWrite(ProtectedBlobContainer)}.
 *
 * <p>A component ({@value #TYPE}) whose children are the account ({@code NAME}), its blob service
 * settings ({@code NAME-blob-service}) and the container ({@code NAME}). Earlier releases registered
 * the account at the top of the stack with the other two under it; a component at the top of the
 * stack aliases each child from that place, so a stack made then keeps its account and container.
 *
 * @see <a href="https://learn.microsoft.com/azure/storage/blobs/security-recommendations">Security recommendations for Blob storage</a>
 */
public final class ProtectedBlobContainer extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:azure:ProtectedBlobContainer";
    /** How long deleted blobs and containers can be restored. */
    public static final int SOFT_DELETE_DAYS = 7;
    // The account's type token, which its former children's URNs named as their parent's.
    private static final String ACCOUNT_TYPE = "azure-native:storage:StorageAccount";

    @Export(name = "accountName", refs = String.class)
    private final Output<String> accountName;
    @Export(name = "containerName", refs = String.class)
    private final Output<String> containerName;

    private final StorageAccount account;
    private final BlobContainer container;
    private final Optional<String> knownResourceGroupName;

    private ProtectedBlobContainer(String name, Output<String> resourceGroupName, Optional<String> knownResourceGroupName,
                                   boolean retainOnDestroy, ComponentResourceOptions options) {
        super(TYPE, requireName(name), options);
        this.knownResourceGroupName = knownResourceGroupName;
        var moved = FormerPlace.applies(options);
        var formerlyUnderAccount = FormerPlace.under(ACCOUNT_TYPE, name);
        // Known only at deploy time: checked then, failing the account and everything in it.
        var group = resourceGroupName.applyValue(ProtectedBlobContainer::requireResourceGroupName);
        this.account = new StorageAccount(name, StorageAccountArgs.builder()
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
                child(moved, FormerPlace.topLevel()).retainOnDelete(retainOnDestroy).build());
        var retention = DeleteRetentionPolicyArgs.builder().enabled(true).days(SOFT_DELETE_DAYS).build();
        var blobService = new BlobServiceProperties(name + "-blob-service", BlobServicePropertiesArgs.builder()
                .resourceGroupName(group)
                .accountName(account.name())
                .blobServicesName("default")
                .isVersioningEnabled(true)
                .deleteRetentionPolicy(retention)
                .containerDeleteRetentionPolicy(retention)
                .build(), child(moved, formerlyUnderAccount).build());
        // Created once versioning and soft delete protect what goes into it.
        this.container = new BlobContainer(name, BlobContainerArgs.builder()
                .resourceGroupName(group)
                .accountName(account.name())
                .publicAccess(PublicAccess.None)
                .build(),
                child(moved, formerlyUnderAccount).dependsOn(blobService).retainOnDelete(retainOnDestroy).build());
        this.accountName = account.name();
        this.containerName = container.name();
        registerOutputs(Map.of("accountName", accountName, "containerName", containerName));
    }

    /**
     * Creates the account and the container, both auto-named from {@code name}.
     *
     * @param name              the logical name; 1 to 16 lowercase letters and digits, so that
     *                          Pulumi's auto-name is a valid storage account name
     * @param resourceGroupName the resource group that holds the account
     * @param retainOnDestroy   whether {@code pulumi destroy} leaves both in place; recommended
     * @return the component, holding the account and the container
     * @throws dev.keyless.core.InvalidInputException when the name cannot make an account name
     */
    public static ProtectedBlobContainer create(String name, Output<String> resourceGroupName, boolean retainOnDestroy) {
        return create(name, resourceGroupName, retainOnDestroy, null);
    }

    /**
     * @param name              the logical name, as for {@link #create(String, Output, boolean)}
     * @param resourceGroupName the resource group that holds the account
     * @param retainOnDestroy   whether {@code pulumi destroy} leaves both in place; recommended
     * @param options           Pulumi options for the component (provider, parent, ...), may be null
     * @return the component, holding the account and the container
     * @throws dev.keyless.core.InvalidInputException when the name cannot make an account name
     */
    public static ProtectedBlobContainer create(String name, Output<String> resourceGroupName, boolean retainOnDestroy,
                                                ComponentResourceOptions options) {
        requireName(name);
        Checks.notNull("resourceGroupName", resourceGroupName, "the resource group that holds the account");
        return new ProtectedBlobContainer(name, resourceGroupName, Optional.empty(), retainOnDestroy, options);
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
        return create(name, resourceGroupName, retainOnDestroy, null);
    }

    /**
     * @param name              the logical name, as for {@link #create(String, Output, boolean)}
     * @param resourceGroupName the resource group that holds the account
     * @param retainOnDestroy   whether {@code pulumi destroy} leaves both in place; recommended
     * @param options           Pulumi options for the component (provider, parent, ...), may be null
     * @return the component, holding the account and the container
     * @throws dev.keyless.core.InvalidInputException when the name or the resource group breaks Azure's rules
     */
    public static ProtectedBlobContainer create(String name, String resourceGroupName, boolean retainOnDestroy,
                                                ComponentResourceOptions options) {
        requireName(name);
        requireResourceGroupName(resourceGroupName);
        return new ProtectedBlobContainer(name, Output.of(resourceGroupName), Optional.of(resourceGroupName), retainOnDestroy, options);
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

    /** @return the storage account */
    public StorageAccount account() {
        return account;
    }

    /** @return the private container in it */
    public BlobContainer container() {
        return container;
    }

    /**
     * @return the account's resource group when it was named before deploy: a federated identity for
     *     the container's grants goes there
     */
    public Optional<String> knownResourceGroupName() {
        return knownResourceGroupName;
    }

    private CustomResourceOptions.Builder child(boolean moved, Alias formerPlace) {
        var options = CustomResourceOptions.builder().parent(this);
        return moved ? options.aliases(formerPlace) : options;
    }
}
