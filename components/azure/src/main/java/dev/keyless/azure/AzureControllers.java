package dev.keyless.azure;

import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.network.Zone;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready identities for the controllers an AKS cluster runs, each with the ServiceAccount its Helm
 * chart makes by default and the role its upstream project documents, on exactly the zones or
 * secrets named. Each binds through Entra Workload ID (the default on AKS), or through a
 * federation from a cluster of another cloud. Every preset takes plain names or, keyed by a
 * stable name, {@code Output}s (e.g. a {@code StackReference}'s), checked once known and before
 * anything registers.
 *
 * <pre>{@code
 * new FederatedServiceAccount("external-dns", AzureControllers.externalDns("dns-rg", List.of("shop.example.com")).args(cluster).build());
 * }</pre>
 */
public final class AzureControllers {
    private static final String ZONES_RULE = "at least one Azure DNS zone name (the controller changes records only in the zones named)";
    private static final String SECRETS_RULE = "at least one Key Vault secret name";
    /** The key of external-dns's zone listing when its group is known only at deploy. */
    private static final String LISTING_KEY = "zones";

    private AzureControllers() {
    }

    /**
     * external-dns on Azure DNS: DNS Zone Contributor on each zone named, and
     * {@link DnsZoneListing} on the zones' resource group: external-dns lists the group's zones on
     * every sync ({@code zones()} calls {@code NewListByResourceGroupPager} on the group), a call ARM
     * authorizes as {@code Microsoft.Network/dnsZones/read} on the group's scope, so no role on the
     * zones allows it (external-dns issue 1973). Upstream assigns Reader on the group for it, which
     * reads every resource of the group and every zone's records; the listing's custom role holds
     * only {@code Microsoft.Network/dnsZones/read} (zone metadata, no records). The zones must be in
     * the group external-dns is given ({@code resourceGroup} in its {@code azure.json}): it lists
     * that group's zones only. Namespace {@code external-dns}, ServiceAccount {@code external-dns}.
     *
     * @param resourceGroupName the zones' resource group
     * @param zoneNames         the zones, e.g. {@code shop.example.com}, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/docs/tutorials/azure.md">external-dns v0.22.0, docs/tutorials/azure.md: permissions</a>
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/azure/azure.go">external-dns v0.22.0, provider/azure/azure.go: zones()</a>
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/issues/1973">external-dns issue 1973: ListByResourceGroup 403 without dnsZones/read on the group</a>
     */
    public static ControllerPreset externalDns(String resourceGroupName, List<String> zoneNames) {
        var grants = new ArrayList<AzureGrant>(zones("externalDns", resourceGroupName, zoneNames));
        grants.add(DnsZoneListing.onResourceGroup(resourceGroupName));
        return externalDnsPreset(grants);
    }

    /**
     * cert-manager's Azure DNS DNS-01 solver: DNS Zone Contributor on each zone named, and
     * nothing on the group: cert-manager lists no zones, it uses the issuer's {@code hostedZoneName}
     * when set and otherwise finds the zone by DNS and reads that one zone. Namespace {@code cert-manager}, ServiceAccount {@code cert-manager}.
     *
     * @param resourceGroupName the zones' resource group
     * @param zoneNames         the zones, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://cert-manager.io/v1.19-docs/configuration/acme/dns01/azuredns/">cert-manager v1.19 docs, AzureDNS</a>
     * @see <a href="https://github.com/cert-manager/cert-manager/blob/v1.19.0/pkg/issuer/acme/dns/azuredns/azuredns.go">cert-manager v1.19.0 azuredns.go: getHostedZoneName</a>
     */
    public static ControllerPreset certManager(String resourceGroupName, List<String> zoneNames) {
        return certManagerPreset(zones("certManager", resourceGroupName, zoneNames));
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
        var grants = Checks.atLeastOneEachOnce("externalSecrets", secretNames, SECRETS_RULE).stream()
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

    /**
     * external-dns on zones named by values known only at deploy (e.g. a StackReference's).
     *
     * @param resourceGroupName the zones' resource group, checked once known
     * @param zoneNames         a stable key for each zone's grant, e.g. {@code public}, to the zone's name, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given or a key breaks its rule
     * @see #externalDns(String, List)
     */
    public static ControllerPreset externalDns(Output<String> resourceGroupName, Map<String, Output<String>> zoneNames) {
        var grants = new ArrayList<AzureGrant>(zones("externalDns", resourceGroupName, zoneNames));
        grants.add(DnsZoneListing.onResourceGroup(LISTING_KEY, resourceGroupName));
        return externalDnsPreset(grants);
    }

    /**
     * external-dns on zones this stack manages, listing the zones of their one resource group
     * (external-dns watches one group); see {@link #externalDns(String, List)}.
     *
     * @param zones the zones, at least one, all in one resource group (checked once their ids are known)
     * @return the preset
     * @throws InvalidInputException when no zone is given or a zone is given twice
     */
    public static ControllerPreset externalDns(List<Zone> zones) {
        var checked = Checks.atLeastOneResourceEachOnce("externalDns", zones, "at least one Azure DNS zone");
        var grants = new ArrayList<AzureGrant>(checked.stream().map(DnsZoneAccess::contributor).toList());
        grants.add(DnsZoneListing.onResourceGroup(LISTING_KEY, oneGroup(checked)));
        return externalDnsPreset(grants);
    }

    /**
     * cert-manager on zones this stack manages.
     *
     * @param zones the zones, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given or a zone is given twice
     * @see #certManager(String, List)
     */
    public static ControllerPreset certManager(List<Zone> zones) {
        return certManagerPreset(Checks.atLeastOneResourceEachOnce("certManager", zones, "at least one Azure DNS zone").stream().map(DnsZoneAccess::contributor).toList());
    }

    /**
     * external-secrets on secrets this stack manages: Key Vault Secrets User on each (their
     * vaults must be RBAC vaults).
     *
     * @param secrets the secrets, at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given or a secret is given twice
     * @see #externalSecrets(String, String, List)
     */
    public static ControllerPreset externalSecrets(List<Secret> secrets) {
        return externalSecretsPreset(Checks.atLeastOneResourceEachOnce("externalSecrets", secrets, "at least one Key Vault secret").stream()
                .map(KeyVaultSecretAccess::readOnly).toList());
    }

    /**
     * external-secrets reading every secret of a vault this stack manages: Key Vault Secrets User on the vault.
     *
     * @param vault the vault, an RBAC vault
     * @return the preset
     * @see #externalSecrets(String, String)
     */
    public static ControllerPreset externalSecrets(Vault vault) {
        return externalSecretsPreset(List.of(KeyVaultSecretAccess.readOnly(vault)));
    }

    /**
     * Velero's object store on a container this stack manages; see {@link #velero(String, String, String)}.
     *
     * @param container the backup container
     * @return the preset
     */
    public static ControllerPreset velero(BlobContainer container) {
        return veleroPreset(List.of(BlobAccess.readWrite(container)));
    }

    /**
     * Velero with managed-disk snapshots, its container one this stack manages; see
     * {@link #veleroWithDiskSnapshots(String, String, String, String)}.
     *
     * @param container             the backup container
     * @param diskResourceGroupName the resource group of the cluster's disks and of the snapshots
     * @return the preset
     * @throws InvalidInputException when the group's name breaks Azure's rule
     */
    public static ControllerPreset veleroWithDiskSnapshots(BlobContainer container, String diskResourceGroupName) {
        return veleroPreset(List.of(BlobAccess.readWrite(container), DiskSnapshotAccess.onResourceGroup(diskResourceGroupName)));
    }

    /**
     * Velero with managed-disk snapshots, its container named by values known only at deploy.
     *
     * @param key                   a stable name for the container's grant, e.g. {@code backups}
     * @param resourceGroupName     the storage account's resource group, checked once known
     * @param accountName           the storage account, checked once known
     * @param containerName         the container, checked once known
     * @param diskResourceGroupName the resource group of the cluster's disks and of the snapshots
     * @return the preset
     * @throws InvalidInputException when the key or the disks' group breaks its rule
     * @see #veleroWithDiskSnapshots(String, String, String, String)
     */
    public static ControllerPreset veleroWithDiskSnapshots(String key, Output<String> resourceGroupName, Output<String> accountName,
                                                           Output<String> containerName, String diskResourceGroupName) {
        return veleroPreset(List.of(BlobAccess.readWrite(key, resourceGroupName, accountName, containerName),
                DiskSnapshotAccess.onResourceGroup(diskResourceGroupName)));
    }

    /**
     * cert-manager on zones named by values known only at deploy.
     *
     * @param resourceGroupName the zones' resource group, checked once known
     * @param zoneNames         a stable key for each zone's grant to the zone's name, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given or a key breaks its rule
     * @see #certManager(String, List)
     */
    public static ControllerPreset certManager(Output<String> resourceGroupName, Map<String, Output<String>> zoneNames) {
        return certManagerPreset(zones("certManager", resourceGroupName, zoneNames));
    }

    /**
     * external-secrets on secrets named by values known only at deploy.
     *
     * @param resourceGroupName the vault's resource group, checked once known
     * @param vaultName         the vault, checked once known
     * @param secretNames       a stable key for each secret's grant, e.g. {@code db}, to the secret's name, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given or a key breaks its rule
     * @see #externalSecrets(String, String, List)
     */
    public static ControllerPreset externalSecrets(Output<String> resourceGroupName, Output<String> vaultName,
                                                   Map<String, Output<String>> secretNames) {
        var grants = keyed("externalSecrets", secretNames, SECRETS_RULE).stream()
                .map(e -> KeyVaultSecretAccess.readOnly(e.getKey(), resourceGroupName, vaultName, e.getValue())).toList();
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets", grants);
    }

    /**
     * Velero's object store on Azure Blob Storage: Storage Blob Data Contributor on the one
     * container named ({@link BlobAccess#readWrite(String, String, String)}), upstream's
     * "useAAD" route. Set {@code useAAD: "true"} and {@code storageAccountURI} in the backup
     * storage location's config: with the URI given, Velero reads no storage account properties,
     * and with AAD it lists no account keys, so none of upstream's storage-account management
     * actions ({@code listkeys}, {@code regeneratekey}, {@code read}, container management) is
     * granted. Enough for backups of resources and of volumes through Velero's file-system
     * uploader; for managed-disk snapshots use {@link #veleroWithDiskSnapshots}. Namespace
     * {@code velero}, ServiceAccount {@code velero-server} (the velero chart names it
     * {@code RELEASE-server}).
     *
     * @param resourceGroupName the storage account's resource group
     * @param accountName       the storage account
     * @param containerName     the backup container
     * @return the preset
     * @throws InvalidInputException when a name breaks Azure's rules
     * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-microsoft-azure/blob/v1.13.2/README.md#specify-role">velero-plugin-for-microsoft-azure v1.13.2, README: Specify Role</a>
     * @see <a href="https://github.com/vmware-tanzu/velero/blob/v1.17.0/pkg/util/azure/storage.go">velero v1.17.0, pkg/util/azure/storage.go: a storageAccountURI given is used directly</a>
     * @see <a href="https://github.com/vmware-tanzu/helm-charts/blob/velero-12.1.0/charts/velero/templates/_helpers.tpl">velero chart 12.1.0: the server ServiceAccount's name</a>
     */
    public static ControllerPreset velero(String resourceGroupName, String accountName, String containerName) {
        return veleroPreset(List.of(BlobAccess.readWrite(resourceGroupName, accountName, containerName)));
    }

    /**
     * Velero's object store on a container named by values known only at deploy.
     *
     * @param key               a stable name for the grant's child, e.g. {@code backups}
     * @param resourceGroupName the storage account's resource group, checked once known
     * @param accountName       the storage account, checked once known
     * @param containerName     the container, checked once known
     * @return the preset
     * @see #velero(String, String, String)
     */
    public static ControllerPreset velero(String key, Output<String> resourceGroupName, Output<String> accountName, Output<String> containerName) {
        return veleroPreset(List.of(BlobAccess.readWrite(key, resourceGroupName, accountName, containerName)));
    }

    /**
     * Velero with managed-disk snapshots: the container as {@link #velero(String, String, String)}
     * does, and {@link DiskSnapshotAccess} on the resource group holding the cluster's disks (on
     * AKS, the node resource group, as upstream's {@code AZURE_RESOURCE_GROUP}), which warns when
     * bound: upstream's custom role cannot be narrowed to named disks.
     *
     * @param resourceGroupName     the storage account's resource group
     * @param accountName           the storage account
     * @param containerName         the backup container
     * @param diskResourceGroupName the resource group of the cluster's disks and of the snapshots
     * @return the preset
     * @throws InvalidInputException when a name breaks Azure's rules
     * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-microsoft-azure/blob/v1.13.2/README.md#get-resource-group-containing-your-vms-and-disks">velero-plugin-for-microsoft-azure v1.13.2, README: the resource group of the disks</a>
     */
    public static ControllerPreset veleroWithDiskSnapshots(String resourceGroupName, String accountName, String containerName,
                                                           String diskResourceGroupName) {
        return veleroPreset(List.of(BlobAccess.readWrite(resourceGroupName, accountName, containerName),
                DiskSnapshotAccess.onResourceGroup(diskResourceGroupName)));
    }

    private static ControllerPreset externalDnsPreset(List<AzureGrant> grants) {
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", grants);
    }

    private static ControllerPreset certManagerPreset(List<DnsZoneAccess> grants) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager", grants);
    }

    private static ControllerPreset externalSecretsPreset(List<KeyVaultSecretAccess> grants) {
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets", grants);
    }

    // external-dns is given one resource group: zones of several could not all be listed.
    private static Output<String> oneGroup(List<Zone> zones) {
        return Output.all(zones.stream().map(Zone::id).toList()).applyValue(ids -> {
            var groups = ids.stream().map(id -> GrantScope.DNS_ZONE.require("zones", id).resourceGroupName()).distinct().toList();
            if (groups.stream().map(g -> g.toLowerCase(java.util.Locale.ROOT)).distinct().count() > 1) {
                throw InvalidInputException.of("zones", groups, "zones of one resource group: external-dns lists the zones of the one group it is given");
            }
            return groups.get(0);
        });
    }

    private static ControllerPreset veleroPreset(List<AzureGrant> grants) {
        return ControllerPreset.of("velero", "velero", "velero-server", grants);
    }

    private static List<DnsZoneAccess> zones(String field, Output<String> resourceGroupName, Map<String, Output<String>> zoneNames) {
        return keyed(field, zoneNames, ZONES_RULE).stream()
                .map(e -> DnsZoneAccess.contributor(e.getKey(), resourceGroupName, e.getValue())).toList();
    }

    // Sorted by key: a Map.of's order is not stable between runs, the grants' order should be.
    private static List<Map.Entry<String, Output<String>>> keyed(String field, Map<String, Output<String>> values, String rule) {
        Checks.notNull(field, values, rule);
        if (values.isEmpty()) {
            throw InvalidInputException.of(field, values, rule);
        }
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static List<DnsZoneAccess> zones(String field, String resourceGroupName, List<String> zoneNames) {
        return Checks.atLeastOneEachOnce(field, zoneNames, ZONES_RULE)
                .stream().map(zone -> DnsZoneAccess.contributor(resourceGroupName, zone)).toList();
    }

}
