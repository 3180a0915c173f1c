package dev.keyless.landingzone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workloads naming one existingIdentity each get their own handle for it, and still count as one
 * identity: Entra ID allows 20 federated credentials on it.
 */
class AzureSharedIdentityTest {
    private static final String TEAM_IDENTITY = "/subscriptions/22222222-2222-2222-2222-222222222222"
            + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop";

    private static String config(int workloads) {
        var yaml = new StringBuilder("""
                green-kubeconfig: "apiVersion: v1"
                clusters:
                  green:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/
                      kubeconfigSecret: green-kubeconfig
                stores: {}
                workloads:
                """);
        for (int i = 1; i <= workloads; i++) {
            yaml.append("  w").append(i).append(":\n")
                    .append("    cluster: green\n")
                    .append("    namespace: shop\n")
                    .append("    serviceAccount: w").append(i).append('\n')
                    .append("    options:\n")
                    .append("      existingIdentity: ").append(i % 2 == 0 ? TEAM_IDENTITY.toUpperCase(java.util.Locale.ROOT) : TEAM_IDENTITY).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void twentyWorkloadsOnOneExistingIdentityAreAllowed() {
        var deployment = ZoneStack.withConfig(config(20)).run(LandingZone::stack);
        assertThat(deployment.ofType("azure-native:managedidentity:FederatedIdentityCredential")).hasSize(20);
    }

    @Test
    void aTwentyFirstWorkloadOnOneExistingIdentityIsRefused() {
        var failure = ZoneStack.withConfig(config(21)).runExpectingFailure(LandingZone::stack);
        assertThat(failure.message()).contains("federated credentials of managed identity 'shop' must be at most 20 "
                + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
        assertThat(failure.deployment().ofType("azure-native:managedidentity:FederatedIdentityCredential")).hasSizeLessThanOrEqualTo(20);
    }
}
