package dev.keyless.preview.cloud;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AzureSimulationTest {
    private final AzureSimulation azure = new AzureSimulation(Map.of("azure-native:location", "northeurope"));

    @Test
    void aksReportsItsIssuerWithTheTrailingSlashAsAksDoes() {
        var cluster = azure.create("azure-native:containerservice:ManagedCluster", "platform-cluster",
                Map.of("resourceGroupName", "platform-rg", "dnsPrefix", "platform"));

        assertThat(cluster.state().get("oidcIssuerProfile")).isEqualTo(Map.of("enabled", true,
                "issuerURL", "https://northeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/71931010-0f36-304c-85fb-b7fe6c9f7e62/"));
        assertThat(cluster.id()).isEqualTo("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/platform-rg"
                + "/providers/Microsoft.ContainerService/managedClusters/platform-cluster-xxxxxxx");
    }

    @Test
    void containersHaveTheIdRoleAssignmentsAreScopedTo() {
        var account = azure.create("azure-native:storage:StorageAccount", "charts", Map.of("resourceGroupName", "rg"));
        var container = azure.create("azure-native:storage/v20230101:BlobContainer", "charts",
                Map.of("resourceGroupName", "rg", "accountName", account.state().get("name")));

        assertThat(account.state()).containsEntry("name", "chartsxxxxxxx");
        assertThat(container.id()).isEqualTo("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg"
                + "/providers/Microsoft.Storage/storageAccounts/chartsxxxxxxx/blobServices/default/containers/charts-xxxxxxx");
    }

    @Test
    void identitiesGetPlaceholderClientAndPrincipalIds() {
        var identity = azure.create("azure-native:managedidentity:UserAssignedIdentity", "api-identity", Map.of("resourceGroupName", "rg"));

        assertThat(identity.state()).containsEntry("clientId", AzureSimulation.IDENTITY_CLIENT_ID)
                .containsEntry("principalId", AzureSimulation.IDENTITY_PRINCIPAL_ID)
                .containsEntry("tenantId", AzureSimulation.TENANT_ID)
                .containsEntry("name", "api-identity-xxxxxxx");
    }

    @Test
    void answersTheClientConfigAndAUserKubeconfig() {
        assertThat(azure.invoke("azure-native:authorization:getClientConfig", Map.of())).contains(Map.of(
                "clientId", AzureSimulation.DEPLOYER_CLIENT_ID, "objectId", AzureSimulation.DEPLOYER_OBJECT_ID,
                "subscriptionId", AzureSimulation.SUBSCRIPTION_ID, "tenantId", AzureSimulation.TENANT_ID));

        @SuppressWarnings("unchecked")
        var kubeconfigs = (List<Map<String, Object>>) azure.invoke("azure-native:containerservice:listManagedClusterUserCredentials",
                Map.of("resourceGroupName", "rg", "resourceName", "aks")).orElseThrow().get("kubeconfigs");
        var yaml = new String(Base64.getDecoder().decode((String) kubeconfigs.get(0).get("value")), StandardCharsets.UTF_8);
        assertThat(yaml).contains("server: https://aks-placeholder.hcp.northeurope.azmk8s.io:443")
                .contains("certificate-authority-data: " + Placeholders.CERTIFICATE_DATA);
        assertThat(azure.invoke("azure-native:storage:listStorageAccountKeys", Map.of())).as("no key is ever simulated").isEmpty();
    }
}
