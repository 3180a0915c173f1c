package dev.keyless.azure;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.RoleDefinition;
import com.pulumi.azurenative.authorization.RoleDefinitionArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.authorization.inputs.PermissionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.EngineWarnings;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Velero's managed-disk snapshots: a custom role with exactly the disk and snapshot actions
 * velero-plugin-for-microsoft-azure documents, assignable only in, and assigned on, the one
 * resource group named: the group that holds the cluster's disks (on AKS, the node resource
 * group {@code MC_...}), where upstream assigns its role on the whole subscription. This is the one
 * grant of keyless-azure on a resource group, never implied: a workload holds it only when it
 * names it ({@link AzureControllers#veleroWithDiskSnapshots}), and binding it warns.
 *
 * <p>It cannot be narrowed further: Velero snapshots whatever disks back the volumes it backs up
 * and restores into disks and snapshots it names at run time. Backups through Velero's
 * file-system uploader (Kopia) need none of it: {@link AzureControllers#velero} grants only the
 * container.
 *
 * <p>The custom role is one per resource group in the program and belongs to the stack rather
 * than to a workload, so removing one workload never deletes a role another holds. Its id and its
 * name (unique in the tenant) derive from the group's id and from {@code PULUMI_PROJECT/STACK},
 * so two stacks with Velero on one group never take over each other's role.
 *
 * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-microsoft-azure/blob/v1.13.2/README.md#specify-role">velero-plugin-for-microsoft-azure v1.13.2, README: Specify Role</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/custom-roles">Azure custom roles: assignable scopes</a>
 */
public final class DiskSnapshotAccess implements AzureGrant {
    /** The custom role's actions: upstream's list without its storage-account actions (see {@link AzureControllers#velero}). */
    public static final List<String> ACTIONS = List.of(
            "Microsoft.Compute/disks/read",
            "Microsoft.Compute/disks/write",
            "Microsoft.Compute/disks/endGetAccess/action",
            "Microsoft.Compute/disks/beginGetAccess/action",
            "Microsoft.Compute/snapshots/read",
            "Microsoft.Compute/snapshots/write",
            "Microsoft.Compute/snapshots/delete");
    static final String URL = "https://github.com/vmware-tanzu/velero-plugin-for-microsoft-azure/blob/v1.13.2/README.md#specify-role";

    private final String resourceGroupName;

    private DiskSnapshotAccess(String resourceGroupName) {
        this.resourceGroupName = resourceGroupName;
    }

    /**
     * @param resourceGroupName the resource group that holds the cluster's disks (on AKS, its node resource group)
     * @return the grant
     * @throws InvalidInputException when the name breaks Azure's resource group rule
     */
    public static DiskSnapshotAccess onResourceGroup(String resourceGroupName) {
        return new DiskSnapshotAccess(AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName));
    }

    /** @return the resource group the role is assignable in and assigned on */
    public String resourceGroupName() {
        return resourceGroupName;
    }

    @Override
    public String key() {
        return resourceGroupName.toLowerCase(Locale.ROOT) + "-disk-snapshots";
    }

    @Override
    public String describe() {
        return "managed-disk snapshots (custom role) on all of resource group " + resourceGroupName;
    }

    /**
     * @param subscriptionId the deploying subscription
     * @return the custom role's id, the same for the same group (Azure compares group names without case)
     */
    String roleId(String subscriptionId) {
        return RoleAssignmentNames.v5(RoleAssignmentNames.NAMESPACE, "disk-snapshots|" + groupId(subscriptionId) + "|" + stack()).toString();
    }

    private static String stack() {
        var deployment = Deployment.getInstance();
        return deployment.getProjectName() + "/" + deployment.getStackName();
    }

    private String groupId(String subscriptionId) {
        return ("/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName).toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Resource> bindTo(ManagedIdentity identity, GrantContext context) {
        EngineWarnings.warn(context.owner(), context.owner().pulumiResourceName() + " holds managed-disk and snapshot actions on "
                + "all of resource group '" + resourceGroupName + "': Velero snapshots and restores disks it names at run time, "
                + "so the actions cannot be narrowed to named disks; see " + URL);
        var subscription = AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, InvokeOptions.Empty).applyValue(c -> c.subscriptionId());
        var scope = subscription.applyValue(s -> "/subscriptions/" + s + "/resourceGroups/" + resourceGroupName);
        var role = ProgramClaims.current().shared(RoleDefinition.class, resourceGroupName.toLowerCase(Locale.ROOT), () -> new RoleDefinition(
                "keyless-disk-snapshots-" + resourceGroupName.toLowerCase(Locale.ROOT), RoleDefinitionArgs.builder()
                        .roleDefinitionId(subscription.applyValue(this::roleId))
                        // Custom role names are unique in the tenant: the group's id makes this one so.
                        .roleName(scope.applyValue(id -> "keyless disk snapshots " + id + " (" + stack() + ")"))
                        .description("Managed-disk snapshots for Velero, as velero-plugin-for-microsoft-azure documents: " + URL)
                        .scope(scope)
                        .assignableScopes(scope.applyValue(List::of))
                        .permissions(List.of(PermissionArgs.builder().actions(ACTIONS).build()))
                        .build()));
        var definitionId = subscription.applyValue(s -> "/subscriptions/" + s + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId(s));
        var waitFor = new ArrayList<Resource>(context.waitFor());
        waitFor.add(role);
        return List.of(new RoleAssignment(context.childName(this), RoleAssignmentArgs.builder()
                .scope(scope)
                .roleDefinitionId(definitionId)
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(Output.tuple(scope, identity.principalId(), subscription)
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2, roleId(t.t3))))
                .description(describe())
                .build(), CustomResourceOptions.builder().parent(context.owner()).dependsOn(waitFor).build()));
    }
}
