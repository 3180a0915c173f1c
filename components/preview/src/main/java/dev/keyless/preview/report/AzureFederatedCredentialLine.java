package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;

/**
 * Azure federated identity credentials ({@code azure-native:managedidentity:FederatedIdentityCredential}):
 * which managed identity trusts tokens from which issuer, for which subject and audiences. The
 * subject is what ties the identity to one Kubernetes ServiceAccount.
 *
 * @see <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation">Workload identity federation</a>
 */
final class AzureFederatedCredentialLine implements GrantRenderer {

    @Override
    public boolean recognises(String type) {
        return AzureTypes.is(type, "managedidentity", "FederatedIdentityCredential");
    }

    @Override
    public String describe(RegisteredResource grant) {
        return new GrantLine()
                .add("identity", grant.inputs().get("resourceName"))
                .input(grant, "issuer")
                .input(grant, "subject")
                .input(grant, "audiences")
                .text();
    }
}
