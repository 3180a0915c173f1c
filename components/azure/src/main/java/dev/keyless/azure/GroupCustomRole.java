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
import dev.keyless.core.GrantContext;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A keyless custom role assignable only in, and assigned on, one resource group, for the few
 * actions no single resource's scope can allow ({@link DiskSnapshotAccess}, {@link DnsZoneListing}).
 * The role is one per group in the program, however many workloads hold it, and belongs to the
 * stack rather than to a workload, so removing one workload never deletes a role another holds.
 *
 * <p>Azure wants a custom role's id to be a GUID and its name unique in the tenant. Both derive
 * from what makes the role distinct, so a second {@code pulumi up} changes nothing and two stacks
 * never take over each other's role: the id is the version 5 UUID, in keyless's namespace
 * ({@link RoleAssignmentNames#NAMESPACE}), of {@code KIND|GROUP_ID|PULUMI_PROJECT/STACK} (the
 * group's id in lower case, as Azure compares it; {@code |KEY} appended when the group is known
 * only at deploy, see below), and the name is the role's title, the group's id and the stack.
 *
 * <p>A group known only at deploy (an {@code Output}) cannot be told apart from another while the
 * program runs, so its role is claimed by the grant's key instead: its id and name also carry the
 * key, and two keys naming one group make two roles of the same actions.
 *
 * @param kind        the role's kind in its id, e.g. {@code disk-snapshots}
 * @param title       how the role's name starts, e.g. {@code keyless disk snapshots}; its Pulumi
 *                    resource is named from it, in kebab case, and the group or key
 * @param description the role's description, with the source of its actions
 * @param actions     the role's actions, exactly
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/custom-roles">Azure custom roles: assignable scopes, names unique in the tenant</a>
 * @see <a href="https://learn.microsoft.com/rest/api/authorization/role-definitions/create-or-update">Role Definitions - Create Or Update: the id is a GUID</a>
 */
record GroupCustomRole(String kind, String title, String description, List<String> actions) {

    /** Copies the actions. */
    GroupCustomRole {
        actions = List.copyOf(actions);
    }

    static String stack() {
        var deployment = Deployment.getInstance();
        return deployment.getProjectName() + "/" + deployment.getStackName();
    }

    /**
     * @param groupId the group's id, {@code /subscriptions/SUB/resourceGroups/GROUP}
     * @param key     the grant's key when the group was known only at deploy
     * @return the role's id, see the class comment
     */
    String roleId(String groupId, Optional<String> key) {
        return RoleAssignmentNames.v5(RoleAssignmentNames.NAMESPACE,
                kind + "|" + groupId.toLowerCase(Locale.ROOT) + "|" + stack() + key.map(k -> "|" + k).orElse("")).toString();
    }

    /**
     * Assigns the role on a group named in the program.
     *
     * @param grant             the grant the assignment is for, naming its child and describing it
     * @param resourceGroupName the group, already checked
     * @param identity          the identity that holds the role
     * @param context           the owner, and what the assignment waits for
     * @return the assignment
     */
    List<Resource> assignOn(AzureGrant grant, String resourceGroupName, ManagedIdentity identity, GrantContext context) {
        return assign(grant, resourceGroupName.toLowerCase(Locale.ROOT), Output.of(resourceGroupName), Optional.empty(), identity, context);
    }

    /**
     * Assigns the role on a group known only at deploy, claimed by the grant's key.
     *
     * @param grant             the grant the assignment is for
     * @param resourceGroupName the group, failing once known when it breaks its rule
     * @param identity          the identity that holds the role
     * @param context           the owner, and what the assignment waits for
     * @return the assignment
     */
    List<Resource> assignOn(AzureGrant grant, Output<String> resourceGroupName, ManagedIdentity identity, GrantContext context) {
        return assign(grant, grant.key(), resourceGroupName, Optional.of(grant.key()), identity, context);
    }

    private List<Resource> assign(AzureGrant grant, String claim, Output<String> group, Optional<String> key,
                                  ManagedIdentity identity, GrantContext context) {
        var subscription = AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, InvokeOptions.Empty).applyValue(c -> c.subscriptionId());
        var scope = Output.tuple(subscription, group).applyValue(t -> "/subscriptions/" + t.t1 + "/resourceGroups/" + t.t2);
        var roleId = scope.applyValue(id -> roleId(id, key));
        var role = ProgramClaims.current().shared(RoleDefinition.class, kind + "|" + claim, () -> new RoleDefinition(
                title.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + claim, RoleDefinitionArgs.builder()
                        .roleDefinitionId(roleId)
                        // Unique in the tenant: the group's id names the subscription too.
                        .roleName(scope.applyValue(id -> title + " " + id + key.map(k -> " " + k).orElse("") + " (" + stack() + ")"))
                        .description(description)
                        .scope(scope)
                        .assignableScopes(scope.applyValue(List::of))
                        .permissions(List.of(PermissionArgs.builder().actions(actions).build()))
                        .build()));
        var definitionId = Output.tuple(subscription, roleId)
                .applyValue(t -> "/subscriptions/" + t.t1 + "/providers/Microsoft.Authorization/roleDefinitions/" + t.t2);
        var waitFor = new ArrayList<Resource>(context.waitFor());
        waitFor.add(role);
        return List.of(new RoleAssignment(context.childName(grant), RoleAssignmentArgs.builder()
                .scope(scope)
                .roleDefinitionId(definitionId)
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(Output.tuple(scope, identity.principalId(), roleId)
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2, t.t3)))
                .description(grant.describe())
                .build(), CustomResourceOptions.builder().parent(context.owner()).dependsOn(waitFor).build()));
    }
}
