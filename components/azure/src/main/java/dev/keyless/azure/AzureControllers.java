package dev.keyless.azure;

import dev.keyless.core.Checks;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Ready identities for the controllers an AKS cluster runs, each with the ServiceAccount its Helm
 * chart makes by default and the role its upstream project documents, on exactly the zones or
 * secrets named. Each binds through Entra Workload ID (the default on AKS), or through a
 * federation from a cluster of another cloud.
 *
 * <pre>{@code
 * new FederatedServiceAccount("external-dns", AzureControllers.externalDns("dns-rg", List.of("shop.example.com")).args(cluster).build());
 * }</pre>
 */
public final class AzureControllers {
    private AzureControllers() {
    }

    /**
     * external-dns on Azure DNS: DNS Zone Contributor on each zone named. Upstream also assigns
     * Reader on the zones' resource group, so external-dns can list the group's zones; it is left
     * out here (it would show every resource of the group): give the grant beside the preset if
     * the deployment needs it. Namespace {@code external-dns}, ServiceAccount {@code external-dns}.
     *
     * @param resourceGroupName the zones' resource group
     * @param zoneNames         the zones, e.g. {@code shop.example.com}, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/docs/tutorials/azure.md">external-dns v0.22.0, docs/tutorials/azure.md: permissions</a>
     */
    public static ControllerPreset externalDns(String resourceGroupName, List<String> zoneNames) {
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", zones("externalDns", resourceGroupName, zoneNames));
    }

    /**
     * cert-manager's Azure DNS DNS-01 solver: DNS Zone Contributor on each zone named.
     * Namespace {@code cert-manager}, ServiceAccount {@code cert-manager}.
     *
     * @param resourceGroupName the zones' resource group
     * @param zoneNames         the zones, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://cert-manager.io/v1.19-docs/configuration/acme/dns01/azuredns/">cert-manager v1.19 docs, AzureDNS</a>
     */
    public static ControllerPreset certManager(String resourceGroupName, List<String> zoneNames) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager", zones("certManager", resourceGroupName, zoneNames));
    }

    /**
     * external-secrets reading Key Vault secrets: Key Vault Secrets User on each secret named
     * (RBAC vaults only, as {@link KeyVaultSecretAccess} checks). Namespace
     * {@code external-secrets}, ServiceAccount {@code external-secrets}.
     *
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @param secretNames       the secrets, at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given, a secret is given twice, or a name breaks its rule
     * @see <a href="https://github.com/external-secrets/external-secrets/blob/v2.9.0/docs/provider/azure-key-vault.md">external-secrets v2.9.0, docs/provider/azure-key-vault.md</a>
     */
    public static ControllerPreset externalSecrets(String resourceGroupName, String vaultName, List<String> secretNames) {
        var grants = distinct("externalSecrets", secretNames, "at least one Key Vault secret name").stream()
                .map(secret -> KeyVaultSecretAccess.readOnly(resourceGroupName, vaultName, secret)).toList();
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets", grants);
    }

    /**
     * external-secrets reading every secret of one vault: Key Vault Secrets User on the vault.
     *
     * @param resourceGroupName the vault's resource group
     * @param vaultName         the vault
     * @return the preset
     * @see #externalSecrets(String, String, List)
     */
    public static ControllerPreset externalSecrets(String resourceGroupName, String vaultName) {
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets",
                List.of(KeyVaultSecretAccess.readOnly(resourceGroupName, vaultName)));
    }

    private static List<DnsZoneAccess> zones(String field, String resourceGroupName, List<String> zoneNames) {
        return distinct(field, zoneNames, "at least one Azure DNS zone name (the controller changes records only in the zones named)")
                .stream().map(zone -> DnsZoneAccess.contributor(resourceGroupName, zone)).toList();
    }

    private static List<String> distinct(String field, List<String> values, String rule) {
        Checks.notNull(field, values, rule);
        if (values.isEmpty()) {
            throw InvalidInputException.of(field, values, rule);
        }
        var unique = new LinkedHashSet<String>();
        for (var value : values) {
            if (!unique.add(value)) {
                throw InvalidInputException.of(field, value, "named once (it is given twice)");
            }
        }
        return List.copyOf(unique);
    }
}
