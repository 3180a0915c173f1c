package dev.keyless.azure;

import com.pulumi.azurenative.containerregistry.Registry;
import com.pulumi.azurenative.containerregistry.RegistryArgs;
import com.pulumi.azurenative.containerregistry.inputs.SkuArgs;
import com.pulumi.azurenative.network.Zone;
import com.pulumi.azurenative.network.ZoneArgs;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static dev.keyless.azure.KeyVaultAccessTest.assertOnlyAssignment;
import static dev.keyless.azure.KeyVaultAccessTest.deploy;
import static dev.keyless.azure.KeyVaultAccessTest.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DNS Zone Contributor on exactly one zone; AcrPull and AcrPush on exactly one registry. */
class DnsZoneAndRegistryAccessTest {
    private static final String ZONE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/shop.example.com";
    private static final String REGISTRY = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/build-rg/providers/Microsoft.ContainerRegistry/registries/shopimages";
    private static final String DNS_ZONE_CONTRIBUTOR = "befefa01-2a29-4197-83a8-272ff33ce314";
    private static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private static final String ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec";

    @Test
    void aZoneGetsDnsZoneContributorOnThatZoneOnly() {
        var deployment = deploy(DnsZoneAccess.contributor("dns-rg", "shop.example.com"));
        assertOnlyAssignment(deployment, "api-grant-dns-rg/shop.example.com-zone-records-writer", ZONE, DNS_ZONE_CONTRIBUTOR);
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-dns-rg/shop.example.com-zone-records-writer").input("description"))
                .contains("DNS record changes on Azure DNS zone dns-rg/shop.example.com");
        assertOnlyAssignment(deploy(DnsZoneAccess.contributor("shop", Output.of("dns-rg"), Output.of("shop.example.com"))),
                "api-grant-shop-zone-records-writer", ZONE, DNS_ZONE_CONTRIBUTOR);
        var managed = SimulatedStack.named("catalog").run(ctx -> workload(DnsZoneAccess.contributor(
                new Zone("shop", ZoneArgs.builder().resourceGroupName("dns-rg").zoneName("shop.example.com").location("global").build()))));
        assertOnlyAssignment(managed, "api-grant-shop-zone-records-writer", ZONE, DNS_ZONE_CONTRIBUTOR);
    }

    @Test
    void aZoneNameThatIsNotADnsNameIsRefusedPlainAndFromOutputs() {
        var message = "zoneName must be a DNS zone name of 2 to 34 labels of 1 to 63 characters of [A-Za-z0-9_-], separated by '.', "
                + "at most 253 characters, with no trailing '.' (Azure DNS zone name): '*.example.com'";
        assertThatThrownBy(() -> DnsZoneAccess.contributor("dns-rg", "*.example.com")).isInstanceOf(InvalidInputException.class).hasMessage(message);
        var failure = SimulatedStack.named("catalog").runExpectingFailure(ctx ->
                workload(DnsZoneAccess.contributor("shop", Output.of("dns-rg"), Output.of("*.example.com"))));
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
        assertThatThrownBy(() -> DnsZoneAccess.contributor("dns-rg", "localhost")).hasMessageEndingWith(": 'localhost'");
        assertThatThrownBy(() -> DnsZoneAccess.contributor("dns-rg", "example.com.")).hasMessageEndingWith(": 'example.com.'");
    }

    @Test
    void aRegistryGetsAcrPullOrAcrPushOnThatRegistryOnly() {
        assertOnlyAssignment(deploy(ContainerRegistryAccess.pull("build-rg", "shopimages")), "api-grant-shopimages-acr-pull", REGISTRY, ACR_PULL);
        assertOnlyAssignment(deploy(ContainerRegistryAccess.push("build-rg", "shopimages")), "api-grant-shopimages-acr-push", REGISTRY, ACR_PUSH);
        assertOnlyAssignment(deploy(ContainerRegistryAccess.pull("images", Output.of("build-rg"), Output.of("shopimages"))),
                "api-grant-images-acr-pull", REGISTRY, ACR_PULL);
        assertOnlyAssignment(deploy(ContainerRegistryAccess.push("images", Output.of("build-rg"), Output.of("shopimages"))),
                "api-grant-images-acr-push", REGISTRY, ACR_PUSH);
        var managed = SimulatedStack.named("catalog").run(ctx -> workload(ContainerRegistryAccess.pull(new Registry("images",
                RegistryArgs.builder().resourceGroupName("build-rg").registryName("shopimages").sku(SkuArgs.builder().name("Standard").build()).build()))));
        assertOnlyAssignment(managed, "api-grant-images-acr-pull", REGISTRY, ACR_PULL);
    }

    @Test
    void aBadRegistryNameIsRefusedPlainAndFromOutputs() {
        var message = "registryName must be 5 to 50 letters and digits (container registry name): 'shop-images'";
        assertThatThrownBy(() -> ContainerRegistryAccess.pull("build-rg", "shop-images")).isInstanceOf(InvalidInputException.class).hasMessage(message);
        var failure = SimulatedStack.named("catalog").runExpectingFailure(ctx ->
                workload(ContainerRegistryAccess.push("images", Output.of("build-rg"), Output.of("shop-images"))));
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
    }

    @Test
    void anIdOfAnotherKindOrAWiderScopeIsRefusedNamingTheShapeItMustHave() {
        assertThatThrownBy(() -> GrantScope.REGISTRY.require("scope", ZONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("scope must be a container registry's resource id, /subscriptions/SUB/resourceGroups/RG/providers/"
                        + "Microsoft.ContainerRegistry/registries/REGISTRY: '" + ZONE + "'");
        assertThatThrownBy(() -> GrantScope.VAULT_SECRET.require("scope", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shop-rg"))
                .hasMessageStartingWith("scope must be a Key Vault secret's resource id");
        var parsed = GrantScope.SERVICE_BUS_SUBSCRIPTION.require("scope", "/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/shop-rg/providers/microsoft.servicebus/namespaces/shop-bus/topics/events/subscriptions/billing");
        assertThat(parsed.resourceGroupName()).isEqualTo("shop-rg");
        assertThat(parsed.names()).containsExactly("shop-bus", "events", "billing");
    }
}
