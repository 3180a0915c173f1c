package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.dns.DnsManagedZoneIamMember;
import com.pulumi.gcp.dns.DnsManagedZoneIamMemberArgs;
import com.pulumi.gcp.dns.ManagedZone;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

/**
 * Access to one Cloud DNS managed zone: one {@code gcp.dns.DnsManagedZoneIamMember} on the zone,
 * naming the workload's principal, never a project-wide binding. {@code readOnly} grants
 * {@code roles/dns.reader}; {@code readWrite} grants {@code roles/dns.admin}, the one predefined role
 * that creates and changes record sets ({@code dns.changes.create},
 * {@code dns.resourceRecordSets.*}), whose lowest grantable resource is the managed zone: bound on
 * the zone, it reaches that zone's records and settings and no other zone.
 *
 * <pre>{@code
 * DnsZoneAccess.readWrite("projects/shop-prod-4711/managedZones/shop-example-com")
 * DnsZoneAccess.readOnly(zone)                            // a gcp.dns.ManagedZone this stack manages
 * DnsZoneAccess.readWrite("public", shared.output("publicZone"))
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/iam/docs/roles-permissions/dns">Cloud DNS roles and permissions: lowest-level resource, managed zone</a>
 * @see <a href="https://cloud.google.com/dns/docs/zones/iam-per-resource-zones">IAM permissions on one managed zone</a>
 */
public final class DnsZoneAccess extends RoleOnResourceGrant {
    /** Read the zone and its record sets. */
    public static final String READ_ROLE = "roles/dns.reader";
    /** Read and change the zone's record sets (and the zone). */
    public static final String WRITE_ROLE = "roles/dns.admin";
    private static final String MANAGED = "a gcp.dns.ManagedZone";

    private DnsZoneAccess(GrantTarget zone, String role) {
        super(zone, role, "Cloud DNS");
    }

    /**
     * @param zoneName the zone's resource name, {@code projects/PROJECT/managedZones/ZONE}
     * @return read access to it
     * @throws InvalidInputException when the name is not one zone's resource name
     */
    public static DnsZoneAccess readOnly(String zoneName) {
        return new DnsZoneAccess(plain(zoneName), READ_ROLE);
    }

    /**
     * @param zone a zone this stack manages
     * @return read access to it
     */
    public static DnsZoneAccess readOnly(ManagedZone zone) {
        return new DnsZoneAccess(GrantTarget.managed("zone", zone, MANAGED), READ_ROLE);
    }

    /**
     * @param key      a stable name for the grant's child, e.g. {@code public}
     * @param zoneName the zone's resource name, e.g. a StackReference output; checked once known
     * @return read access to it
     */
    public static DnsZoneAccess readOnly(String key, Output<String> zoneName) {
        return new DnsZoneAccess(fromOutput(key, zoneName), READ_ROLE);
    }

    /**
     * @param zoneName the zone's resource name, {@code projects/PROJECT/managedZones/ZONE}
     * @return read and record-change access to it
     * @throws InvalidInputException when the name is not one zone's resource name
     */
    public static DnsZoneAccess readWrite(String zoneName) {
        return new DnsZoneAccess(plain(zoneName), WRITE_ROLE);
    }

    /**
     * @param zone a zone this stack manages
     * @return read and record-change access to it
     */
    public static DnsZoneAccess readWrite(ManagedZone zone) {
        return new DnsZoneAccess(GrantTarget.managed("zone", zone, MANAGED), WRITE_ROLE);
    }

    /**
     * @param key      a stable name for the grant's child
     * @param zoneName the zone's resource name, e.g. a StackReference output; checked once known
     * @return read and record-change access to it
     */
    public static DnsZoneAccess readWrite(String key, Output<String> zoneName) {
        return new DnsZoneAccess(fromOutput(key, zoneName), WRITE_ROLE);
    }

    @Override
    Resource register(String childName, Output<String> zone, String role, Output<String> member, CustomResourceOptions options) {
        return new DnsManagedZoneIamMember(childName, DnsManagedZoneIamMemberArgs.builder()
                .managedZone(zone).role(role).member(member).build(), options);
    }

    private static GrantTarget plain(String zoneName) {
        return GrantTarget.plain("zone", zoneName, v -> GcpResourceNames.requireManagedZone("zone", v));
    }

    private static GrantTarget fromOutput(String key, Output<String> zoneName) {
        return GrantTarget.fromOutput(key, "zoneName", zoneName, v -> GcpResourceNames.requireManagedZone("zone", v),
                "a Cloud DNS managed zone's resource name");
    }
}
