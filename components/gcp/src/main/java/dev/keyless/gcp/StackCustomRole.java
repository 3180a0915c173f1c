package dev.keyless.gcp;

import com.pulumi.deployment.Deployment;
import com.pulumi.gcp.projects.IAMCustomRole;
import com.pulumi.gcp.projects.IAMCustomRoleArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.GrantContext;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyless custom role bound on a project, for the few permissions that exist only on the
 * project ({@link DiskSnapshotAccess}, {@link DnsZoneListing}). The role is one per project in the
 * program, however many workloads hold it, and belongs to the stack rather than to a workload, so
 * removing one workload never deletes a role another binds. A custom role's id is unique in its
 * project, so two stacks (two clusters' stacks in one project) each need their own: the id is the
 * role's prefix and eight hex digits of the SHA-256 of {@code PULUMI_PROJECT/STACK}.
 *
 * @param roleIdPrefix how the role's id starts, e.g. {@code keyless.diskSnapshots_}; letters, digits,
 *                     dots and underscores, so that with the hash it stays within the 64 characters a role id may have
 * @param resourceName how the role's Pulumi resource is named, before {@code -PROJECT}
 * @param title        the role's title
 * @param description  the role's description, with the source of its permissions
 * @param permissions  the role's permissions, exactly
 * @see <a href="https://cloud.google.com/iam/docs/creating-custom-roles">Creating custom roles: role IDs</a>
 */
record StackCustomRole(String roleIdPrefix, String resourceName, String title, String description, List<String> permissions) {

    /** @return the role's id for the running stack, see the class comment */
    String roleId() {
        var deployment = Deployment.getInstance();
        return roleIdPrefix + WorkloadIdentityPoolIds.hash(deployment.getProjectName() + "/" + deployment.getStackName(), 8);
    }

    /**
     * @param project the project the role is defined in
     * @return the role's full name in the running stack, {@code projects/PROJECT/roles/ROLE_ID}
     */
    String role(String project) {
        return "projects/" + project + "/roles/" + roleId();
    }

    /**
     * Binds the role on the project to the identity, after the program's one role of this kind
     * for the project exists (creating it on first use).
     *
     * @param grant    the grant the binding is for, naming its child
     * @param project  the project
     * @param identity the principal that holds the role
     * @param context  the owner, and what the binding waits for
     * @return the binding
     */
    List<Resource> bindOnProject(GcpGrant grant, String project, GcpPrincipal identity, GrantContext context) {
        // Keyed by the role's kind too: one project may hold several keyless custom roles.
        var customRole = ProgramClaims.current().shared(IAMCustomRole.class, roleIdPrefix + project,
                () -> new IAMCustomRole(resourceName + "-" + project, IAMCustomRoleArgs.builder()
                        .project(project)
                        .roleId(roleId())
                        .title(title)
                        .description(description)
                        .permissions(permissions)
                        .build()));
        // These grants have never had another key, so no alias: their options are the context's plus the role.
        var waitFor = new ArrayList<Resource>(context.waitFor());
        waitFor.add(customRole);
        var options = CustomResourceOptions.builder().parent(context.owner()).dependsOn(waitFor).build();
        return List.of(new IAMMember(context.childName(grant), IAMMemberArgs.builder()
                .project(project).role(role(project)).member(identity.iamMember()).build(), options));
    }
}
