package dev.keyless.azure;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProviderAnswers;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Least-privilege access to one blob container: a role assignment of Storage Blob Data Reader
 * ({@link #readOnly}) or Storage Blob Data Contributor ({@link #readWrite}) to the workload's
 * managed identity, scoped to the container ({@code .../blobServices/default/containers/C}), never
 * the storage account, its resource group or the subscription. The principal type is given as
 * {@code ServicePrincipal}, so Azure does not look the new identity up in a directory that may not
 * have replicated it yet.
 *
 * <p>The assignment's name is a GUID derived from scope, principal and role, so a second
 * {@code pulumi up} changes nothing. A new assignment can take minutes to apply; the ServiceAccount
 * waits for it to exist, not for it to apply.
 *
 * <pre>{@code
 * BlobAccess.readWrite(charts)                           // a BlobContainer this stack manages
 * BlobAccess.readOnly("shared-rg", "reportsacct", "2026") // an existing container, by names
 * BlobAccess.readOnly("reports", group, account, container) // another stack's container (Outputs),
 *                                                           // keyed "reports"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/storage/blobs/assign-azure-role-data-access">Assign an Azure role for access to blob data</a>
 */
public final class BlobAccess implements AzureGrant {
    // The container's resource id, given the deploying subscription (asked for only when needed).
    private final Function<Supplier<Output<String>>, Output<String>> containerId;
    private final String label;
    private final boolean write;
    private final Optional<NamedContainer> named;
    private final DeployTimeCheck nameCheck;
    // A store's resource group named before deploy, when the grant was given the store itself.
    private final Optional<String> storeGroup;
    // The label a managed container's child was keyed by before labels were made injective.
    private final Optional<String> formerLabel;

    // What an existing container's label ACCOUNT-CONTAINER can be: an account name (no '-'), '-',
    // a container name (StorageNames' rules).
    private static final java.util.regex.Pattern NAMES_LABEL = java.util.regex.Pattern.compile("[a-z0-9]{3,24}-[a-z0-9](-?[a-z0-9])+");
    private static final String MANAGED_MARKER = "managed.";

    private BlobAccess(Function<Supplier<Output<String>>, Output<String>> containerId, String label, boolean write, Optional<NamedContainer> named,
                       DeployTimeCheck nameCheck) {
        this(containerId, label, write, named, nameCheck, Optional.empty());
    }

    private BlobAccess(Function<Supplier<Output<String>>, Output<String>> containerId, String label, boolean write, Optional<NamedContainer> named,
                       DeployTimeCheck nameCheck, Optional<String> storeGroup) {
        this(containerId, label, write, named, nameCheck, storeGroup, Optional.empty());
    }

    private BlobAccess(Function<Supplier<Output<String>>, Output<String>> containerId, String label, boolean write, Optional<NamedContainer> named,
                       DeployTimeCheck nameCheck, Optional<String> storeGroup, Optional<String> formerLabel) {
        this.containerId = containerId;
        this.label = label;
        this.write = write;
        this.named = named;
        this.nameCheck = nameCheck;
        this.storeGroup = storeGroup;
        this.formerLabel = formerLabel.filter(former -> !former.equals(label));
    }

    private BlobAccess inKnownGroup(ProtectedBlobContainer store) {
        return new BlobAccess(containerId, label, write, named, nameCheck, store.knownResourceGroupName(), formerLabel);
    }

    /** An existing container, by the names a grant was given. */
    private record NamedContainer(String resourceGroupName, String accountName, String containerName) {
    }

    /**
     * @param container a container this stack manages
     * @return read access (get and list) to its blobs
     */
    public static BlobAccess readOnly(BlobContainer container) {
        return ofContainer(container, false);
    }

    /**
     * @param container a container this stack manages
     * @return read, write and delete access to its blobs
     */
    public static BlobAccess readWrite(BlobContainer container) {
        return ofContainer(container, true);
    }

    /**
     * The grant takes what {@link ProtectedBlobContainer#create} returns, as {@code S3Access} and
     * {@code GcsAccess} take what {@code ProtectedS3Bucket} and {@code ProtectedGcsBucket} return.
     * The grant and its child are those of {@code readOnly(store.container())}.
     *
     * @param store a protected container this stack manages
     * @return read access (get and list) to its blobs
     */
    public static BlobAccess readOnly(ProtectedBlobContainer store) {
        return ofContainer(Checks.notNull("store", store, "a ProtectedBlobContainer").container(), false).inKnownGroup(store);
    }

    /**
     * @param store a protected container this stack manages, as for {@link #readOnly(ProtectedBlobContainer)}
     * @return read, write and delete access to its blobs
     */
    public static BlobAccess readWrite(ProtectedBlobContainer store) {
        return ofContainer(Checks.notNull("store", store, "a ProtectedBlobContainer").container(), true).inKnownGroup(store);
    }

    /**
     * @param resourceGroupName the storage account's resource group
     * @param accountName       the storage account
     * @param containerName     the container
     * @return read access (get and list) to an existing container's blobs, in the deploying subscription
     * @throws dev.keyless.core.InvalidInputException when a name breaks Azure's rules
     */
    public static BlobAccess readOnly(String resourceGroupName, String accountName, String containerName) {
        return ofNames(resourceGroupName, accountName, containerName, false);
    }

    /**
     * @param resourceGroupName the storage account's resource group
     * @param accountName       the storage account
     * @param containerName     the container
     * @return read, write and delete access to an existing container's blobs, in the deploying subscription
     * @throws dev.keyless.core.InvalidInputException when a name breaks Azure's rules
     */
    public static BlobAccess readWrite(String resourceGroupName, String accountName, String containerName) {
        return ofNames(resourceGroupName, accountName, containerName, true);
    }

    /**
     * An existing container named by values known only at deploy time, e.g. another stack's
     * outputs. The names are checked once known, by the rules and with the messages of
     * {@link #readOnly(String, String, String)}, before the role assignment registers. As on GCP
     * and AWS, a name with no value before deploy cannot key the grant's child, so the caller
     * gives the key: the child is {@code NAME-grant-KEY-reader}.
     *
     * @param key               a stable name for the container, e.g. {@code charts}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the storage account's resource group
     * @param accountName       the storage account
     * @param containerName     the container
     * @return read access (get and list) to the container's blobs, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static BlobAccess readOnly(String key, Output<String> resourceGroupName, Output<String> accountName, Output<String> containerName) {
        return ofOutputs(key, resourceGroupName, accountName, containerName, false);
    }

    /**
     * An existing container named by values known only at deploy time, as for
     * {@link #readOnly(String, Output, Output, Output)}; the child is {@code NAME-grant-KEY-contributor}.
     *
     * @param key               a stable name for the container, e.g. {@code charts}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the storage account's resource group
     * @param accountName       the storage account
     * @param containerName     the container
     * @return read, write and delete access to the container's blobs, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static BlobAccess readWrite(String key, Output<String> resourceGroupName, Output<String> accountName, Output<String> containerName) {
        return ofOutputs(key, resourceGroupName, accountName, containerName, true);
    }

    private static BlobAccess ofContainer(BlobContainer container, boolean write) {
        Checks.notNull("container", container, "a BlobContainer");
        return new BlobAccess(ignored -> container.id(), managedLabel(container.pulumiResourceName()), write, Optional.empty(),
                DeployTimeCheck.none(), Optional.empty(), Optional.of(container.pulumiResourceName()));
    }

    /**
     * The label of a container this stack manages: its Pulumi name, as it always was, unless that
     * name reads as an existing container's label {@code ACCOUNT-CONTAINER} (a managed
     * {@code acct-charts} against the existing {@code charts} in account {@code acct}); such a name,
     * and one already starting with the marker, gets {@value #MANAGED_MARKER} in front. Labels of
     * the two forms then never meet: a marked label has a '.', which no account or container name
     * has, and an unmarked one is by definition not an {@code ACCOUNT-CONTAINER} label.
     */
    static String managedLabel(String pulumiName) {
        return NAMES_LABEL.matcher(pulumiName).matches() || pulumiName.startsWith(MANAGED_MARKER)
                ? MANAGED_MARKER + pulumiName : pulumiName;
    }

    private static BlobAccess ofNames(String resourceGroupName, String accountName, String containerName, boolean write) {
        var names = requireNames(resourceGroupName, accountName, containerName);
        // The subscription is the deploying one; asked for only when the grant is bound.
        Function<Supplier<Output<String>>, Output<String>> id = subscription -> subscription.get()
                .applyValue(subscriptionId -> AzureResourceIds.container(subscriptionId, resourceGroupName, accountName, containerName));
        // Account names are lowercase letters and digits: the first '-' ends the account, so the label is injective.
        return new BlobAccess(id, accountName + "-" + containerName, write, Optional.of(names), DeployTimeCheck.none());
    }

    private static BlobAccess ofOutputs(String key, Output<String> resourceGroupName, Output<String> accountName,
                                        Output<String> containerName, boolean write) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the storage account's resource group");
        Checks.notNull("accountName", accountName, "the storage account");
        Checks.notNull("containerName", containerName, "the container");
        // The names are the grant's deploy-time check: the whole workload waits for them, so a
        // refused name leaves no identity or credential behind (a check inside the role
        // assignment's input would fail that child only). The scope is computed from the same
        // checked names.
        var names = Output.tuple(resourceGroupName, accountName, containerName).applyValue(t -> requireNames(t.t1, t.t2, t.t3));
        Function<Supplier<Output<String>>, Output<String>> id = subscription -> Output.tuple(names, subscription.get())
                .applyValue(t -> AzureResourceIds.container(t.t2, t.t1.resourceGroupName(), t.t1.accountName(), t.t1.containerName()));
        return new BlobAccess(id, key, write, Optional.empty(), DeployTimeCheck.of(names));
    }

    // One place for the name rules of both paths, so a plain and an Output name get one message.
    private static NamedContainer requireNames(String resourceGroupName, String accountName, String containerName) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        StorageNames.requireAccountName("accountName", accountName);
        StorageNames.requireContainerName("containerName", containerName);
        return new NamedContainer(resourceGroupName, accountName, containerName);
    }

    /**
     * A storage account's name is unique across Azure, so it lives in exactly one resource group;
     * grants of one workload that name it in two are a mistake in one of them, and would also share
     * a child name (the key names account and container, which identify the container). Names
     * given as {@code Output}s are not known here; a wrong resource group there is Azure's to
     * refuse, as the scope it names does not exist.
     *
     * @param grants one workload's grants
     * @throws InvalidInputException when two of them name one account in different resource groups
     */
    static void requireOneResourceGroupPerAccount(List<? extends AzureGrant> grants) {
        // Account name to the index of the first grant naming it; the refusal names both grants,
        // so a caller that lists them (the landing zone's config) can point at the second.
        var first = new HashMap<String, Integer>();
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i) instanceof BlobAccess blob && blob.named.isPresent()) {
                var container = blob.named.get();
                var earlier = first.putIfAbsent(container.accountName(), i);
                if (earlier == null) {
                    continue;
                }
                var earlierGroup = ((BlobAccess) grants.get(earlier)).named.orElseThrow().resourceGroupName();
                // Azure compares resource group names ignoring case.
                if (!earlierGroup.equalsIgnoreCase(container.resourceGroupName())) {
                    throw InvalidInputException.of("grants[" + i + "]", container.resourceGroupName(),
                            "a container of storage account '" + container.accountName() + "' in its one resource group '" + earlierGroup
                                    + "', as grants[" + earlier + "] names it (storage account names are unique across Azure)");
                }
            }
        }
    }

    /**
     * @return the storage account's resource group when it is known before deploy: the names form,
     *     or a {@link ProtectedBlobContainer} created in a group named as text; empty for a container
     *     object or names given as {@code Output}s
     */
    Optional<String> plainResourceGroupName() {
        return named.map(NamedContainer::resourceGroupName).or(() -> storeGroup);
    }

    /** @return the role assigned: Storage Blob Data Contributor or Reader */
    String roleId() {
        return write ? BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR : BuiltInRoles.STORAGE_BLOB_DATA_READER;
    }

    /** @return whether the grant allows writes */
    public boolean writes() {
        return write;
    }

    @Override
    public String key() {
        return keyOf(label);
    }

    /** @return for a managed container whose label was marked, the key its child had before */
    @Override
    public Optional<String> formerKey() {
        return formerLabel.map(this::keyOf);
    }

    private String keyOf(String containerLabel) {
        return containerLabel + "-" + (write ? "contributor" : "reader");
    }

    /** @return for names given as {@code Output}s, their check once known; none otherwise */
    @Override
    public DeployTimeCheck deployTimeChecks() {
        return nameCheck;
    }

    @Override
    public String describe() {
        var shown = label.startsWith(MANAGED_MARKER) ? label.substring(MANAGED_MARKER.length()) : label;
        return "Blob " + (write ? "read-write" : "read-only") + " on container " + shown;
    }

    @Override
    public List<Resource> bindTo(ManagedIdentity identity, GrantContext context) {
        return bindTo(identity, context, Optional.empty());
    }

    /**
     * As {@link #bindTo(ManagedIdentity, GrantContext)}, through an explicit azure-native provider:
     * the role assignment and the {@code getClientConfig} invoke (the deploying subscription) both
     * use it. The invoke runs with the owner as parent, so without a provider it uses the owner's.
     */
    List<Resource> bindTo(ManagedIdentity identity, GrantContext context, Optional<Provider> provider) {
        var roleId = roleId();
        // One invoke per provider for the program: every grant under it is in the same subscription.
        Supplier<Output<String>> subscription = () -> ProviderAnswers.once("azure-native:authorization:getClientConfig", context.owner(), provider,
                invoke -> AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, invoke).applyValue(client -> client.subscriptionId()));
        var options = provider.map(p -> CustomResourceOptions.merge(context.options(this), CustomResourceOptions.builder().provider(p).build()))
                .orElseGet(() -> context.options(this));
        var scope = containerId.apply(subscription).applyValue(id -> {
            AzureResourceIds.requireContainerSubscription("container", id);
            return id;
        });
        var assignment = new RoleAssignment(context.childName(this), RoleAssignmentArgs.builder()
                .scope(scope)
                .roleDefinitionId(scope.applyValue(id -> BuiltInRoles.definitionId(
                        AzureResourceIds.requireContainerSubscription("container", id), roleId)))
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(Output.tuple(scope, identity.principalId())
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2, roleId)))
                .description(describe())
                .build(), options);
        return List.of(assignment);
    }
}
