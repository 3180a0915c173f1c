package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;

/**
 * Azure role assignments ({@code azure-native:authorization:RoleAssignment}, versioned modules
 * included): which role, on which scope, for which principal, and the ABAC condition when there is one.
 *
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/role-assignments">Azure role assignments</a>
 */
final class AzureRoleAssignmentLine implements GrantRenderer {

    @Override
    public boolean recognises(String type) {
        return AzureTypes.is(type, "authorization", "RoleAssignment");
    }

    @Override
    public String describe(RegisteredResource grant) {
        return new GrantLine()
                .add("role", AzureBuiltInRoleNames.of(grant.inputs().get("roleDefinitionId")).orElse(null))
                .input(grant, "roleDefinitionId")
                .input(grant, "scope")
                .input(grant, "principalId")
                .input(grant, "principalType")
                .input(grant, "condition")
                .text();
    }
}
