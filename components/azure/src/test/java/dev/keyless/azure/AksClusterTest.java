package dev.keyless.azure;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AksClusterTest {
    private static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final String ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/94723ef2-1e58-38a0-b6a7-975ee50eb507/";

    private static RecordedDeployment deploy(AksClusterArgs args) {
        return SimulatedStack.named("aks").config("azure-native:location", "westeurope")
                .run(ctx -> new AksCluster("platform", args));
    }

    @Test
    void clusterIsSecureByDefault() {
        var cluster = deploy(AksClusterArgs.builder().build()).resource(CLUSTER, "platform-cluster");

        assertThat(cluster.input("disableLocalAccounts")).contains(true);
        assertThat(cluster.input("enableRBAC")).contains(true);
        assertThat(cluster.input("aadProfile.managed")).contains(true);
        assertThat(cluster.input("aadProfile.enableAzureRBAC")).contains(true);
        assertThat(cluster.input("aadProfile.tenantID")).contains("00000000-0000-0000-0000-000000000000");
        assertThat(cluster.input("oidcIssuerProfile.enabled")).contains(true);
        assertThat(cluster.input("securityProfile.workloadIdentity.enabled")).contains(true);
        assertThat(cluster.input("identity.type")).contains("SystemAssigned");
        assertThat(cluster.input("dnsPrefix")).contains("platform");
        assertThat(cluster.input("resourceGroupName")).contains("platform-rg-xxxxxxx");
    }

    @Test
    void systemPoolAutoscalesWithinItsBounds() {
        var cluster = deploy(AksClusterArgs.builder().kubernetesVersion("1.31")
                .systemNodePool(new NodePoolOptions("Standard_D4s_v5", 2, 3, 5)).build()).resource(CLUSTER, "platform-cluster");

        assertThat(cluster.input("kubernetesVersion")).contains("1.31");
        assertThat(cluster.input("agentPoolProfiles.0.name")).contains("system");
        assertThat(cluster.input("agentPoolProfiles.0.mode")).contains("System");
        assertThat(cluster.input("agentPoolProfiles.0.vmSize")).contains("Standard_D4s_v5");
        assertThat(cluster.input("agentPoolProfiles.0.enableAutoScaling")).contains(true);
        assertThat(cluster.input("agentPoolProfiles.0.minCount")).contains(2.0);
        assertThat(cluster.input("agentPoolProfiles.0.count")).contains(3.0);
        assertThat(cluster.input("agentPoolProfiles.0.maxCount")).contains(5.0);
    }

    @Test
    void deployerIsClusterAdminOnThisClusterOnly() {
        var deployment = deploy(AksClusterArgs.builder().build());
        var cluster = deployment.resource(CLUSTER, "platform-cluster");
        var admin = deployment.resource("azure-native:authorization:RoleAssignment", "platform-admin");

        assertThat(admin.input("scope")).contains(cluster.outputs().get("id"));
        assertThat(admin.input("principalId")).contains("55555555-5555-5555-5555-555555555555");
        assertThat(admin.input("principalType")).contains("User");
        assertThat(admin.input("roleDefinitionId")).contains("/subscriptions/22222222-2222-2222-2222-222222222222"
                + "/providers/Microsoft.Authorization/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b");
        assertThat(admin.input("roleAssignmentName")).contains(RoleAssignmentNames.of((String) cluster.outputs().get("id"),
                "55555555-5555-5555-5555-555555555555", BuiltInRoles.AKS_RBAC_CLUSTER_ADMIN));
    }

    @Test
    void aServicePrincipalDeployerIsDeclaredAsOne() {
        var admin = deploy(AksClusterArgs.builder().deployerPrincipalType("ServicePrincipal").build())
                .resource("azure-native:authorization:RoleAssignment", "platform-admin");
        assertThat(admin.input("principalType")).contains("ServicePrincipal");
    }

    @Test
    void issuerIsExactlyWhatAksReportsTrailingSlashIncluded() {
        var component = deploy(AksClusterArgs.builder().build()).resource(AksCluster.TYPE, "platform");
        assertThat(component.outputs()).containsEntry("issuerUrl", ISSUER);
    }

    @Test
    void kubeconfigIsSecretAndAuthenticatesThroughKubelogin() {
        var deployment = deploy(AksClusterArgs.builder().build());
        var kubeconfig = deployment.resource(AksCluster.TYPE, "platform").outputs().get("kubeconfig");

        assertThat(kubeconfig).isInstanceOf(SecretValue.class);
        var config = Json.parse((String) ((SecretValue) kubeconfig).plaintext());
        assertThat(config.at("/clusters/0/cluster/server").asText()).isEqualTo("https://platform-cluster-xxxxxxx-placeholder.hcp.westeurope.azmk8s.io:443");
        var exec = config.at("/users/0/user/exec");
        assertThat(exec.get("command").asText()).isEqualTo("kubelogin");
        assertThat(Json.parse(exec.get("args").toString())).isEqualTo(Json.parse(
                "[\"get-token\", \"--login\", \"azurecli\", \"--server-id\", \"6dae42f8-4368-4678-94ff-3960e28e3630\"]"));
        assertThat(config.toString()).doesNotContain("token\":").doesNotContain("client-key");
    }

    @Test
    void kubernetesProviderWaitsForTheDeployersRoleAssignment() {
        var deployment = deploy(AksClusterArgs.builder().build());
        var provider = deployment.resource("pulumi:providers:kubernetes", "platform-k8s");

        assertThat(ResourceGraph.of(deployment).waitsFor(provider, deployment.resource("azure-native:authorization:RoleAssignment", "platform-admin"))).isTrue();
        assertThat(ResourceGraph.of(deployment).waitsFor(provider, deployment.resource(CLUSTER, "platform-cluster"))).isTrue();
    }

    @Test
    void anExistingResourceGroupIsUsedAsItIs() {
        var deployment = deploy(AksClusterArgs.builder().resourceGroupName("platform").clusterName("aks-prod").dnsPrefix("aks-prod").build());

        assertThat(deployment.ofType("azure-native:resources:ResourceGroup")).isEmpty();
        assertThat(deployment.resource(CLUSTER, "platform-cluster").inputs())
                .containsEntry("resourceGroupName", "platform").containsEntry("resourceName", "aks-prod").containsEntry("dnsPrefix", "aks-prod");
    }

    @Test
    void workloadsBindToItsIssuerAndGoInItsResourceGroup() {
        var deployment = SimulatedStack.named("aks").run(ctx -> {
            var cluster = new AksCluster("platform", AksClusterArgs.builder().build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });
        var graph = ResourceGraph.of(deployment);

        assertThat(deployment.resource(EntraWorkloadIdentityTest.CREDENTIAL, "api-credential").input("issuer")).contains(ISSUER);
        assertThat(deployment.resource(EntraWorkloadIdentityTest.IDENTITY, "api-identity").input("resourceGroupName")).contains("platform-rg-xxxxxxx");
        var namespace = deployment.resource("kubernetes:core/v1:Namespace", "platform-ns-shop");
        assertThat(graph.waitsFor(namespace, deployment.resource(CLUSTER, "platform-cluster"))).isTrue();
        assertThat(namespace.providerUrn()).isEqualTo(deployment.resource("pulumi:providers:kubernetes", "platform-k8s").urn());
        assertThat(deployment.ofType(AksCluster.TYPE)).hasSize(1);
        assertThat(List.of(graph.parentOf(deployment.resource(CLUSTER, "platform-cluster")).name())).containsExactly("platform");
    }
}
