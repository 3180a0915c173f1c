package dev.keyless.preview.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names the Azure built-in roles a role assignment's {@code roleDefinitionId} points at, so a
 * reviewer reads "Storage Blob Data Contributor" rather than a GUID. Only the roles keyless
 * assigns are listed; any other id stays as it is.
 *
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles">Azure built-in roles</a>
 */
final class AzureBuiltInRoleNames {
    private static final Map<String, String> BY_ID = Map.of(
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "Storage Blob Data Reader",
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor",
            "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b", "Azure Kubernetes Service RBAC Cluster Admin");

    private AzureBuiltInRoleNames() {
    }

    /**
     * @param roleDefinitionId a role definition's resource id, {@code .../roleDefinitions/GUID}, or a bare GUID
     * @return the built-in role's name, when it is one of those listed
     */
    static Optional<String> of(Object roleDefinitionId) {
        if (!(roleDefinitionId instanceof String id)) {
            return Optional.empty();
        }
        var guid = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_ID.get(guid));
    }
}
