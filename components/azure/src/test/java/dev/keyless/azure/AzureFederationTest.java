package dev.keyless.azure;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.ProviderArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.PodNeeds;
import dev.keyless.core.ProjectedToken;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.PRINCIPAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SERVICE_ACCOUNT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

/** A workload on a cluster of another cloud with Azure grants: federated into Azure by default. */
class AzureFederationTest {
    private static final String CONTAINER_SCOPE = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/reports-rg/providers/Microsoft.Storage/storageAccounts/reportsacct/blobServices/default/containers/daily";

    private static FederatedServiceAccountArgs.Builder exporter(OidcCluster cluster) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("reports").name("exporter")
                .grant(BlobAccess.readOnly("reports-rg", "reportsacct", "daily"));
    }

    private static RecordedDeployment deploy(Function<OidcCluster, FederatedServiceAccountArgs.Builder> args) {
        return SimulatedStack.named("federation").run(ctx ->
                new FederatedServiceAccount("exporter", args.apply(ForeignCluster.eks()).build()));
    }

    @Test
    void credentialTrustsTheEksIssuerByteForByteForOneSubjectAndTheExchangeAudience() {
        var deployment = deploy(AzureFederationTest::exporter);

        var credential = deployment.resource(CREDENTIAL, "exporter-credential");
        assertThat(credential.inputs())
                .containsEntry("issuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E")
                .containsEntry("subject", "system:serviceaccount:reports:exporter")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceName", "exporter-identity-xxxxxxx")
                .containsEntry("resourceGroupName", "reports-rg");
        assertThat(deployment.ofType(CREDENTIAL)).hasSize(1);
    }

    @Test
    void aGkeIssuerIsTrustedAsItStatesItWithNoSlashAdded() {
        var deployment = SimulatedStack.named("federation").run(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.withIssuer("platform", ForeignCluster.GKE_ISSUER)).build()));

        assertThat(deployment.resource(CREDENTIAL, "exporter-credential").input("issuer"))
                .contains("https://container.googleapis.com/v1/projects/shop-prod/locations/europe-west1/clusters/platform");
    }

    @Test
    void identityGoesInTheGrantsResourceGroupTaggedWithItsWorkloadWithAzureNativesDefaultLocation() {
        var identity = deploy(AzureFederationTest::exporter).resource(IDENTITY, "exporter-identity");

        assertThat(identity.inputs())
                .containsEntry("resourceGroupName", "reports-rg")
                .containsEntry("tags", Map.of("keyless-kubernetes-namespace", "reports", "keyless-kubernetes-service-account", "exporter"))
                .doesNotContainKey("location")
                .doesNotContainKey("resourceName");
    }

    @Test
    void optionsReachTheIdentityAndCredential() {
        var deployment = deploy(cluster -> exporter(cluster).mechanism(AzureFederation.builder()
                .resourceGroupName("identities-rg").location("northeurope").identityName("reports-exporter")
                .credentialName("eks-blue").build()));

        assertThat(deployment.resource(IDENTITY, "exporter-identity").inputs())
                .containsEntry("resourceGroupName", "identities-rg")
                .containsEntry("location", "northeurope")
                .containsEntry("resourceName", "reports-exporter");
        assertThat(deployment.resource(CREDENTIAL, "exporter-credential").inputs())
                .containsEntry("resourceGroupName", "identities-rg")
                .containsEntry("resourceName", "reports-exporter")
                .containsEntry("federatedIdentityCredentialResourceName", "eks-blue");
    }

    @Test
    void blobGrantIsOneRoleAssignmentOnTheContainerForTheIdentitysPrincipal() {
        var deployment = deploy(AzureFederationTest::exporter);

        var assignment = deployment.resource(ROLE_ASSIGNMENT, "exporter-grant-reportsacct-daily-reader");
        assertThat(assignment.inputs())
                .containsEntry("scope", CONTAINER_SCOPE)
                .containsEntry("roleDefinitionId", "/subscriptions/" + SUBSCRIPTION
                        + "/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1")
                .containsEntry("principalId", PRINCIPAL)
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("roleAssignmentName", RoleAssignmentNames.of(CONTAINER_SCOPE, PRINCIPAL, BuiltInRoles.STORAGE_BLOB_DATA_READER));
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(1);
    }

    @Test
    void podsGetTheProjectedTokenAndEveryAzureVariableAndNoWebhookLabelOrAnnotation() {
        var needs = new AtomicReference<PodNeeds>();
        var deployment = SimulatedStack.named("federation").run(ctx ->
                needs.set(new FederatedServiceAccount("exporter", exporter(ForeignCluster.eks()).build()).podNeeds()));

        assertThat(needs.get().tokens()).containsExactly(new ProjectedToken("azure-identity-token", "api://AzureADTokenExchange",
                "/var/run/secrets/azure/tokens", "azure-identity-token", 3600));
        assertThat(needs.get().labels()).isEmpty();
        assertThat(needs.get().nodeSelector()).isEmpty();
        assertThat(needs.get().files()).isEmpty();
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "exporter").outputs())
                .containsEntry("podEnv", Map.of(
                        "AZURE_CLIENT_ID", "33333333-3333-3333-3333-333333333333",
                        "AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000000",
                        "AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token",
                        "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/"))
                .containsEntry("podLabels", Map.of())
                .containsEntry("identities", Map.of("azure", "33333333-3333-3333-3333-333333333333"));
        assertThat(deployment.resource(SERVICE_ACCOUNT, "exporter-sa").input("metadata.annotations")).contains(Map.of());
    }

    @Test
    void aSovereignCloudsAuthorityReachesThePods() {
        var deployment = deploy(cluster -> exporter(cluster).mechanism(AzureFederation.builder()
                .authorityHost("https://login.microsoftonline.us/").build()));

        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "exporter").outputs().get("podEnv"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/");
    }

    @Test
    void serviceAccountWaitsForTheCredentialAndTheRoleAssignmentWhichWaitForTheIdentity() {
        var deployment = deploy(cluster -> exporter(cluster).grant(BlobAccess.readWrite("reports-rg", "reportsacct", "monthly")));
        var graph = ResourceGraph.of(deployment);
        var identity = deployment.resource(IDENTITY, "exporter-identity");
        var credential = deployment.resource(CREDENTIAL, "exporter-credential");
        var sa = deployment.resource(SERVICE_ACCOUNT, "exporter-sa");

        assertThat(graph.waitsFor(credential, identity)).isTrue();
        assertThat(graph.waitsFor(sa, credential)).isTrue();
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(2);
        for (var assignment : deployment.ofType(ROLE_ASSIGNMENT)) {
            assertThat(graph.waitsFor(assignment, identity)).as(assignment.name()).isTrue();
            assertThat(graph.waitsFor(sa, assignment)).as(assignment.name()).isTrue();
        }
    }

    @Test
    void childrenHangUnderTheWorkloadComponent() {
        var deployment = deploy(AzureFederationTest::exporter);
        var graph = ResourceGraph.of(deployment);
        var component = deployment.resource(FederatedServiceAccount.TYPE, "exporter");

        for (var child : List.of(deployment.resource(IDENTITY, "exporter-identity"), deployment.resource(CREDENTIAL, "exporter-credential"),
                deployment.resource(ROLE_ASSIGNMENT, "exporter-grant-reportsacct-daily-reader"), deployment.resource(SERVICE_ACCOUNT, "exporter-sa"))) {
            assertThat(graph.parentOf(child).urn()).as(child.name()).isEqualTo(component.urn());
        }
    }

    @Test
    void credentialsOnASharedIdentityFromAksAndFromAnotherCloudAreCreatedOneAfterAnother() {
        var deployment = SimulatedStack.named("federation").run(ctx -> {
            var team = SharedManagedIdentity.existing("/subscriptions/" + SUBSCRIPTION
                    + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop");
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green())
                    .namespace("shop").name("api").mechanism(EntraWorkloadIdentity.builder().existingIdentity(team).build()).build());
            var eks = ForeignCluster.eks();
            for (var name : List.of("exporter", "importer")) {
                new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(eks).namespace("reports").name(name)
                        .mechanism(AzureFederation.builder().existingIdentity(team).build()).build());
            }
        });
        var graph = ResourceGraph.of(deployment);
        var api = deployment.resource(CREDENTIAL, "api-credential");
        var exporter = deployment.resource(CREDENTIAL, "exporter-credential");
        var importer = deployment.resource(CREDENTIAL, "importer-credential");

        assertThat(exporter.inputs()).containsEntry("resourceName", "shop").containsEntry("resourceGroupName", "team-rg")
                .containsEntry("issuer", ForeignCluster.EKS_ISSUER)
                .containsEntry("subject", "system:serviceaccount:reports:exporter");
        assertThat(graph.waitsFor(exporter, api)).isTrue();
        assertThat(graph.waitsFor(importer, exporter)).isTrue();
        assertThat(graph.waitsFor(api, exporter)).isFalse();
        assertThat(deployment.ofType(IDENTITY)).as("only read, never created").allMatch(r -> r.read());
    }

    @Test
    void anIssuerKnownOnlyAtDeployTimeIsTrustedOnceKnown() {
        var deployment = SimulatedStack.named("federation").run(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.withIssuerOnceKnown("blue", ForeignCluster.EKS_ISSUER)).build()));

        assertThat(deployment.resource(CREDENTIAL, "exporter-credential").input("issuer")).contains(ForeignCluster.EKS_ISSUER);
    }

    @Test
    void anExplicitProviderCarriesTheIdentityCredentialAndRoleAssignment() {
        var deployment = SimulatedStack.named("federation").run(ctx -> {
            var other = new Provider("other-subscription", ProviderArgs.builder().subscriptionId(SUBSCRIPTION).build());
            new FederatedServiceAccount("exporter", exporter(ForeignCluster.eks())
                    .mechanism(AzureFederation.builder().provider(other).build()).build());
        });
        var provider = deployment.resource("pulumi:providers:azure-native", "other-subscription").urn();

        for (var child : List.of(deployment.resource(IDENTITY, "exporter-identity"), deployment.resource(CREDENTIAL, "exporter-credential"),
                deployment.resource(ROLE_ASSIGNMENT, "exporter-grant-reportsacct-daily-reader"))) {
            assertThat(child.providerReference()).as(child.name()).startsWith(provider + "::");
        }
    }

    @Test
    void azuresDefaultFederationIsAzureFederation() {
        assertThat(AzureCloud.CLOUD.federation()).isInstanceOf(AzureFederation.class);
    }
}
