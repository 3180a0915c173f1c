package dev.keyless.azure;

import com.pulumi.azurenative.keyvault.Key;
import com.pulumi.azurenative.keyvault.KeyArgs;
import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.SecretArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.inputs.SecretPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.KeyPropertiesArgs;
import com.pulumi.azurenative.keyvault.enums.SkuFamily;
import com.pulumi.azurenative.keyvault.enums.SkuName;
import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.PRINCIPAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key Vault secret and key grants: one role assignment on exactly the vault, secret or key, RBAC vaults only. */
class KeyVaultAccessTest {
    static final String VAULT = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shop-rg/providers/Microsoft.KeyVault/vaults/shop-kv";
    private static final String SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    private static final String SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private static final String CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";

    static FederatedServiceAccount workload(AccessGrant grant) {
        return new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.green()).namespace("shop").name("api").grant(grant).build());
    }

    static RecordedDeployment deploy(AccessGrant grant) {
        return SimulatedStack.named("catalog").run(ctx -> workload(grant));
    }

    static String definition(String roleId) {
        return "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId;
    }

    /** Asserts the one role assignment of the deployment: its scope, role, principal and name. */
    static void assertOnlyAssignment(RecordedDeployment deployment, String child, String scope, String roleId) {
        var assignment = deployment.resource(ROLE_ASSIGNMENT, child);
        assertThat(assignment.input("scope")).contains(scope);
        assertThat(assignment.input("roleDefinitionId")).contains(definition(roleId));
        assertThat(assignment.input("principalId")).contains(PRINCIPAL);
        assertThat(assignment.input("principalType")).contains("ServicePrincipal");
        assertThat(assignment.input("roleAssignmentName")).contains(RoleAssignmentNames.of(scope, PRINCIPAL, roleId));
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(1);
    }

    private static Vault vault(boolean rbac) {
        var properties = VaultPropertiesArgs.builder().tenantId(TestClusters.TENANT)
                .sku(SkuArgs.builder().family(SkuFamily.A).name(SkuName.Standard).build());
        if (rbac) {
            properties.enableRbacAuthorization(true);
        }
        return new Vault("vault", VaultArgs.builder().resourceGroupName("shop-rg").vaultName("shop-kv").properties(properties.build()).build());
    }

    @Test
    void aSecretByNamesGetsSecretsUserOnThatSecretOnly() {
        assertOnlyAssignment(deploy(KeyVaultSecretAccess.readOnly("shop-rg", "shop-kv", "db-password")),
                "api-grant-shop-kv/db-password-secret-user", VAULT + "/secrets/db-password", SECRETS_USER);
    }

    @Test
    void readWriteOnASecretGetsSecretsOfficerOnThatSecret() {
        assertOnlyAssignment(deploy(KeyVaultSecretAccess.readWrite("shop-rg", "shop-kv", "db-password")),
                "api-grant-shop-kv/db-password-secret-officer", VAULT + "/secrets/db-password", SECRETS_OFFICER);
    }

    @Test
    void aVaultByNamesGetsSecretsUserOnTheVault() {
        var deployment = deploy(KeyVaultSecretAccess.readOnly("shop-rg", "shop-kv"));
        assertOnlyAssignment(deployment, "api-grant-shop-kv-vault-secrets-user", VAULT, SECRETS_USER);
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-shop-kv-vault-secrets-user").input("description"))
                .contains("Key Vault secrets read-only on Key Vault shop-kv");
        assertOnlyAssignment(deploy(KeyVaultSecretAccess.readWrite("shop-rg", "shop-kv")),
                "api-grant-shop-kv-vault-secrets-officer", VAULT, SECRETS_OFFICER);
    }

    @Test
    void aSecretFromOutputsIsScopedToTheSameSecretAndKeyedByTheGivenKey() {
        assertOnlyAssignment(deploy(KeyVaultSecretAccess.readOnly("db", Output.of("shop-rg"), Output.of("shop-kv"), Output.of("db-password"))),
                "api-grant-db-secret-user", VAULT + "/secrets/db-password", SECRETS_USER);
        assertOnlyAssignment(deploy(KeyVaultSecretAccess.readWrite("db", Output.of("shop-rg"), Output.of("shop-kv"), Output.of("db-password"))),
                "api-grant-db-secret-officer", VAULT + "/secrets/db-password", SECRETS_OFFICER);
    }

    @Test
    void aManagedSecretOfAnRbacVaultIsGrantedOnItsId() {
        var deployment = SimulatedStack.named("catalog").run(ctx -> {
            var vault = vault(true);
            var secret = new Secret("db", SecretArgs.builder().resourceGroupName("shop-rg").vaultName("shop-kv").secretName("db-password")
                    .properties(SecretPropertiesArgs.builder().build()).build());
            workload(KeyVaultSecretAccess.readOnly(secret));
        });
        assertOnlyAssignment(deployment, "api-grant-db-secret-user", VAULT + "/secrets/db-password", SECRETS_USER);
    }

    @Test
    void aManagedRbacVaultIsGrantedOnItsId() {
        var deployment = SimulatedStack.named("catalog").run(ctx -> workload(KeyVaultSecretAccess.readOnly(vault(true))));
        assertOnlyAssignment(deployment, "api-grant-vault-vault-secrets-user", VAULT, SECRETS_USER);
    }

    @Test
    void anAccessPolicyVaultIsRefusedWithTheReasonAndNothingRegisters() {
        for (var write : new boolean[] {false, true}) {
            var failure = SimulatedStack.named("catalog").runExpectingFailure(ctx ->
                    workload(write ? KeyVaultSecretAccess.readWrite(vault(false)) : KeyVaultSecretAccess.readOnly(vault(false))));
            assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
            assertThat(failure.message()).isEqualTo("vault must be a Key Vault that uses the Azure RBAC permission model "
                    + "(properties.enableRbacAuthorization: true); this vault uses access policies, which ignore role assignments, "
                    + "so the grant would open nothing: 'shop-kv'");
            assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
            assertThat(failure.deployment().ofType(CREDENTIAL)).isEmpty();
            assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
        }
    }

    @Test
    void aSecretNameWithAWildcardIsRefusedPlainAndFromOutputs() {
        var message = "secretName must be 1 to 127 characters of [A-Za-z0-9-], one object named exactly, no wildcard "
                + "(Key Vault secret name): 'db-*'";
        assertThatThrownBy(() -> KeyVaultSecretAccess.readOnly("shop-rg", "shop-kv", "db-*"))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);

        var failure = SimulatedStack.named("catalog").runExpectingFailure(ctx ->
                workload(KeyVaultSecretAccess.readOnly("db", Output.of("shop-rg"), Output.of("shop-kv"), Output.of("db-*"))));
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
    }

    @Test
    void badVaultNamesAreRefusedWithAzuresRule() {
        assertThatThrownBy(() -> KeyVaultSecretAccess.readOnly("shop-rg", "shop--kv"))
                .hasMessage("vaultName must be 3 to 24 characters of [A-Za-z0-9-], starting with a letter, ending with a letter or digit, "
                        + "with no two hyphens in a row (Key Vault name): 'shop--kv'");
        assertThatThrownBy(() -> KeyVaultKeyAccess.cryptoUser("shop-rg", "1vault", "orders"))
                .hasMessageStartingWith("vaultName must be 3 to 24 characters").hasMessageEndingWith(": '1vault'");
        assertThatThrownBy(() -> KeyVaultSecretAccess.readOnly("Db_Key", Output.of("shop-rg"), Output.of("shop-kv"), Output.of("db")))
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Db_Key'");
        assertThatThrownBy(() -> KeyVaultSecretAccess.readOnly((Secret) null))
                .hasMessage("secret must be a Key Vault Secret, not null: 'null'");
    }

    @Test
    void aKeyGetsCryptoUserOnThatKeyOnly() {
        var scope = VAULT + "/keys/orders";
        assertOnlyAssignment(deploy(KeyVaultKeyAccess.cryptoUser("shop-rg", "shop-kv", "orders")), "api-grant-shop-kv/orders-key-crypto-user",
                scope, CRYPTO_USER);
        assertOnlyAssignment(deploy(KeyVaultKeyAccess.cryptoUser("orders", Output.of("shop-rg"), Output.of("shop-kv"), Output.of("orders"))),
                "api-grant-orders-key-crypto-user", scope, CRYPTO_USER);
        var managed = SimulatedStack.named("catalog").run(ctx -> {
            vault(true);
            var key = new Key("orders", KeyArgs.builder().resourceGroupName("shop-rg").vaultName("shop-kv").keyName("orders")
                    .properties(KeyPropertiesArgs.builder().build()).build());
            workload(KeyVaultKeyAccess.cryptoUser(key));
        });
        assertOnlyAssignment(managed, "api-grant-orders-key-crypto-user", scope, CRYPTO_USER);
        assertThat(managed.resource(ROLE_ASSIGNMENT, "api-grant-orders-key-crypto-user").input("description"))
                .contains("Key Vault crypto operations on Key Vault key orders");
    }

    @Test
    void aKeyNameWithAWildcardIsRefused() {
        assertThatThrownBy(() -> KeyVaultKeyAccess.cryptoUser("shop-rg", "shop-kv", "*"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("keyName must be 1 to 127 characters of [A-Za-z0-9-], one object named exactly, no wildcard (Key Vault key name): '*'");
    }
}
