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
    /** Key Vault Secrets User: read secret contents (RBAC vaults only). */
    static final String KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    /** Key Vault Secrets Officer: every action on secrets except managing permissions (RBAC vaults only). */
    static final String KEY_VAULT_SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    /** Key Vault Crypto User: cryptographic operations with keys (RBAC vaults only). */
    static final String KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";
    /** Azure Service Bus Data Sender: send messages to a queue or topic. */
    static final String SERVICE_BUS_DATA_SENDER = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    /** Azure Service Bus Data Receiver: receive messages from a queue or subscription. */
    static final String SERVICE_BUS_DATA_RECEIVER = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    /** DNS Zone Contributor: manage a DNS zone's record sets, not who can access it. */
    static final String DNS_ZONE_CONTRIBUTOR = "befefa01-2a29-4197-83a8-272ff33ce314";
    /** AcrPull: pull images from a registry. */
    static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    /** AcrPush: push and pull images. */
    static final String ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec";
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
