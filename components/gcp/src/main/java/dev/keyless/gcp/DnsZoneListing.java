package dev.keyless.gcp;

import com.pulumi.resources.Resource;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Listing a project's Cloud DNS managed zones: a custom role holding exactly
 * {@code dns.managedZones.list}, bound on the project. {@code managedZones.list} is a call on the
 * project ({@code GET projects/PROJECT/managedZones}), so no zone's IAM policy can allow it, and
 * external-dns makes it on every sync: its Google provider's {@code Zones()} lists the project's
 * zones and then keeps those its filters match. The permission reveals the zones' metadata (names,
 * DNS names, visibility), not their records; upstream's {@code roles/dns.reader} on the project,
 * which this replaces, would also read every zone's records. Changes stay with
 * {@link DnsZoneAccess} on each zone named.
 *
 * <p>The binding is project-wide but reads metadata only, so it does not warn. The custom role is
 * one per project per stack ({@link StackCustomRole}): its id is {@code keyless.dnsZoneListing_}
 * and eight hex digits of the SHA-256 of {@code PULUMI_PROJECT/STACK}.
 *
 * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/google/google.go">external-dns v0.22.0, provider/google/google.go: Zones() lists the project's managed zones</a>
 * @see <a href="https://cloud.google.com/dns/docs/access-control">Cloud DNS access control: managedZones.list needs dns.managedZones.list on the project</a>
 * @see <a href="https://cloud.google.com/dns/docs/reference/rest/v1/managedZones/list">managedZones.list: GET projects/PROJECT/managedZones</a>
 */
public final class DnsZoneListing implements GcpGrant {
    /** How the custom role's id starts; the rest tells the stacks that hold one in a project apart. */
    public static final String ROLE_ID_PREFIX = "keyless.dnsZoneListing_";
    /** The one permission of the custom role. */
    public static final List<String> PERMISSIONS = List.of("dns.managedZones.list");
    static final String URL = "https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/google/google.go";
    private static final StackCustomRole ROLE = new StackCustomRole(ROLE_ID_PREFIX, "keyless-dns-zone-listing", "keyless DNS zone listing",
            "Lists the project's Cloud DNS managed zones (names only, no records), as external-dns does on every sync: " + URL, PERMISSIONS);

    private final String project;

    private DnsZoneListing(String project) {
        this.project = project;
    }

    /**
     * @param project the project whose managed zones are listed: the project ID or number external-dns is given ({@code --google-project})
     * @return the grant
     * @throws InvalidInputException when the project is neither a project ID nor a number
     */
    public static DnsZoneListing onProject(String project) {
        return new DnsZoneListing(GcpResourceNames.requireProject("project", project));
    }

    /** @return the custom role's full name in the running stack, {@code projects/PROJECT/roles/ROLE_ID} */
    String role() {
        return ROLE.role(project);
    }

    /** @return the project the zones are listed in */
    public String project() {
        return project;
    }

    @Override
    public String key() {
        return project + "-dns-zone-listing";
    }

    @Override
    public List<Resource> bindTo(GcpPrincipal identity, GrantContext context) {
        return ROLE.bindOnProject(this, project, identity, context);
    }

    @Override
    public String describe() {
        return "Cloud DNS managed zone listing (a keyless custom role with only dns.managedZones.list) on project " + project;
    }
}
