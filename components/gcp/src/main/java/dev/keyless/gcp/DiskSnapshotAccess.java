package dev.keyless.gcp;

import com.pulumi.resources.Resource;
import dev.keyless.core.EngineWarnings;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Velero's Compute Engine disk snapshots: a custom role with exactly the disk and snapshot
 * permissions velero-plugin-for-gcp documents, bound on the project. This is the one grant of
 * keyless that changes anything project-wide, and it is never implied: a workload holds it only when it names
 * it ({@link GcpControllers#veleroWithDiskSnapshots}), and binding it warns.
 *
 * <p>It cannot be narrowed: Velero snapshots whatever disks back the volumes it backs up and
 * restores into disks and snapshots it names at run time, and {@code compute.zones.get} and
 * {@code compute.projects.get} exist only on the project, so no resource a deployment knows beforehand
 * names them. Backups through Velero's file-system uploader (Kopia) need no snapshot permissions:
 * {@link GcpControllers#velero} grants only the bucket.
 *
 * <p>The custom role is one per project per stack ({@link StackCustomRole}): its id is
 * {@code keyless.diskSnapshots_} and eight hex digits of the SHA-256 of {@code PULUMI_PROJECT/STACK}.
 *
 * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-gcp/blob/v1.13.2/README.md#create-custom-role-with-permissions-for-the-velero-gsa">velero-plugin-for-gcp v1.13.2, README: Create Custom Role with Permissions for the Velero GSA</a>
 * @see <a href="https://cloud.google.com/iam/docs/creating-custom-roles">Creating custom roles: role IDs</a>
 */
public final class DiskSnapshotAccess implements GcpGrant {
    /** How the custom role's id starts; the rest tells the stacks that hold one in a project apart. */
    public static final String ROLE_ID_PREFIX = "keyless.diskSnapshots_";
    /** The permissions of the custom role: upstream's list without its storage and signing permissions (see {@link GcpControllers#velero}). */
    public static final List<String> PERMISSIONS = List.of(
            "compute.disks.get",
            "compute.disks.create",
            "compute.disks.createSnapshot",
            "compute.projects.get",
            "compute.snapshots.get",
            "compute.snapshots.create",
            "compute.snapshots.useReadOnly",
            "compute.snapshots.delete",
            "compute.zones.get");
    static final String URL = "https://github.com/vmware-tanzu/velero-plugin-for-gcp/blob/v1.13.2/README.md"
            + "#create-custom-role-with-permissions-for-the-velero-gsa";
    private static final StackCustomRole ROLE = new StackCustomRole(ROLE_ID_PREFIX, "keyless-disk-snapshots", "keyless disk snapshots",
            "Compute Engine disk snapshots for Velero, as velero-plugin-for-gcp documents: " + URL, PERMISSIONS);

    private final String project;

    private DiskSnapshotAccess(String project) {
        this.project = project;
    }

    /**
     * @param project the project whose disks are snapshotted: the cluster's project ID or number
     * @return the grant
     * @throws InvalidInputException when the project is neither a project ID nor a number
     */
    public static DiskSnapshotAccess onProject(String project) {
        return new DiskSnapshotAccess(GcpResourceNames.requireProject("project", project));
    }

    /** @return the custom role's full name in the running stack, {@code projects/PROJECT/roles/ROLE_ID} */
    String role() {
        return ROLE.role(project);
    }

    @Override
    public String key() {
        return project + "-disk-snapshots";
    }

    @Override
    public List<Resource> bindTo(GcpPrincipal identity, GrantContext context) {
        EngineWarnings.warn(context.owner(), context.owner().pulumiResourceName() + " holds Compute Engine disk and snapshot "
                + "permissions on all of project '" + project + "' (custom role " + role() + "): Velero snapshots and restores "
                + "disks it names at run time, so the permissions cannot be narrowed to named disks; see " + URL);
        return ROLE.bindOnProject(this, project, identity, context);
    }

    @Override
    public String describe() {
        return "Compute Engine disk snapshots (a keyless custom role) on all of project " + project;
    }
}
