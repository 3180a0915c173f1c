package dev.keyless.azure;

import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntraWorkloadIdentityTest {
    static final String IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
    static final String CREDENTIAL = "azure-native:managedidentity:FederatedIdentityCredential";
    static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    static final String SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";
    static final String PRINCIPAL = "44444444-4444-4444-4444-444444444444";

    private static RecordedDeployment deploy(FederatedServiceAccountArgs.Builder args) {
        return SimulatedStack.named("entra").run(ctx ->
                new FederatedServiceAccount("api", args.cluster(TestClusters.green()).build()));
    }

    private static FederatedServiceAccountArgs.Builder shop() {
        return FederatedServiceAccountArgs.builder().namespace("shop").name("api");
    }

    @Test
    void credentialTrustsExactlyOneServiceAccountWithTheExchangeAudience() {
        var deployment = deploy(shop());

        var credential = deployment.resource(CREDENTIAL, "api-credential");
        assertThat(credential.inputs())
                .containsEntry("issuer", TestClusters.ISSUER)
                .containsEntry("subject", "system:serviceaccount:shop:api")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceName", "api-identity-xxxxxxx")
                .containsEntry("resourceGroupName", "shop-rg");
        assertThat(deployment.ofType(CREDENTIAL)).hasSize(1);
    }

    @Test
    void identityGoesInTheClustersResourceGroupTaggedWithItsWorkload() {
        var identity = deploy(shop()).resource(IDENTITY, "api-identity");

        assertThat(identity.input("resourceGroupName")).contains("shop-rg");
        assertThat(identity.input("tags")).contains(Map.of(
                "keyless-kubernetes-namespace", "shop", "keyless-kubernetes-service-account", "api"));
    }

    @Test
    void serviceAccountNamesTheClientAndTenantAndPodsCarryTheUseLabel() {
        var deployment = deploy(shop());

        var sa = deployment.resource(SERVICE_ACCOUNT, "api-sa");
        assertThat(sa.input("metadata.annotations")).contains(Map.of(
                "azure.workload.identity/client-id", "33333333-3333-3333-3333-333333333333",
                "azure.workload.identity/tenant-id", "00000000-0000-0000-0000-000000000000"));
        assertThat(sa.input("automountServiceAccountToken")).contains(false);
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("podLabels", Map.of("azure.workload.identity/use", "true"))
                .containsEntry("podEnv", Map.of())
                .containsEntry("nodeSelector", Map.of())
                .containsEntry("identity", "33333333-3333-3333-3333-333333333333");
    }

    @Test
    void blobGrantIsOneRoleAssignmentOnTheContainerOnly() {
        var deployment = SimulatedStack.named("entra").run(ctx -> {
            var charts = new BlobContainer("charts", BlobContainerArgs.builder()
                    .resourceGroupName("data-rg").accountName("chartsacct").containerName("charts").build());
            new FederatedServiceAccount("api", shop().cluster(TestClusters.green()).grant(BlobAccess.readWrite(charts)).build());
        });

        var scope = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/data-rg/providers/Microsoft.Storage/storageAccounts/chartsacct"
                + "/blobServices/default/containers/charts";
        var assignment = deployment.resource(ROLE_ASSIGNMENT, "api-grant-charts-contributor");
        assertThat(assignment.inputs())
                .containsEntry("scope", scope)
                .containsEntry("roleDefinitionId", "/subscriptions/" + SUBSCRIPTION
                        + "/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe")
                .containsEntry("principalId", PRINCIPAL)
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("roleAssignmentName", RoleAssignmentNames.of(scope, PRINCIPAL, BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR));
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(1);
    }

    @Test
    void readOnlyByNamesAssignsTheReaderRoleInTheDeployingSubscription() {
        var deployment = deploy(shop().grant(BlobAccess.readOnly("reports-rg", "reportsacct", "monthly")));

        var assignment = deployment.resource(ROLE_ASSIGNMENT, "api-grant-reportsacct-monthly-reader");
        assertThat(assignment.input("scope")).contains("/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/reports-rg/providers/Microsoft.Storage/storageAccounts/reportsacct/blobServices/default/containers/monthly");
        assertThat(assignment.input("roleDefinitionId")).contains("/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");
    }

    @Test
    void serviceAccountWaitsForTheCredentialAndEveryRoleAssignment() {
        var deployment = deploy(shop().grant(BlobAccess.readWrite("data-rg", "chartsacct", "charts"))
                .grant(BlobAccess.readOnly("data-rg", "chartsacct", "archive")));
        var graph = ResourceGraph.of(deployment);
        var sa = deployment.resource(SERVICE_ACCOUNT, "api-sa");

        assertThat(graph.waitsFor(sa, deployment.resource(CREDENTIAL, "api-credential"))).isTrue();
        for (var assignment : deployment.ofType(ROLE_ASSIGNMENT)) {
            assertThat(graph.waitsFor(sa, assignment)).as(assignment.name()).isTrue();
        }
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(2);
    }

    @Test
    void childrenHangUnderTheComponent() {
        var deployment = deploy(shop().grant(BlobAccess.readWrite("data-rg", "chartsacct", "charts")));
        var graph = ResourceGraph.of(deployment);
        var component = deployment.resource(FederatedServiceAccount.TYPE, "api");

        for (var child : List.of(deployment.resource(IDENTITY, "api-identity"), deployment.resource(CREDENTIAL, "api-credential"),
                deployment.resource(ROLE_ASSIGNMENT, "api-grant-chartsacct-charts-contributor"), deployment.resource(SERVICE_ACCOUNT, "api-sa"))) {
            assertThat(graph.parentOf(child).urn()).as(child.name()).isEqualTo(component.urn());
        }
    }

    @Test
    void otherClustersGetOneCredentialEachCreatedOneAfterAnother() {
        var deployment = SimulatedStack.named("entra").run(ctx -> new FederatedServiceAccount("api", shop()
                .cluster(TestClusters.green())
                .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(TestClusters.blue()).build())
                .build()));

        var home = deployment.resource(CREDENTIAL, "api-credential");
        var blue = deployment.resource(CREDENTIAL, "api-credential-blue");
        assertThat(blue.inputs()).containsEntry("issuer", TestClusters.OTHER_ISSUER)
                .containsEntry("subject", "system:serviceaccount:shop:api")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"));
        assertThat(ResourceGraph.of(deployment).waitsFor(blue, home)).isTrue();
        assertThat(ResourceGraph.of(deployment).waitsFor(deployment.resource(SERVICE_ACCOUNT, "api-sa"), blue)).isTrue();
    }

    @Test
    void namesGivenReachTheIdentityAndCredentials() {
        var deployment = SimulatedStack.named("entra").run(ctx -> new FederatedServiceAccount("api", shop()
                .cluster(TestClusters.green())
                .identity(EntraWorkloadIdentity.builder().identityName("shop-api").credentialName("shop-api")
                        .resourceGroupName("identities-rg").alsoTrustedBy(TestClusters.blue()).build())
                .build()));

        assertThat(deployment.resource(IDENTITY, "api-identity").inputs())
                .containsEntry("resourceName", "shop-api").containsEntry("resourceGroupName", "identities-rg");
        assertThat(deployment.resource(CREDENTIAL, "api-credential").input("federatedIdentityCredentialResourceName")).contains("shop-api");
        assertThat(deployment.resource(CREDENTIAL, "api-credential-blue").input("federatedIdentityCredentialResourceName")).contains("shop-api-blue");
    }

    @Test
    void componentsSharingAnExistingIdentityAddCredentialsInProgramOrder() {
        var deployment = SimulatedStack.named("entra").run(ctx -> {
            var cluster = TestClusters.green();
            var team = SharedManagedIdentity.existing("/subscriptions/" + SUBSCRIPTION
                    + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop");
            for (var name : List.of("api", "worker", "cron")) {
                new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(name)
                        .identity(EntraWorkloadIdentity.builder().existingIdentity(team).build()).build());
            }
        });
        var graph = ResourceGraph.of(deployment);

        assertThat(deployment.ofType(IDENTITY)).as("only read, never created").allMatch(r -> r.read());
        var api = deployment.resource(CREDENTIAL, "api-credential");
        var worker = deployment.resource(CREDENTIAL, "worker-credential");
        var cron = deployment.resource(CREDENTIAL, "cron-credential");
        assertThat(worker.inputs()).containsEntry("resourceName", "shop").containsEntry("resourceGroupName", "team-rg")
                .containsEntry("subject", "system:serviceaccount:shop:worker");
        assertThat(graph.waitsFor(worker, api)).isTrue();
        assertThat(graph.waitsFor(cron, worker)).isTrue();
        assertThat(graph.waitsFor(api, worker)).isFalse();
    }
}
