package dev.keyless.azure;

import com.pulumi.azurenative.network.Zone;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Record changes in one public Azure DNS zone, as external-dns and cert-manager's DNS-01 solver
 * make them: a role assignment of DNS Zone Contributor (manage the zone's record sets, not who may
 * access it) to the workload's managed identity, scoped to the zone
 * ({@code .../providers/Microsoft.Network/dnsZones/ZONE}), never its resource group or the
 * subscription. Azure has no built-in role narrower than this that still writes records.
 *
 * <pre>{@code
 * DnsZoneAccess.contributor(zone)                           // a Zone this stack manages
 * DnsZoneAccess.contributor("dns-rg", "shop.example.com")    // an existing zone, by names
 * DnsZoneAccess.contributor("shop", group, zoneName)         // another stack's zone, keyed "shop"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/dns/dns-protect-zones-recordsets">How to protect DNS zones and records (zone-level Azure RBAC)</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/networking#dns-zone-contributor">DNS Zone Contributor</a>
 */
public final class DnsZoneAccess extends ScopedRoleGrant {
    private static final Role CONTRIBUTOR = new Role(BuiltInRoles.DNS_ZONE_CONTRIBUTOR, "zone-records-writer", "DNS record changes");

    private DnsZoneAccess(java.util.function.Supplier<Output<String>> scopeId, String label, DeployTimeCheck checks) {
        super(GrantScope.DNS_ZONE, scopeId, label, CONTRIBUTOR, checks);
    }

    /**
     * @param zone a zone this stack manages
     * @return record changes in it
     */
    public static DnsZoneAccess contributor(Zone zone) {
        Checks.notNull("zone", zone, "an Azure DNS Zone");
        return new DnsZoneAccess(zone::id, zone.pulumiResourceName(), DeployTimeCheck.none());
    }

    /**
     * @param resourceGroupName the zone's resource group
     * @param zoneName          the zone, e.g. {@code shop.example.com}
     * @return record changes in an existing zone, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static DnsZoneAccess contributor(String resourceGroupName, String zoneName) {
        requireNames(resourceGroupName, zoneName);
        // One zone name can exist in several resource groups; a group's name has no '/'.
        return new DnsZoneAccess(inDeployingSubscription(GrantScope.DNS_ZONE, resourceGroupName, zoneName),
                resourceGroupName + "/" + zoneName, DeployTimeCheck.none());
    }

    /**
     * An existing zone named by values known only at deploy time, checked once known by the rules
     * and messages of {@link #contributor(String, String)} before anything registers; the child is
     * {@code NAME-grant-KEY-zone-records-writer}.
     *
     * @param key               a stable name for the zone, e.g. {@code shop}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the zone's resource group
     * @param zoneName          the zone
     * @return record changes in it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static DnsZoneAccess contributor(String key, Output<String> resourceGroupName, Output<String> zoneName) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the zone's resource group");
        Checks.notNull("zoneName", zoneName, "the zone");
        var names = Output.tuple(resourceGroupName, zoneName).applyValue(t -> requireNames(t.t1, t.t2));
        return new DnsZoneAccess(inDeployingSubscription(GrantScope.DNS_ZONE, names), key, DeployTimeCheck.of(names));
    }

    private static List<String> requireNames(String resourceGroupName, String zoneName) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        DnsZoneNames.requireZoneName("zoneName", zoneName);
        return List.of(resourceGroupName, zoneName);
    }
}
