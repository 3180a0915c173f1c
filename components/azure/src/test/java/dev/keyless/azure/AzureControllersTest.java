package dev.keyless.azure;

import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static dev.keyless.azure.KeyVaultAccessTest.assertOnlyAssignment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Azure controller presets: one role assignment per zone or secret named, chart defaults, overrides, refusals. */
class AzureControllersTest {
    private static final String ZONES = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/";
    private static final String DNS_ZONE_CONTRIBUTOR = "befefa01-2a29-4197-83a8-272ff33ce314";
    private static final String SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";

    private static RecordedDeployment deploy(ControllerPreset preset) {
        return SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("api", preset.args(TestClusters.green()).build()));
    }

    @Test
    void externalDnsAndCertManagerGetDnsZoneContributorOnEachZoneOnly() {
        var deployment = deploy(AzureControllers.externalDns("dns-rg", List.of("shop.example.com")));
        assertOnlyAssignment(deployment, "api-grant-dns-rg/shop.example.com-zone-records-writer", ZONES + "shop.example.com", DNS_ZONE_CONTRIBUTOR);
        var certManager = deploy(AzureControllers.certManager("dns-rg", List.of("shop.example.com", "example.org")));
        assertThat(certManager.ofType(ROLE_ASSIGNMENT)).extracting(r -> r.input("scope").orElseThrow())
                .containsExactlyInAnyOrder(ZONES + "shop.example.com", ZONES + "example.org");
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
}
