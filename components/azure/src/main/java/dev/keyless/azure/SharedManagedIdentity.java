package dev.keyless.azure;

import dev.keyless.core.Checks;

/**
 * An existing user-assigned managed identity that one or more workloads use, e.g. a team's identity
 * made by a platform stack. Every {@link EntraWorkloadIdentity} bound to it, through this object
 * or another handle for the same resource id (Azure compares ids ignoring case), counts as one:
 * keyless checks Entra ID's limit of 20 federated credentials, unique credential names and the
 * uniqueness of issuer and subject across all of them before anything is registered, and creates their credentials one after another, in program order,
 * since Entra ID refuses concurrent credential writes on one identity.
 *
 * <pre>{@code
 * var team = SharedManagedIdentity.existing("/subscriptions/.../resourceGroups/team/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop");
 * EntraWorkloadIdentity.builder().existingIdentity(team).build();
 * }</pre>
 */
public final class SharedManagedIdentity {
    private final AzureResourceIds.IdentityId id;

    private SharedManagedIdentity(AzureResourceIds.IdentityId id) {
        this.id = id;
    }

    /**
     * @param resourceId the identity's resource id ({@code az identity show --query id})
     * @return the identity
     * @throws dev.keyless.core.InvalidInputException when it is not a user-assigned managed identity's id
     */
    public static SharedManagedIdentity existing(String resourceId) {
        Checks.notNull("existingIdentity", resourceId, "a managed identity's resource id");
        return new SharedManagedIdentity(AzureResourceIds.requireIdentity("existingIdentity", resourceId));
    }

    /** @return the identity's resource id */
    public String resourceId() {
        return id.resourceId();
    }

    /** @return the identity's name */
    public String name() {
        return id.name();
    }

    /** @return the identity's resource group */
    public String resourceGroupName() {
        return id.resourceGroupName();
    }

    /**
     * @return the program's one ledger for this identity: a second handle for the same resource id,
     *     in any case, counts and chains with this one, since Entra ID sees one identity
     */
    CredentialLedger ledger() {
        return CredentialLedger.ofExisting(id);
    }
}
