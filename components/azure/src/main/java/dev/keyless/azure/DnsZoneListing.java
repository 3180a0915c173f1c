package dev.keyless.azure;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Listing the Azure DNS zones of one resource group: a custom role holding exactly
 * {@code Microsoft.Network/dnsZones/read}, assignable only in, and assigned on, that group.
 * external-dns's Azure provider lists its group's zones on every sync ({@code zones()} pages
 * through {@code NewListByResourceGroupPager}) and then keeps those its filters match; ARM
 * authorizes that list on the group's scope, so no role on the zones allows it (external-dns issue
 * 1973: {@code AuthorizationFailed} with DNS Zone Contributor on the zone only). Record changes
 * stay with {@link DnsZoneAccess} on each zone named.
 *
 * <p>Upstream's tutorial assigns Reader on the group, which reads every resource of the group
 * (vaults' and storage accounts' settings, every zone's record sets) and whose
 * {@code * /read} covers whatever is added to the group later. The one action here reads the
 * group's public zones' metadata (names, name servers, record-set counts) and nothing else:
 * record sets are read by their own actions ({@code Microsoft.Network/dnsZones/recordsets/read},
 * {@code .../dnsZones/A/read} and so on), which it does not match. It reads metadata only, so
 * binding it does not warn, and the audit's wide-DNS rule, which judges DNS Zone Contributor above
 * a zone, has nothing to find in it.
 *
 * <p>cert-manager needs no listing: its AzureDNS solver uses the issuer's {@code hostedZoneName}
 * when set, and otherwise finds the zone by DNS (SOA lookups) and reads that one zone, which DNS
 * Zone Contributor on the zone allows.
 *
 * <p>The role is one per group per stack ({@link GroupCustomRole}): its id is the version 5 UUID
 * of {@code dns-zone-listing|GROUP_ID|PULUMI_PROJECT/STACK}.
 *
 * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/azure/azure.go">external-dns v0.22.0, provider/azure/azure.go: zones() lists the group's zones</a>
 * @see <a href="https://github.com/kubernetes-sigs/external-dns/issues/1973">external-dns issue 1973: ListByResourceGroup 403 without dnsZones/read on the group</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/permissions/networking#microsoftnetwork">Microsoft.Network actions: dnsZones/read, dnsZones/recordsets/read</a>
 * @see <a href="https://github.com/cert-manager/cert-manager/blob/v1.19.0/pkg/issuer/acme/dns/azuredns/azuredns.go">cert-manager v1.19.0 azuredns.go: getHostedZoneName</a>
 */
public final class DnsZoneListing implements AzureGrant {
    /** The one action of the custom role. */
    public static final List<String> ACTIONS = List.of("Microsoft.Network/dnsZones/read");
    static final String URL = "https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/azure/azure.go";
    private static final GroupCustomRole ROLE = new GroupCustomRole("dns-zone-listing", "keyless DNS zone listing",
            "Lists the resource group's Azure DNS zones (zone metadata, no records), as external-dns does on every sync: " + URL, ACTIONS);

    private final Optional<String> resourceGroupName;
    private final Output<String> knownAtDeploy;
    private final String key;
    private final DeployTimeCheck checks;

    private DnsZoneListing(Optional<String> resourceGroupName, Output<String> knownAtDeploy, String key, DeployTimeCheck checks) {
        this.resourceGroupName = resourceGroupName;
        this.knownAtDeploy = knownAtDeploy;
        this.key = key;
        this.checks = checks;
    }

    /**
     * @param resourceGroupName the zones' resource group (external-dns's {@code resourceGroup})
     * @return the grant
     * @throws InvalidInputException when the name breaks Azure's resource group rule
     */
    public static DnsZoneListing onResourceGroup(String resourceGroupName) {
        var group = AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        return new DnsZoneListing(Optional.of(group), null, group.toLowerCase(Locale.ROOT) + "-dns-zone-listing", DeployTimeCheck.none());
    }

    /**
     * A group known only at deploy, checked once known by the rule of {@link #onResourceGroup(String)}
     * before anything registers; the child is {@code NAME-grant-KEY-dns-zone-listing}.
     *
     * @param key               a stable name for the group, e.g. {@code dns}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the zones' resource group
     * @return the grant
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or the group is null
     */
    public static DnsZoneListing onResourceGroup(String key, Output<String> resourceGroupName) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the zones' resource group");
        var checked = resourceGroupName.applyValue(group -> AzureNames.requireResourceGroupName("resourceGroupName", group));
        return new DnsZoneListing(Optional.empty(), checked, key + "-dns-zone-listing", DeployTimeCheck.of(checked));
    }

    /** @return the resource group whose zones are listed, when named in the program */
    public Optional<String> resourceGroupName() {
        return resourceGroupName;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public DeployTimeCheck deployTimeChecks() {
        return checks;
    }

    @Override
    public String describe() {
        return "Azure DNS zone listing (a keyless custom role with only Microsoft.Network/dnsZones/read) on resource group "
                + resourceGroupName.orElse(key.substring(0, key.length() - "-dns-zone-listing".length()));
    }

    @Override
    public List<Resource> bindTo(ManagedIdentity identity, GrantContext context) {
        return resourceGroupName.map(group -> ROLE.assignOn(this, group, identity, context))
                .orElseGet(() -> ROLE.assignOn(this, knownAtDeploy, identity, context));
    }
}
