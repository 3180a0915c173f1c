package dev.keyless.azure;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * What every grant beyond storage is: one role assignment of one built-in role to the workload's
 * managed identity, on exactly one resource of a {@link GrantScope}. The grant classes differ only
 * in the resources they take and the roles they assign; the assignment itself is made here, as
 * {@link BlobAccess} makes its own: the principal type given as {@code ServicePrincipal} (Azure
 * then does not look a new identity up in a directory that may not have replicated it yet) and a
 * name derived from scope, principal and role ({@link RoleAssignmentNames}), so a second
 * {@code pulumi up} changes nothing.
 */
abstract sealed class ScopedRoleGrant implements AzureGrant
        permits KeyVaultSecretAccess, KeyVaultKeyAccess, ServiceBusAccess, DnsZoneAccess, ContainerRegistryAccess {

    /**
     * A role a grant assigns, and how the grant is told apart from the others in keys and descriptions.
     *
     * @param roleId    the built-in role's id ({@link BuiltInRoles})
     * @param keySuffix the end of the grant's key, distinct for every role and scope, e.g. {@code secrets-user}
     * @param summary   what the role allows, e.g. {@code Key Vault secrets read-only}
     */
    record Role(String roleId, String keySuffix, String summary) {
    }

    private final GrantScope scope;
    private final Supplier<Output<String>> scopeId;
    private final String label;
    private final Role role;
    private final DeployTimeCheck checks;

    /**
     * @param scope   what the assignment's scope must be
     * @param scopeId the scope's resource id, asked for only when the grant is bound
     * @param label   the resource's part of the key, injective over the resources of {@code scope}
     * @param role    the role assigned
     * @param checks  rules on values known only at deploy time
     */
    ScopedRoleGrant(GrantScope scope, Supplier<Output<String>> scopeId, String label, Role role, DeployTimeCheck checks) {
        this.scope = scope;
        this.scopeId = scopeId;
        this.label = label;
        this.role = role;
        this.checks = checks;
    }

    /**
     * @param scope         the scope's kind
     * @param resourceGroup the resource group, already checked
     * @param names         the names after the provider, already checked
     * @return the scope's id in the deploying subscription, which is asked for only when called
     */
    static Supplier<Output<String>> inDeployingSubscription(GrantScope scope, String resourceGroup, String... names) {
        return () -> AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, InvokeOptions.Empty)
                .applyValue(client -> scope.id(client.subscriptionId(), resourceGroup, names));
    }

    /**
     * @param scope          the scope's kind
     * @param groupAndNames  the resource group then the names after the provider, failing once known when one breaks its rule
     * @return the scope's id in the deploying subscription, computed from the checked names
     */
    static Supplier<Output<String>> inDeployingSubscription(GrantScope scope, Output<List<String>> groupAndNames) {
        return () -> Output.tuple(groupAndNames, AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, InvokeOptions.Empty))
                .applyValue(t -> scope.id(t.t2.subscriptionId(), t.t1.get(0), t.t1.subList(1, t.t1.size()).toArray(String[]::new)));
    }

    /** @return the built-in role's id */
    String roleId() {
        return role.roleId();
    }

    @Override
    public String key() {
        return label + "-" + role.keySuffix();
    }

    @Override
    public DeployTimeCheck deployTimeChecks() {
        return checks;
    }

    @Override
    public String describe() {
        return role.summary() + " on " + scope.noun().replaceFirst("^an? ", "") + " " + label;
    }

    @Override
    public List<Resource> bindTo(ManagedIdentity identity, GrantContext context) {
        var roleId = role.roleId();
        // A resource object's id is read here: one of another type (a vault where a secret was
        // meant) is refused before its assignment is sent.
        var checkedId = scopeId.get().applyValue(id -> scope.require("scope", id));
        var assignment = new RoleAssignment(context.childName(this), RoleAssignmentArgs.builder()
                .scope(checkedId.applyValue(GrantScope.ScopeId::id))
                .roleDefinitionId(checkedId.applyValue(id -> BuiltInRoles.definitionId(id.subscriptionId(), roleId)))
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(Output.tuple(checkedId, identity.principalId())
                        .applyValue(t -> RoleAssignmentNames.of(t.t1.id(), t.t2, roleId)))
                .description(describe())
                .build(), context.options(this));
        return List.of(assignment);
    }
}
