package dev.keyless.azure;

import com.pulumi.azurenative.keyvault.Key;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Least-privilege use of one Key Vault key: a role assignment of Key Vault Crypto User (encrypt,
 * decrypt, wrap, unwrap, sign and verify with the key, and read its public part; not create,
 * rotate or delete it) to the workload's managed identity, scoped to the key
 * ({@code .../vaults/V/keys/K}), never its vault, resource group or subscription. The role has no
 * read-only variant that can still use a key, so there is one factory per way of naming it.
 *
 * <p>Only vaults that use the Azure RBAC permission model honour the role; a key of an
 * access-policy vault is refused before anything registers ({@link RbacVaults}).
 *
 * <pre>{@code
 * KeyVaultKeyAccess.cryptoUser(dataKey)                          // a Key this stack manages
 * KeyVaultKeyAccess.cryptoUser("shop-rg", "shop-kv", "orders")    // an existing key, by names
 * KeyVaultKeyAccess.cryptoUser("orders", group, vault, keyName)   // another stack's key, keyed "orders"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/key-vault/general/rbac-guide">Key Vault access with Azure RBAC (roles and scopes)</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-crypto-user">Key Vault Crypto User</a>
 */
public final class KeyVaultKeyAccess extends ScopedRoleGrant {
    private static final Role CRYPTO_USER = new Role(BuiltInRoles.KEY_VAULT_CRYPTO_USER, "key-crypto-user", "Key Vault crypto operations");

    private KeyVaultKeyAccess(java.util.function.Supplier<Output<String>> scopeId, String label, DeployTimeCheck checks) {
        super(GrantScope.VAULT_KEY, scopeId, label, CRYPTO_USER, checks);
    }

    /**
     * @param key a key this stack manages
     * @return cryptographic use of it
     */
    public static KeyVaultKeyAccess cryptoUser(Key key) {
        Checks.notNull("key", key, "a Key Vault Key");
        return new KeyVaultKeyAccess(key::id, key.pulumiResourceName(), RbacVaults.ofObjectId(key.id(), GrantScope.VAULT_KEY));
    }

    /**
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param keyName           the key, named exactly
     * @return cryptographic use of an existing key, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules or the key name is a pattern
     */
    public static KeyVaultKeyAccess cryptoUser(String resourceGroupName, String vaultName, String keyName) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        KeyVaultNames.requireVaultName("vaultName", vaultName);
        KeyVaultNames.requireKeyName("keyName", keyName);
        // A vault name has no '/', so the label names vault and key injectively.
        return new KeyVaultKeyAccess(ScopedRoleGrant.inDeployingSubscription(GrantScope.VAULT_KEY, resourceGroupName, vaultName, keyName),
                vaultName + "/" + keyName, RbacVaults.lookedUpLater(resourceGroupName, vaultName));
    }

    /**
     * An existing key named by values known only at deploy time, checked once known by the rules
     * and messages of {@link #cryptoUser(String, String, String)}, its vault then read for its
     * permission model, before anything registers. The child is {@code NAME-grant-KEY-key-crypto-user}.
     *
     * @param key               a stable name for the key, e.g. {@code orders}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param keyName           the key
     * @return cryptographic use of it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static KeyVaultKeyAccess cryptoUser(String key, Output<String> resourceGroupName, Output<String> vaultName, Output<String> keyName) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the vault's resource group");
        Checks.notNull("vaultName", vaultName, "the vault");
        Checks.notNull("keyName", keyName, "the key");
        var names = Output.tuple(resourceGroupName, vaultName, keyName).applyValue(t -> {
            AzureNames.requireResourceGroupName("resourceGroupName", t.t1);
            KeyVaultNames.requireVaultName("vaultName", t.t2);
            KeyVaultNames.requireKeyName("keyName", t.t3);
            return List.of(t.t1, t.t2, t.t3);
        });
        var checks = DeployTimeCheck.of(names)
                .and(DeployTimeCheck.afterEarlierPassed(() -> names.apply(n -> RbacVaults.lookedUp(n.get(0), n.get(1)))));
        return new KeyVaultKeyAccess(ScopedRoleGrant.inDeployingSubscription(GrantScope.VAULT_KEY, names), key, checks);
    }
}
