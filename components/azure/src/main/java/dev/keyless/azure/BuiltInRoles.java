package dev.keyless.azure;

/**
 * The Azure built-in roles keyless assigns, by their fixed ids (the same in every tenant).
 *
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles">Azure built-in roles</a>
 */
final class BuiltInRoles {
    /** Storage Blob Data Reader: read and list blobs. */
    static final String STORAGE_BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    /** Storage Blob Data Contributor: read, write and delete blobs. */
    static final String STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    /** Azure Kubernetes Service RBAC Cluster Admin: every Kubernetes resource of the cluster it is assigned on. */
    static final String AKS_RBAC_CLUSTER_ADMIN = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";

    private BuiltInRoles() {
    }

    /**
     * @param subscriptionId the subscription the assignment is made in
     * @param roleId         a built-in role id
     * @return the role definition's resource id, as a role assignment names it
     */
    static String definitionId(String subscriptionId, String roleId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId;
    }
}
