package dev.keyless.azure;

import com.pulumi.azurenative.keyvault.KeyvaultFunctions;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.inputs.GetVaultArgs;
import com.pulumi.core.Output;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * The one rule of every Key Vault grant: the vault must use the Azure RBAC permission model. A vault
 * that uses access policies ignores role assignments, so a grant on it would be created and open
 * nothing; it is refused instead, with that reason.
 *
 * <p>How it is known: for a {@link Vault} this stack manages, from its
 * {@code properties.enableRbacAuthorization}; for a vault the grant only names (by names, by
 * {@code Output}s or through a secret's or key's id), by reading the vault ({@code getVault}) once
 * its names are known. Either way the check is the grant's deploy-time check: the workload registers
 * nothing, its identity included, until it passes. A setting that is not reported is refused too:
 * the grant cannot tell that the vault would honour it.
 *
 * @see <a href="https://learn.microsoft.com/azure/key-vault/general/rbac-guide">Provide access to Key Vault keys, certificates, and secrets with Azure role-based access control</a>
 */
final class RbacVaults {
    static final String RULE = "a Key Vault that uses the Azure RBAC permission model (properties.enableRbacAuthorization: true); "
            + "this vault uses access policies, which ignore role assignments, so the grant would open nothing";

    private RbacVaults() {
    }

    /**
     * @param vaultName               the vault, for the message
     * @param enableRbacAuthorization the vault's setting, empty when unset
     * @return the vault's name
     * @throws InvalidInputException naming {@code vault} unless the setting is {@code true}
     */
    static String require(String vaultName, Optional<Boolean> enableRbacAuthorization) {
        if (!enableRbacAuthorization.orElse(false)) {
            throw InvalidInputException.of("vault", vaultName, RULE);
        }
        return vaultName;
    }

    /** @return the check of a vault this stack manages */
    static DeployTimeCheck of(Vault vault) {
        return DeployTimeCheck.of(Output.tuple(vault.name(), vault.properties())
                .applyValue(t -> require(t.t1, t.t2.enableRbacAuthorization())));
    }

    /**
     * @param resourceGroup the vault's resource group, once known
     * @param vaultName     the vault, once known
     * @return the vault's setting as Azure reports it, failing unless it is {@code true}
     */
    static Output<String> lookedUp(String resourceGroup, String vaultName) {
        return KeyvaultFunctions.getVault(GetVaultArgs.builder().resourceGroupName(resourceGroup).vaultName(vaultName).build())
                .applyValue(found -> require(vaultName, found.properties().enableRbacAuthorization()));
    }

    /** @return the check of a vault named by plain names, read once the grant is bound */
    static DeployTimeCheck lookedUpLater(String resourceGroup, String vaultName) {
        return DeployTimeCheck.afterEarlierPassed(() -> lookedUp(resourceGroup, vaultName));
    }

    /**
     * @param scopeId a secret's or key's resource id, once known
     * @param scope   what the id must be
     * @return the check of the vault the id names: the id's shape first, then the vault
     */
    static DeployTimeCheck ofObjectId(Output<String> scopeId, GrantScope scope) {
        return DeployTimeCheck.of(scopeId.apply(id -> {
            var parsed = scope.require("scope", id);
            return lookedUp(parsed.resourceGroupName(), parsed.names().get(0));
        }));
    }
}
