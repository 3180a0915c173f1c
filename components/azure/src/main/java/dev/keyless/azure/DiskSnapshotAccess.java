package dev.keyless.azure;

import com.pulumi.resources.Resource;
import dev.keyless.core.EngineWarnings;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;

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
 * <p>The custom role is one per resource group in the program ({@link GroupCustomRole}): its id
 * is the version 5 UUID of {@code disk-snapshots|GROUP_ID|PULUMI_PROJECT/STACK}.
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
    private static final GroupCustomRole ROLE = new GroupCustomRole("disk-snapshots", "keyless disk snapshots",
            "Managed-disk snapshots for Velero, as velero-plugin-for-microsoft-azure documents: " + URL, ACTIONS);

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

    @Override
    public List<Resource> bindTo(ManagedIdentity identity, GrantContext context) {
        EngineWarnings.warn(context.owner(), context.owner().pulumiResourceName() + " holds managed-disk and snapshot actions on "
                + "all of resource group '" + resourceGroupName + "': Velero snapshots and restores disks it names at run time, "
                + "so the actions cannot be narrowed to named disks; see " + URL);
        return ROLE.assignOn(this, resourceGroupName, identity, context);
    }
}
