package dev.keyless.azure;

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

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.PRINCIPAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static dev.keyless.azure.KeyVaultAccessTest.assertOnlyAssignment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Azure controller presets: one role assignment per zone, secret or container named, chart
 * defaults, overrides, names known only at deploy, federation, Velero's snapshots, the roles
 * against the lists recorded from each upstream document, refusals.
 */
class AzureControllersTest {
    private static final String ZONES = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/";
    private static final String DNS_ZONE_CONTRIBUTOR = "befefa01-2a29-4197-83a8-272ff33ce314";
    private static final String SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    private static final String ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
    private static final String CONTAINER = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/backup-rg/providers/Microsoft.Storage/storageAccounts/shopbackups/blobServices/default/containers/velero";
    private static final String DNS_GROUP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/dns-rg";
    // The v5 UUID, in keyless's namespace, of "dns-zone-listing|" + the group's id in lower case + "|controllers/dev".
    private static final String LISTING_ROLE_ID = "1fbcb1e9-ad48-5439-adb1-bc0a71caa026";
    private static final String NODE_GROUP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/MC_shop-rg_green_westeurope";

    private static RecordedDeployment deploy(ControllerPreset preset) {
        return SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("api", preset.args(TestClusters.green()).build()));
    }

    /** The roles and actions an upstream document names, as recorded in src/test/resources/controllers. */
    private static Set<String> recorded(String controller) {
        try (var in = AzureControllersTest.class.getResourceAsStream("/controllers/" + controller + ".txt")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            return new TreeSet<>(lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> roleIdsOf(ControllerPreset preset) {
        var ids = new TreeSet<String>();
        preset.grants().stream().filter(g -> g instanceof ScopedRoleGrant).forEach(g -> ids.add(((ScopedRoleGrant) g).roleId()));
        return ids;
    }

    /** The role ids of a recorded list's lines, "Role Name ID". */
    private static Set<String> recordedRoleIds(String controller) {
        var ids = new TreeSet<String>();
        recorded(controller).forEach(line -> ids.add(line.substring(line.lastIndexOf(' ') + 1)));
        return ids;
    }

    @Test
    void externalDnsGetsDnsZoneContributorOnEachZoneAndTheListingRoleOnTheirGroup() {
        var deployment = deploy(AzureControllers.externalDns("dns-rg", List.of("shop.example.com")));
        var records = deployment.resource(ROLE_ASSIGNMENT, "api-grant-dns-rg/shop.example.com-zone-records-writer");
        assertThat(records.input("scope")).contains(ZONES + "shop.example.com");
        assertThat(records.input("roleDefinitionId")).contains(KeyVaultAccessTest.definition(DNS_ZONE_CONTRIBUTOR));
        assertListing(deployment, "api-grant-dns-rg-dns-zone-listing", "keyless-dns-zone-listing-dns-rg", LISTING_ROLE_ID, "");
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(2);
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    /** The listing's custom role: only dnsZones/read, assignable and assigned on the zones' group alone. */
    private static void assertListing(RecordedDeployment deployment, String child, String roleResource, String roleId, String keyInName) {
        var role = deployment.resource(ROLE_DEFINITION, roleResource);
        assertThat(role.inputs()).isEqualTo(Map.of(
                "roleDefinitionId", roleId,
                "roleName", "keyless DNS zone listing " + DNS_GROUP + keyInName + " (controllers/dev)",
                "description", "Lists the resource group's Azure DNS zones (zone metadata, no records), as external-dns does on every sync: "
                        + DnsZoneListing.URL,
                "scope", DNS_GROUP,
                "assignableScopes", List.of(DNS_GROUP),
                "permissions", List.of(Map.of("actions", List.of("Microsoft.Network/dnsZones/read")))));
        var assignment = deployment.resource(ROLE_ASSIGNMENT, child);
        assertThat(assignment.inputs()).containsEntry("scope", DNS_GROUP)
                .containsEntry("roleDefinitionId", KeyVaultAccessTest.definition(roleId))
                .containsEntry("principalId", PRINCIPAL)
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("roleAssignmentName", RoleAssignmentNames.of(DNS_GROUP, PRINCIPAL, roleId));
        assertThat(ResourceGraph.of(deployment).waitsFor(assignment, role)).isTrue();
    }

    @Test
    void certManagerGetsDnsZoneContributorOnEachZoneOnly() {
        var certManager = deploy(AzureControllers.certManager("dns-rg", List.of("shop.example.com", "example.org")));
        assertThat(certManager.ofType(ROLE_ASSIGNMENT)).extracting(r -> r.input("scope").orElseThrow())
                .containsExactlyInAnyOrder(ZONES + "shop.example.com", ZONES + "example.org");
        assertThat(certManager.ofType(ROLE_DEFINITION)).isEmpty();
    }

    @Test
    void externalSecretsGetsSecretsUserOnEachSecretNamed() {
        var deployment = deploy(AzureControllers.externalSecrets("shop-rg", "shop-kv", List.of("db-password")));
        assertOnlyAssignment(deployment, "api-grant-shop-kv/db-password-secret-user",
                KeyVaultAccessTest.VAULT + "/secrets/db-password", SECRETS_USER);
    }

    @Test
    void theCredentialTrustsTheChartsServiceAccountOrTheOverride() {
        var defaults = deploy(AzureControllers.certManager("dns-rg", List.of("shop.example.com")));
        assertThat(defaults.ofType(CREDENTIAL)).singleElement()
                .satisfies(c -> assertThat(c.input("subject")).contains("system:serviceaccount:cert-manager:cert-manager"));
        var renamed = deploy(AzureControllers.externalSecrets("shop-rg", "shop-kv").inNamespace("platform").serviceAccountName("eso"));
        assertThat(renamed.ofType(CREDENTIAL)).singleElement()
                .satisfies(c -> assertThat(c.input("subject")).contains("system:serviceaccount:platform:eso"));
    }

    @Test
    void aPresetGivenNoZonesOrNoSecretsIsRefused() {
        assertThatThrownBy(() -> AzureControllers.externalDns("dns-rg", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("externalDns must be at least one Azure DNS zone name (the controller changes records only in the zones named): '[]'");
        assertThatThrownBy(() -> AzureControllers.certManager("dns-rg", List.of("*.example.com"))).hasMessageStartingWith("zoneName must be");
        assertThatThrownBy(() -> AzureControllers.externalSecrets("shop-rg", "shop-kv", List.of()))
                .hasMessage("externalSecrets must be at least one Key Vault secret name: '[]'");
    }

    @Test
    void eachPresetAssignsExactlyTheRoleItsUpstreamDocumentNames() {
        assertThat(roleIdsOf(AzureControllers.externalDns("dns-rg", List.of("shop.example.com")))).isEqualTo(recordedRoleIds("external-dns"));
        assertThat(roleIdsOf(AzureControllers.certManager("dns-rg", List.of("shop.example.com")))).isEqualTo(recordedRoleIds("cert-manager"));
        assertThat(roleIdsOf(AzureControllers.externalSecrets("shop-rg", "shop-kv", List.of("db-password"))))
                .isEqualTo(recordedRoleIds("external-secrets"));
    }

    @Test
    void namesKnownOnlyAtDeployAreKeyedByTheGivenKeys() {
        var dns = deploy(AzureControllers.externalDns(Output.of("dns-rg"), Map.of("public", Output.of("shop.example.com"))));
        assertThat(dns.resource(ROLE_ASSIGNMENT, "api-grant-public-zone-records-writer").input("scope")).contains(ZONES + "shop.example.com");
        // A group known only at deploy is claimed by the listing's key, which its role's id and name carry.
        assertListing(dns, "api-grant-zones-dns-zone-listing", "keyless-dns-zone-listing-zones-dns-zone-listing",
                "3f25ad0a-caa6-5a29-83e6-e2e39fea16c1", " zones-dns-zone-listing");

        var secrets = deploy(AzureControllers.externalSecrets(Output.of("shop-rg"), Output.of("shop-kv"), Map.of("db", Output.of("db-password"))));
        assertOnlyAssignment(secrets, "api-grant-db-secret-user", KeyVaultAccessTest.VAULT + "/secrets/db-password", SECRETS_USER);
    }

    @Test
    void aZoneKnownOnlyAtDeployBreakingItsRuleRegistersNothing() {
        var failure = SimulatedStack.named("controllers").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                AzureControllers.certManager(Output.of("dns-rg"), Map.of("public", Output.of("*.example.com"))).args(TestClusters.green()).build()));

        assertThat(failure.message()).startsWith("zoneName must be");
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
        assertThat(failure.deployment().ofType(CREDENTIAL)).isEmpty();
    }

    @Test
    void certManagerOnAnotherCloudsClusterTrustsItsIssuerForTheChartsServiceAccount() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("api",
                AzureControllers.certManager("dns-rg", List.of("shop.example.com")).args(ForeignCluster.eks())
                        .mechanism(AzureFederation.builder().resourceGroupName("identities-rg").build()).build()));

        assertThat(deployment.ofType(CREDENTIAL)).singleElement().satisfies(c -> {
            assertThat(c.input("issuer")).contains("https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E");
            assertThat(c.input("subject")).contains("system:serviceaccount:cert-manager:cert-manager");
        });
        assertOnlyAssignment(deployment, "api-grant-dns-rg/shop.example.com-zone-records-writer", ZONES + "shop.example.com", DNS_ZONE_CONTRIBUTOR);
    }

    @Test
    void veleroIsStorageBlobDataContributorOnTheOneContainerAndNothingElse() {
        var deployment = deploy(AzureControllers.velero("backup-rg", "shopbackups", "velero"));

        assertOnlyAssignment(deployment, "api-grant-shopbackups-velero-contributor", CONTAINER, BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR);
        assertThat(deployment.ofType(ROLE_DEFINITION)).isEmpty();
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
        assertThat(deployment.ofType(CREDENTIAL)).singleElement()
                .satisfies(c -> assertThat(c.input("subject")).contains("system:serviceaccount:velero:velero-server"));
    }

    @Test
    void veleroDiskSnapshotsAreTheDocumentedCustomRoleAssignableAndAssignedOnlyOnTheDisksGroupWithAWarning() {
        var deployment = deploy(AzureControllers.veleroWithDiskSnapshots("backup-rg", "shopbackups", "velero", "MC_shop-rg_green_westeurope"));
        // The v5 UUID, in keyless's namespace, of "disk-snapshots|" + the group's id in lower case + "|controllers/dev".
        var roleId = "5253ed58-a0ff-5644-99ba-23249d9265a2";

        var role = deployment.resource(ROLE_DEFINITION, "keyless-disk-snapshots-mc_shop-rg_green_westeurope");
        assertThat(role.inputs()).isEqualTo(Map.of(
                "roleDefinitionId", roleId,
                "roleName", "keyless disk snapshots " + NODE_GROUP + " (controllers/dev)",
                "description", "Managed-disk snapshots for Velero, as velero-plugin-for-microsoft-azure documents: " + DiskSnapshotAccess.URL,
                "scope", NODE_GROUP,
                "assignableScopes", List.of(NODE_GROUP),
                "permissions", List.of(Map.of("actions", List.of(
                        "Microsoft.Compute/disks/read", "Microsoft.Compute/disks/write", "Microsoft.Compute/disks/endGetAccess/action",
                        "Microsoft.Compute/disks/beginGetAccess/action", "Microsoft.Compute/snapshots/read",
                        "Microsoft.Compute/snapshots/write", "Microsoft.Compute/snapshots/delete")))));
        var assignment = deployment.resource(ROLE_ASSIGNMENT, "api-grant-mc_shop-rg_green_westeurope-disk-snapshots");
        assertThat(assignment.inputs()).containsEntry("scope", NODE_GROUP)
                .containsEntry("roleDefinitionId", KeyVaultAccessTest.definition(roleId))
                .containsEntry("principalId", PRINCIPAL)
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("roleAssignmentName", RoleAssignmentNames.of(NODE_GROUP, PRINCIPAL, roleId));
        assertThat(ResourceGraph.of(deployment).waitsFor(assignment, role)).isTrue();
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(2);
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message).containsExactly(
                "api holds managed-disk and snapshot actions on all of resource group 'MC_shop-rg_green_westeurope': Velero snapshots "
                        + "and restores disks it names at run time, so the actions cannot be narrowed to named disks; see " + DiskSnapshotAccess.URL);
    }

    @Test
    void anotherStackWithVeleroOnTheGroupGetsItsOwnCustomRole() {
        var prod = SimulatedStack.named("controllers").stack("prod").run(ctx -> new FederatedServiceAccount("api",
                AzureControllers.veleroWithDiskSnapshots("backup-rg", "shopbackups", "velero", "MC_shop-rg_green_westeurope")
                        .args(TestClusters.green()).build()));

        assertThat(prod.ofType(ROLE_DEFINITION)).singleElement().satisfies(role -> {
            assertThat(role.input("roleDefinitionId")).contains("b43d6100-77a4-52a3-a9bd-79a94639c0d9");
            assertThat(role.input("roleName")).contains("keyless disk snapshots " + NODE_GROUP + " (controllers/prod)");
        });
    }

    @Test
    void veleroHoldsUpstreamsDiskActionsAndItsBlobRoleButNoAccountManagement() {
        var preset = AzureControllers.veleroWithDiskSnapshots("backup-rg", "shopbackups", "velero", "MC_shop-rg_green_westeurope");
        assertThat(((BlobAccess) preset.grants().get(0)).roleId()).isEqualTo(BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR);
        assertThat(preset.grants().get(1)).isInstanceOf(DiskSnapshotAccess.class);
        var compute = new TreeSet<>(recorded("velero").stream().filter(a -> a.startsWith("Microsoft.Compute/")).toList());
        assertThat(new TreeSet<>(DiskSnapshotAccess.ACTIONS)).isEqualTo(compute);
        assertThat(preset.namespace() + "/" + preset.serviceAccountName()).isEqualTo("velero/velero-server");
    }

    @Test
    void aBadDiskResourceGroupOrAnEmptyKeyedListIsRefused() {
        assertThatThrownBy(() -> AzureControllers.veleroWithDiskSnapshots("backup-rg", "shopbackups", "velero", "MC_group."))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("resourceGroupName must be " + AzureNames.RESOURCE_GROUP_RULE + ": 'MC_group.'");
        assertThatThrownBy(() -> AzureControllers.externalDns(Output.of("dns-rg"), Map.of()))
                .hasMessage("externalDns must be at least one Azure DNS zone name (the controller changes records only in the zones named): '{}'");
    }

    @Test
    void thePresetsTakeTheResourcesThisStackManages() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> {
            var zone = new com.pulumi.azurenative.network.Zone("shop-zone", com.pulumi.azurenative.network.ZoneArgs.builder()
                    .resourceGroupName("dns-rg").zoneName("shop.example.com").location("global").build());
            new FederatedServiceAccount("api", AzureControllers.externalDns(List.of(zone)).args(TestClusters.green()).build());
        });
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).extracting(r -> r.input("scope").orElseThrow())
                .containsExactlyInAnyOrder(ZONES + "shop.example.com", DNS_GROUP);
        assertThat(deployment.ofType(ROLE_DEFINITION)).singleElement()
                .satisfies(role -> assertThat(role.input("permissions")).contains(List.of(Map.of("actions", DnsZoneListing.ACTIONS))));
    }

    @Test
    void aPresetGivenNoResourcesOrOneTwiceIsRefused() {
        assertThatThrownBy(() -> AzureControllers.certManager(List.<com.pulumi.azurenative.network.Zone>of()))
                .isInstanceOf(InvalidInputException.class).hasMessage("certManager must be at least one Azure DNS zone: '[]'");
        assertThatThrownBy(() -> AzureControllers.externalSecrets(List.<com.pulumi.azurenative.keyvault.Secret>of()))
                .hasMessage("externalSecrets must be at least one Key Vault secret: '[]'");
    }
}
