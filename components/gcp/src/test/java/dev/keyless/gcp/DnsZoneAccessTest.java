package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.dns.ManagedZone;
import com.pulumi.gcp.dns.ManagedZoneArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.gcp.GrantDeployments.API_PRINCIPAL;
import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cloud DNS roles on one managed zone, never the project. */
class DnsZoneAccessTest {
    private static final String MEMBER = "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember";
    private static final String ZONE = "projects/shop-prod-4711/managedZones/shop-example-com";

    @Test
    void readOnlyGrantsTheReaderAndReadWriteTheAdminRoleOnTheOneZone() {
        var deployment = deploy(ctx -> List.of(DnsZoneAccess.readOnly(ZONE), DnsZoneAccess.readWrite("projects/shop-prod-4711/managedZones/internal")));

        assertThat(deployment.resource(MEMBER, "api-grant-shop-prod-4711.shop-example-com-dns-reader").inputs()).isEqualTo(Map.of(
                "managedZone", ZONE, "role", "roles/dns.reader", "member", API_PRINCIPAL));
        assertThat(deployment.resource(MEMBER, "api-grant-shop-prod-4711.internal-dns-admin").inputs()).isEqualTo(Map.of(
                "managedZone", "projects/shop-prod-4711/managedZones/internal", "role", "roles/dns.admin", "member", API_PRINCIPAL));
        assertThat(deployment.ofType("gcp:projects/iAMMember:IAMMember")).isEmpty();
    }

    @Test
    void aManagedZoneIsNamedByItsIdAndGrantedAfterItExists() {
        var deployment = deploy(ctx -> List.of(DnsZoneAccess.readWrite(
                new ManagedZone("public", ManagedZoneArgs.builder().name("shop-example-com").dnsName("shop.example.com.").build()))));
        var member = deployment.resource(MEMBER, "api-grant-public-dns-admin");

        assertThat(member.input("managedZone")).contains("projects/example-project/managedZones/shop-example-com");
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:dns/managedZone:ManagedZone", "public"))).isTrue();
    }

    @Test
    void aZoneFromAnotherStackIsKeyedByTheGivenKey() {
        assertThat(deploy(ctx -> List.of(DnsZoneAccess.readWrite("public", Output.of(ZONE)))).resource(MEMBER, "api-grant-public-dns-admin")
                .input("managedZone")).contains(ZONE);
    }

    @Test
    void aDnsNameARoute53IdOrAWildcardIsRefused() {
        for (var name : List.of("projects/shop-prod-4711/managedZones/shop.example.com.", "shop-example-com",
                "projects/shop-prod-4711/managedZones/*", "Z0123456789ABCDEFGHIJ", "projects/shop-prod-4711/managedZones/Shop")) {
            assertThatThrownBy(() -> DnsZoneAccess.readWrite(name)).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessage("zone must be " + GcpResourceNames.MANAGED_ZONE_RULE + ": '" + name + "'");
        }
    }

    @Test
    void aZoneNameFromAnotherStackBreakingTheRuleIsRefusedBeforeTheGrantRegisters() {
        var failure = failing(List.of(DnsZoneAccess.readWrite("public", Output.of("shop.example.com."))));

        assertThat(failure.message()).isEqualTo("zone must be " + GcpResourceNames.MANAGED_ZONE_RULE + ": 'shop.example.com.'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }
}
