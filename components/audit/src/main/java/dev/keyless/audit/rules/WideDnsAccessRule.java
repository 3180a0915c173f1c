package dev.keyless.audit.rules;

import dev.keyless.audit.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KL031: the records of every DNS zone of an account, project or resource group:
 * {@code route53:ChangeResourceRecordSets} (or a wildcard covering it) on {@code *} or
 * {@code hostedzone/*}; {@code roles/dns.admin} on a project, folder or organization; DNS Zone
 * Contributor assigned above one zone. Whoever changes a zone's records can take over its names
 * and pass a certificate authority's DNS-01 challenge for them. keyless Route53Access,
 * DnsZoneAccess and the external-dns and cert-manager presets name each zone; the listings Route
 * 53 authorizes only on {@code *} ({@code route53:ListHostedZones}) are not changes.
 */
public final class WideDnsAccessRule extends OverWideGrantRule {

    public WideDnsAccessRule() {
        super(List.of(AwsAccountWideAccess.of("route53", "hostedzone/ZKEYLESSAUDITPROBE", "route53:ChangeResourceRecordSets")),
                new GcpProjectWideRole(Set.of("roles/dns.admin"), Set.of()),
                new AzureAboveResourceRole(Map.of(AzureRoles.DNS_ZONE_CONTRIBUTOR, "DNS Zone Contributor"),
                        "/providers/microsoft.network/dnszones/"));
    }

    @Override public String id() { return "KL031"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Records of every DNS zone of an account, project or resource group changeable"; }
    @Override public String fix() {
        return "Grant record changes on the one zone: hostedzone/ID, a managed zone's IAM member, the zone's scope (keyless Route53Access, DnsZoneAccess)";
    }
}
