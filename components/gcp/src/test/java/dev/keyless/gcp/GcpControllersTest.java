package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GCP controller presets: one member binding per zone or secret named, on the zone or secret,
 * and external-dns's zone listing on the project, with each mechanism and through federation; chart defaults, overrides, names known only at
 * deploy, the roles against the lists recorded from each upstream document, refusals.
 */
class GcpControllersTest {
    private static final String ZONE_MEMBER = "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember";
    private static final String SECRET_MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
    private static final String CUSTOM_ROLE = "gcp:projects/iAMCustomRole:IAMCustomRole";
    private static final String ZONES = "projects/shop-prod-4711/managedZones/";
    /** {@code keyless.dnsZoneListing_} and 8 hex digits of SHA-256 of "controllers/dev", the simulated project and stack. */
    private static final String LISTING_ROLE = "projects/shop-prod-4711/roles/keyless.dnsZoneListing_f58cd185";
    private static final String SECRETS = "projects/shop-prod-4711/secrets/";

    private static RecordedDeployment deploy(ControllerPreset preset) {
        return SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("ctl", preset.args(TestClusters.adopted("green")).build()));
    }

    /** The roles an upstream document names, as recorded in src/test/resources/controllers. */
    static Set<String> recorded(String controller) {
        try (var in = GcpControllersTest.class.getResourceAsStream("/controllers/" + controller + ".txt")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            return new TreeSet<>(lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The predefined roles the preset binds on resources; external-dns's zone listing is checked on its own. */
    private static Set<String> rolesOf(ControllerPreset preset) {
        var roles = new TreeSet<String>();
        preset.grants().stream().filter(g -> !(g instanceof DnsZoneListing)).forEach(g -> roles.add(((RoleOnResourceGrant) g).role()));
        return roles;
    }

    @Test
    void externalDnsIsDnsAdminOnEachZoneAndOnTheProjectOnlyListsZones() {
        var deployment = deploy(GcpControllers.externalDns("shop-prod-4711", List.of("shop-example-com", "internal")));

        assertThat(deployment.ofType(ZONE_MEMBER)).extracting(r -> r.name()).containsExactlyInAnyOrder(
                "ctl-grant-shop-prod-4711.shop-example-com-dns-admin", "ctl-grant-shop-prod-4711.internal-dns-admin");
        assertThat(deployment.resource(ZONE_MEMBER, "ctl-grant-shop-prod-4711.shop-example-com-dns-admin").inputs()).isEqualTo(Map.of(
                "managedZone", ZONES + "shop-example-com", "role", "roles/dns.admin",
                "member", TestClusters.principal("external-dns", "external-dns")));
        assertThat(deployment.resource(ZONE_MEMBER, "ctl-grant-shop-prod-4711.internal-dns-admin").inputs()).isEqualTo(Map.of(
                "managedZone", ZONES + "internal", "role", "roles/dns.admin",
                "member", TestClusters.principal("external-dns", "external-dns")));

        var role = deployment.resource(CUSTOM_ROLE, "keyless-dns-zone-listing-shop-prod-4711");
        assertThat(role.inputs()).isEqualTo(Map.of(
                "project", "shop-prod-4711",
                "roleId", "keyless.dnsZoneListing_f58cd185",
                "title", "keyless DNS zone listing",
                "description", "Lists the project's Cloud DNS managed zones (names only, no records), as external-dns does on every sync: "
                        + DnsZoneListing.URL,
                "permissions", List.of("dns.managedZones.list")));
        var listing = deployment.resource(PROJECT_MEMBER, "ctl-grant-shop-prod-4711-dns-zone-listing");
        assertThat(listing.inputs()).isEqualTo(Map.of(
                "project", "shop-prod-4711", "role", LISTING_ROLE, "member", TestClusters.principal("external-dns", "external-dns")));
        assertThat(deployment.ofType(PROJECT_MEMBER)).containsExactly(listing);
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsFor(listing, role)).isTrue();
        assertThat(graph.parentOf(listing).name()).isEqualTo("ctl");
        // Zone names only: not a warning.
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    @Test
    void twoExternalDnsInOneProjectShareOneListingRoleBesideVelerosOwn() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> {
            var green = TestClusters.adopted("green");
            new FederatedServiceAccount("dns-green", GcpControllers.externalDns("shop-prod-4711", List.of("internal"))
                    .args(green).build());
            new FederatedServiceAccount("dns-blue", GcpControllers.externalDns("shop-prod-4711", List.of("shop-example-com"))
                    .inNamespace("dns-blue").args(TestClusters.adopted("blue")).build());
            new FederatedServiceAccount("velero", GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "shop-backups")
                    .args(green).build());
        });

        assertThat(deployment.ofType(CUSTOM_ROLE)).extracting(r -> r.name() + " " + r.input("roleId").orElseThrow())
                .containsExactlyInAnyOrder(
                        "keyless-dns-zone-listing-shop-prod-4711 keyless.dnsZoneListing_f58cd185",
                        "keyless-disk-snapshots-shop-prod-4711 keyless.diskSnapshots_f58cd185");
        assertThat(deployment.ofType(PROJECT_MEMBER)).extracting(r -> r.name() + " " + r.input("role").orElseThrow())
                .containsExactlyInAnyOrder(
                        "dns-green-grant-shop-prod-4711-dns-zone-listing " + LISTING_ROLE,
                        "dns-blue-grant-shop-prod-4711-dns-zone-listing " + LISTING_ROLE,
                        "velero-grant-shop-prod-4711-disk-snapshots projects/shop-prod-4711/roles/keyless.diskSnapshots_f58cd185");
    }

    @Test
    void zonesKnownOnlyAtDeployStillListTheGivenProjectsZones() {
        var deployment = deploy(GcpControllers.externalDns("shop-prod-4711", Map.of("public", Output.of(ZONES + "shop-example-com"))));

        assertThat(deployment.resource(ZONE_MEMBER, "ctl-grant-public-dns-admin").input("managedZone")).contains(ZONES + "shop-example-com");
        assertThat(deployment.resource(PROJECT_MEMBER, "ctl-grant-shop-prod-4711-dns-zone-listing").input("role")).contains(LISTING_ROLE);
        assertThatThrownBy(() -> GcpControllers.externalDns("Shop", Map.of("public", Output.of(ZONES + "shop-example-com"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("project must be " + GcpResourceNames.PROJECT_ID_RULE + ": 'Shop'");
    }

    @Test
    void certManagerThroughAnImpersonatedServiceAccountBindsTheZoneToThatAccount() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("cert-manager",
                GcpControllers.certManager("shop-prod-4711", List.of("shop-example-com")).args(TestClusters.adopted("green"))
                        .identity(ServiceAccountImpersonation.defaults()).build()));

        assertThat(deployment.ofType(ZONE_MEMBER)).singleElement().satisfies(member -> assertThat(member.inputs()).isEqualTo(Map.of(
                "managedZone", ZONES + "shop-example-com", "role", "roles/dns.admin",
                "member", "serviceAccount:cert-manager@shop-prod-4711.iam.gserviceaccount.com")));
        assertThat(deployment.resource("gcp:serviceaccount/iAMMember:IAMMember", "cert-manager-workload-identity-user").input("member"))
                .contains("serviceAccount:shop-prod-4711.svc.id.goog[cert-manager/cert-manager]");
        assertThat(deployment.ofType(PROJECT_MEMBER)).isEmpty();
        assertThat(deployment.ofType(CUSTOM_ROLE)).isEmpty();
    }

    @Test
    void externalSecretsIsSecretAccessorOnEachSecretNamed() {
        var deployment = deploy(GcpControllers.externalSecrets("shop-prod-4711", List.of("db-password")));

        assertThat(deployment.ofType(SECRET_MEMBER)).singleElement().satisfies(member -> {
            assertThat(member.name()).isEqualTo("ctl-grant-shop-prod-4711.db-password-secretmanager-secretaccessor");
            assertThat(member.inputs()).isEqualTo(Map.of(
                    "secretId", SECRETS + "db-password", "role", "roles/secretmanager.secretAccessor",
                    "member", TestClusters.principal("external-secrets", "external-secrets")));
        });
        assertThat(deployment.ofType(PROJECT_MEMBER)).isEmpty();
    }

    @Test
    void externalSecretsOnAnotherCloudsClusterFederatesExactlyItsServiceAccount() {
        var deployment = GcpFederationTest.stack().run(ctx -> new FederatedServiceAccount("ctl",
                GcpControllers.externalSecrets("shop-prod-4711", List.of("db-password")).args(new ForeignCluster("blue")).build()));

        var provider = deployment.resource(GcpFederationTest.PROVIDER_TYPE, "ctl-gcp-provider");
        assertThat(provider.input("attributeCondition")).contains("assertion.sub == 'system:serviceaccount:external-secrets:external-secrets'");
        assertThat(deployment.ofType(SECRET_MEMBER)).singleElement().satisfies(member -> assertThat(member.inputs()).isEqualTo(Map.of(
                "secretId", SECRETS + "db-password", "role", "roles/secretmanager.secretAccessor",
                "member", "principal://iam.googleapis.com/projects/" + TestClusters.PROJECT_NUMBER + "/locations/global/workloadIdentityPools/"
                        + GcpFederationTest.POOL_ID + "/subject/system:serviceaccount:external-secrets:external-secrets")));
    }

    @Test
    void theBindingsNameTheChartsServiceAccountOrTheOverride() {
        var renamed = deploy(GcpControllers.externalDns("shop-prod-4711", List.of("internal")).inNamespace("platform").serviceAccountName("dns"));

        assertThat(renamed.resource(ZONE_MEMBER, "ctl-grant-shop-prod-4711.internal-dns-admin").input("member"))
                .contains(TestClusters.principal("platform", "dns"));
        var certManager = GcpControllers.certManager("shop-prod-4711", List.of("internal"));
        assertThat(certManager.namespace() + "/" + certManager.serviceAccountName()).isEqualTo("cert-manager/cert-manager");
    }

    @Test
    void namesKnownOnlyAtDeployAreKeyedByTheGivenKeys() {
        var deployment = deploy(GcpControllers.externalSecrets(Map.of(
                "db", Output.of(SECRETS + "db-password"), "api", Output.of("projects/123456789012/secrets/api-token"))));

        assertThat(deployment.ofType(SECRET_MEMBER)).extracting(r -> r.name() + " " + r.input("secretId").orElseThrow())
                .containsExactlyInAnyOrder(
                        "ctl-grant-db-secretmanager-secretaccessor " + SECRETS + "db-password",
                        "ctl-grant-api-secretmanager-secretaccessor projects/123456789012/secrets/api-token");
        var dns = deploy(GcpControllers.certManager(Map.of("public", Output.of(ZONES + "shop-example-com"))));
        assertThat(dns.resource(ZONE_MEMBER, "ctl-grant-public-dns-admin").input("managedZone")).contains(ZONES + "shop-example-com");
    }

    @Test
    void aNameKnownOnlyAtDeployBreakingItsRuleRegistersNothing() {
        var failure = SimulatedStack.named("controllers").runExpectingFailure(ctx -> new FederatedServiceAccount("ctl",
                GcpControllers.externalDns("shop-prod-4711", Map.of("public", Output.of("shop.example.com."))).args(TestClusters.adopted("green")).build()));

        assertThat(failure.message()).isEqualTo("zone must be " + GcpResourceNames.MANAGED_ZONE_RULE + ": 'shop.example.com.'");
        assertThat(failure.deployment().ofType(ZONE_MEMBER)).isEmpty();
        assertThat(failure.deployment().ofType(PROJECT_MEMBER)).isEmpty();
        assertThat(failure.deployment().ofType("kubernetes:core/v1:ServiceAccount")).isEmpty();
    }

    @Test
    void eachPresetBindsExactlyTheRoleItsUpstreamDocumentNames() {
        var externalDns = GcpControllers.externalDns("shop-prod-4711", List.of("internal"));
        assertThat(rolesOf(externalDns)).isEqualTo(recorded("external-dns"));
        // Upstream's project-wide roles/dns.reader serves only the zone listing: one permission of it.
        assertThat(externalDns.grants()).last().isInstanceOfSatisfying(DnsZoneListing.class,
                listing -> assertThat(listing.project()).isEqualTo("shop-prod-4711"));
        assertThat(DnsZoneListing.PERMISSIONS).containsExactly("dns.managedZones.list");
        assertThat(rolesOf(GcpControllers.certManager("shop-prod-4711", List.of("internal")))).isEqualTo(recorded("cert-manager"));
        assertThat(rolesOf(GcpControllers.externalSecrets("shop-prod-4711", List.of("db")))).isEqualTo(recorded("external-secrets"));
    }

    @Test
    void aPresetGivenNoZonesOrNoSecretsIsRefused() {
        assertThatThrownBy(() -> GcpControllers.externalDns("shop-prod-4711", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("externalDns must be at least one Cloud DNS managed zone (the controller changes records only in the zones named) name: '[]'");
        assertThatThrownBy(() -> GcpControllers.certManager(Map.of()))
                .hasMessage("certManager must be at least one Cloud DNS managed zone (the controller changes records only in the zones named): '{}'");
        assertThatThrownBy(() -> GcpControllers.externalSecrets("shop-prod-4711", List.of()))
                .hasMessage("externalSecrets must be at least one Secret Manager secret ID: '[]'");
    }

    @Test
    void aZoneGivenByItsDnsNameOrTwiceABadProjectOrAWildcardSecretIsRefused() {
        for (var zone : List.of("shop.example.com", "shop.example.com.", "Shop", "*", "projects/shop-prod-4711/managedZones/internal")) {
            assertThatThrownBy(() -> GcpControllers.externalDns("shop-prod-4711", List.of(zone))).as(zone)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("zoneName must be " + GcpResourceNames.ZONE_ID_RULE + ": '" + zone + "'");
        }
        assertThatThrownBy(() -> GcpControllers.certManager("shop-prod-4711", List.of("internal", "internal")))
                .hasMessage("certManager must be named once (it is given twice): 'internal'");
        assertThatThrownBy(() -> GcpControllers.certManager("Shop Prod", List.of("internal")))
                .hasMessage("project must be " + GcpResourceNames.PROJECT_ID_RULE + ": 'Shop Prod'");
        assertThatThrownBy(() -> GcpControllers.externalSecrets("shop-prod-4711", List.of("db-*")))
                .hasMessage("secretId must be " + GcpResourceNames.SECRET_ID_RULE + ": 'db-*'");
    }

    @Test
    void thePresetsTakeTheZonesAndSecretsThisStackManages() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> {
            var zone = new com.pulumi.gcp.dns.ManagedZone("public", com.pulumi.gcp.dns.ManagedZoneArgs.builder()
                    .name("shop-example-com").dnsName("shop.example.com.").build());
            new FederatedServiceAccount("ctl", GcpControllers.externalDns("shop-prod-4711", zone).args(TestClusters.adopted("green")).build());
        });
        assertThat(deployment.resource(ZONE_MEMBER, "ctl-grant-public-dns-admin").inputs()).isEqualTo(Map.of(
                "managedZone", "projects/example-project/managedZones/shop-example-com", "role", "roles/dns.admin",
                "member", TestClusters.principal("external-dns", "external-dns")));
        assertThat(deployment.ofType(PROJECT_MEMBER)).singleElement()
                .satisfies(member -> assertThat(member.input("role")).contains(LISTING_ROLE));

        var secrets = SimulatedStack.named("controllers").run(ctx -> {
            var secret = new com.pulumi.gcp.secretmanager.Secret("db", com.pulumi.gcp.secretmanager.SecretArgs.builder()
                    .secretId("db-password").replication(com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs.builder()
                            .auto(com.pulumi.gcp.secretmanager.inputs.SecretReplicationAutoArgs.builder().build()).build()).build());
            new FederatedServiceAccount("ctl", GcpControllers.externalSecrets(secret).args(TestClusters.adopted("green")).build());
        });
        assertThat(secrets.ofType(SECRET_MEMBER)).singleElement().satisfies(member -> {
            assertThat(member.input("role")).contains("roles/secretmanager.secretAccessor");
            assertThat(member.input("member")).contains(TestClusters.principal("external-secrets", "external-secrets"));
        });
    }

    @Test
    void aPresetGivenNoResourcesIsRefused() {
        assertThatThrownBy(() -> GcpControllers.certManager(new com.pulumi.gcp.dns.ManagedZone[0]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("certManager must be at least one Cloud DNS managed zone (the controller changes records only in the zones named): '[]'");
        assertThatThrownBy(() -> GcpControllers.externalSecrets(new com.pulumi.gcp.secretmanager.Secret[0]))
                .hasMessage("externalSecrets must be at least one Secret Manager secret: '[]'");
    }

    @Test
    void aZoneObjectGivenTwiceIsRefusedByItsResourceName() {
        var refusal = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        SimulatedStack.named("controllers").run(ctx -> {
            var zone = new com.pulumi.gcp.dns.ManagedZone("public", com.pulumi.gcp.dns.ManagedZoneArgs.builder()
                    .name("shop-example-com").dnsName("shop.example.com.").build());
            try {
                GcpControllers.certManager(zone, zone);
            } catch (InvalidInputException e) {
                refusal.set(e);
            }
        });
        assertThat(refusal.get()).isInstanceOf(InvalidInputException.class)
                .hasMessage("certManager must be named once (it is given twice): 'public'");
    }
}
