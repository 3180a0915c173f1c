package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An Azure store's resource group is checked with the rest of the config, whether the store is created or named. */
class AzureStoreConfigTest {
    // Named as the config names it: the key the user wrote, not the library's builder method.
    private static final String RULE = "resourceGroup must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name)";

    @Test
    void aStoresResourceGroupIsCheckedBeforeAnythingIsRegistered() {
        var failure = ZoneStack.withConfig("""
                clusters: {}
                stores:
                  charts:
                    cloud: azure
                    resourceGroup: bad rg!
                  reports:
                    cloud: azure
                    create: false
                    resourceGroup: bad rg.
                    account: reportsacct
                    container: reports
                workloads: {}
                """).runExpectingFailure(LandingZone::stack);

        assertThat(failure.registeredBesidesStack()).isEmpty();
        assertThat(((InvalidConfigException) failure.error()).problems()).containsExactly(
                "stores.charts.resourceGroup: " + RULE + ": 'bad rg!'",
                "stores.reports.resourceGroup: " + RULE + ": 'bad rg.'");
    }

    @Test
    void aValidResourceGroupHoldsTheCreatedAccount() {
        var deployment = ZoneStack.withConfig("""
                clusters: {}
                stores:
                  charts:
                    cloud: azure
                    resourceGroup: shop-rg
                workloads: {}
                """).run(LandingZone::stack);

        assertThat(deployment.resource("azure-native:storage:StorageAccount", "charts").input("resourceGroupName")).contains("shop-rg");
    }
}
