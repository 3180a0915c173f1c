package dev.keyless.azure;

import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.core.Output;
import dev.keyless.core.WorkloadIdentity;

import java.util.Optional;

/**
 * A workload's identity on Azure: a user-assigned managed identity, which Microsoft Entra ID
 * lets the ServiceAccount's tokens stand in for. Assign roles of your own to {@link #principalId()}.
 *
 * @param clientId    the identity's client (application) id, which the ServiceAccount annotation names
 * @param principalId the identity's object id in Entra ID, which role assignments name
 * @param tenantId    the Entra tenant the identity lives in
 * @param identity    the identity keyless created; empty for an existing identity
 */
public record ManagedIdentity(Output<String> clientId, Output<String> principalId, Output<String> tenantId,
                              Optional<UserAssignedIdentity> identity) implements WorkloadIdentity {

    /** @return the client id: what a workload's Azure SDK is configured with */
    @Override
    public Output<String> exportValue() {
        return clientId;
    }
}
