package dev.keyless.azure;

import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Least-privilege access to Key Vault secrets: a role assignment of Key Vault Secrets User
 * ({@link #readOnly}: read a secret's value and properties) or Key Vault Secrets Officer
 * ({@link #readWrite}: also set, delete and recover secrets, not manage who may) to the workload's
 * managed identity, scoped to one secret ({@code .../vaults/V/secrets/S}) or, when a vault alone is
 * named, to that vault's secrets; never a resource group or subscription.
 *
 * <p>Only vaults that use the Azure RBAC permission model honour these roles; an access-policy
 * vault is refused before anything registers ({@link RbacVaults} says how that is known). A secret
 * name is one secret: a wildcard is refused.
 *
 * <pre>{@code
 * KeyVaultSecretAccess.readOnly(dbPassword)                       // a Secret this stack manages
 * KeyVaultSecretAccess.readOnly("shop-rg", "shop-kv", "db-password") // an existing secret, by names
 * KeyVaultSecretAccess.readOnly("shop-rg", "shop-kv")               // every secret of a vault
 * KeyVaultSecretAccess.readOnly("db", group, vault, secret)         // another stack's secret, keyed "db"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/key-vault/general/rbac-guide">Key Vault access with Azure RBAC (roles and scopes)</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-secrets-user">Key Vault Secrets User and Secrets Officer</a>
 */
public final class KeyVaultSecretAccess extends ScopedRoleGrant {
    private static final Role SECRET_USER = new Role(BuiltInRoles.KEY_VAULT_SECRETS_USER, "secret-user", "Key Vault secret read-only");
    private static final Role SECRET_OFFICER = new Role(BuiltInRoles.KEY_VAULT_SECRETS_OFFICER, "secret-officer", "Key Vault secret read-write");
    private static final Role VAULT_SECRETS_USER = new Role(BuiltInRoles.KEY_VAULT_SECRETS_USER, "vault-secrets-user",
            "Key Vault secrets read-only");
    private static final Role VAULT_SECRETS_OFFICER = new Role(BuiltInRoles.KEY_VAULT_SECRETS_OFFICER, "vault-secrets-officer",
            "Key Vault secrets read-write");

    private final boolean write;

    private KeyVaultSecretAccess(GrantScope scope, java.util.function.Supplier<Output<String>> scopeId, String label, boolean write,
                                 DeployTimeCheck checks) {
        super(scope, scopeId, label, roleOf(scope, write), checks);
        this.write = write;
    }

    private static Role roleOf(GrantScope scope, boolean write) {
        if (scope == GrantScope.VAULT) {
            return write ? VAULT_SECRETS_OFFICER : VAULT_SECRETS_USER;
        }
        return write ? SECRET_OFFICER : SECRET_USER;
    }

    /**
     * @param secret a secret this stack manages
     * @return read access to its value
     */
    public static KeyVaultSecretAccess readOnly(Secret secret) {
        return ofSecret(secret, false);
    }

    /**
     * @param secret a secret this stack manages
     * @return read and write access to it
     */
    public static KeyVaultSecretAccess readWrite(Secret secret) {
        return ofSecret(secret, true);
    }

    /**
     * @param vault a vault this stack manages
     * @return read access to every secret in it
     */
    public static KeyVaultSecretAccess readOnly(Vault vault) {
        return ofVault(vault, false);
    }

    /**
     * @param vault a vault this stack manages
     * @return read and write access to every secret in it
     */
    public static KeyVaultSecretAccess readWrite(Vault vault) {
        return ofVault(vault, true);
    }

    /**
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param secretName        the secret, named exactly
     * @return read access to an existing secret, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules or the secret name is a pattern
     */
    public static KeyVaultSecretAccess readOnly(String resourceGroupName, String vaultName, String secretName) {
        return ofNames(resourceGroupName, vaultName, secretName, false);
    }

    /**
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param secretName        the secret, named exactly
     * @return read and write access to an existing secret, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules or the secret name is a pattern
     */
    public static KeyVaultSecretAccess readWrite(String resourceGroupName, String vaultName, String secretName) {
        return ofNames(resourceGroupName, vaultName, secretName, true);
    }

    /**
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @return read access to every secret of an existing vault, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static KeyVaultSecretAccess readOnly(String resourceGroupName, String vaultName) {
        return ofNames(resourceGroupName, vaultName, null, false);
    }

    /**
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @return read and write access to every secret of an existing vault, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static KeyVaultSecretAccess readWrite(String resourceGroupName, String vaultName) {
        return ofNames(resourceGroupName, vaultName, null, true);
    }

    /**
     * An existing secret named by values known only at deploy time, e.g. another stack's outputs.
     * The names are checked once known, by the rules and with the messages of
     * {@link #readOnly(String, String, String)}, and the vault is then read to check its permission
     * model, before anything registers. The child is {@code NAME-grant-KEY-secret-user}.
     *
     * @param key               a stable name for the secret, e.g. {@code db}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param secretName        the secret
     * @return read access to its value, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static KeyVaultSecretAccess readOnly(String key, Output<String> resourceGroupName, Output<String> vaultName, Output<String> secretName) {
        return ofOutputs(key, resourceGroupName, vaultName, Checks.notNull("secretName", secretName, "the secret"), false);
    }

    /**
     * As {@link #readOnly(String, Output, Output, Output)}, with read and write access; the child is
     * {@code NAME-grant-KEY-secret-officer}.
     *
     * @param key               a stable name for the secret; see {@link GrantKeys#RULE}
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param secretName        the secret
     * @return read and write access to it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static KeyVaultSecretAccess readWrite(String key, Output<String> resourceGroupName, Output<String> vaultName, Output<String> secretName) {
        return ofOutputs(key, resourceGroupName, vaultName, Checks.notNull("secretName", secretName, "the secret"), true);
    }

    private static KeyVaultSecretAccess ofSecret(Secret secret, boolean write) {
        Checks.notNull("secret", secret, "a Key Vault Secret");
        return new KeyVaultSecretAccess(GrantScope.VAULT_SECRET, secret::id, secret.pulumiResourceName(), write,
                RbacVaults.ofObjectId(secret.id(), GrantScope.VAULT_SECRET));
    }

    private static KeyVaultSecretAccess ofVault(Vault vault, boolean write) {
        Checks.notNull("vault", vault, "a Key Vault Vault");
        return new KeyVaultSecretAccess(GrantScope.VAULT, vault::id, vault.pulumiResourceName(), write, RbacVaults.of(vault));
    }

    private static KeyVaultSecretAccess ofNames(String resourceGroupName, String vaultName, String secretName, boolean write) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        KeyVaultNames.requireVaultName("vaultName", vaultName);
        var check = RbacVaults.lookedUpLater(resourceGroupName, vaultName);
        if (secretName == null) {
            return new KeyVaultSecretAccess(GrantScope.VAULT,
                    inDeployingSubscription(GrantScope.VAULT, resourceGroupName, vaultName), vaultName, write, check);
        }
        KeyVaultNames.requireSecretName("secretName", secretName);
        // A vault name has no '/', so the label names vault and secret injectively.
        return new KeyVaultSecretAccess(GrantScope.VAULT_SECRET,
                inDeployingSubscription(GrantScope.VAULT_SECRET, resourceGroupName, vaultName, secretName),
                vaultName + "/" + secretName, write, check);
    }

    private static KeyVaultSecretAccess ofOutputs(String key, Output<String> resourceGroupName, Output<String> vaultName,
                                                  Output<String> secretName, boolean write) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the vault's resource group");
        Checks.notNull("vaultName", vaultName, "the vault");
        // The names are checked first, then the vault they name is read: one deploy-time check
        // the whole workload waits for, so a refusal leaves no identity behind.
        var names = Output.tuple(resourceGroupName, vaultName, secretName).applyValue(t -> {
            AzureNames.requireResourceGroupName("resourceGroupName", t.t1);
            KeyVaultNames.requireVaultName("vaultName", t.t2);
            KeyVaultNames.requireSecretName("secretName", t.t3);
            return List.of(t.t1, t.t2, t.t3);
        });
        var checks = DeployTimeCheck.of(names)
                .and(DeployTimeCheck.afterEarlierPassed(() -> names.apply(n -> RbacVaults.lookedUp(n.get(0), n.get(1)))));
        return new KeyVaultSecretAccess(GrantScope.VAULT_SECRET, inDeployingSubscription(GrantScope.VAULT_SECRET, names), key, write, checks);
    }

    /** @return whether the grant allows writes */
    public boolean writes() {
        return write;
    }
}
