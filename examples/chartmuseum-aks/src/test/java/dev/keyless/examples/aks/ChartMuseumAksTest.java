package dev.keyless.examples.aks;

import dev.keyless.azure.AksCluster;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it: each security fact a reviewer checks. */
class ChartMuseumAksTest {
    private static final String SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";
    private static final String ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/94723ef2-1e58-38a0-b6a7-975ee50eb507/";
    private static final String CLIENT_ID = "33333333-3333-3333-3333-333333333333";
    private static final String ACCOUNT = "chartsxxxxxxx";
    private static final String CONTAINER = "charts-xxxxxxx";
    private static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    private static final String RESOURCE_GROUP = "azure-native:resources:ResourceGroup";
    private static final String CHARTS_GROUP = "charts-rg-xxxxxxx";

    private static SimulatedStack devStack() {
        return SimulatedStack.fromProject(Path.of(""), "dev");
    }

    private static RecordedDeployment deploy(SimulatedStack stack) {
        return stack.run(App::stack);
    }

    private static RegisteredResource release(RecordedDeployment deployment) {
        return deployment.resource("kubernetes:helm.sh/v3:Release", "chartmuseum");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sidecar(RecordedDeployment deployment) {
        return (Map<String, Object>) release(deployment).input("values.deployment.sidecarContainers.s3proxy").orElseThrow();
    }

    @Test
    void storageAccountAdmitsNoKeyAndKeepsEveryVersion() {
        var deployment = deploy(devStack());
        var account = deployment.resource("azure-native:storage:StorageAccount", "charts");

        assertThat(account.inputs())
                .containsEntry("allowSharedKeyAccess", false)
                .containsEntry("defaultToOAuthAuthentication", true)
                .containsEntry("allowBlobPublicAccess", false)
                .containsEntry("enableHttpsTrafficOnly", true)
                .containsEntry("minimumTlsVersion", "TLS1_2")
                .containsEntry("allowCrossTenantReplication", false);
        assertThat(account.retainOnDelete()).isTrue();
        var blobService = deployment.resource("azure-native:storage:BlobServiceProperties", "charts-blob-service");
        assertThat(blobService.inputs()).containsEntry("isVersioningEnabled", true)
                .containsEntry("deleteRetentionPolicy", Map.of("enabled", true, "days", 7.0))
                .containsEntry("containerDeleteRetentionPolicy", Map.of("enabled", true, "days", 7.0));
        var container = deployment.resource("azure-native:storage:BlobContainer", "charts");
        assertThat(container.input("publicAccess")).contains("None");
        assertThat(container.retainOnDelete()).isTrue();
        assertThat(ResourceGraph.of(deployment).waitsFor(container, blobService)).as("protected before anything is stored").isTrue();
    }

    @Test
    void storageLivesInAProtectedResourceGroupOfItsOwnSoDeletingTheClustersGroupKeepsIt() {
        var deployment = deploy(devStack());
        var chartsGroup = deployment.resource(RESOURCE_GROUP, "charts-rg");
        var clusterGroup = deployment.resource(RESOURCE_GROUP, "platform-rg");

        assertThat(chartsGroup.protect()).isTrue();
        assertThat(chartsGroup.retainOnDelete()).isTrue();
        assertThat(chartsGroup.parentUrn()).as("top level, outside the cluster component").isEqualTo(deployment.ofType(RegisteredResource.STACK_TYPE).get(0).urn());
        assertThat(chartsGroup.outputs()).containsEntry("name", CHARTS_GROUP).containsEntry("location", "westeurope");
        var account = deployment.resource("azure-native:storage:StorageAccount", "charts");
        assertThat(account.inputs()).containsEntry("resourceGroupName", CHARTS_GROUP);
        assertThat(ResourceGraph.of(deployment).waitsFor(account, chartsGroup)).isTrue();
        assertThat(deployment.resource("azure-native:storage:BlobServiceProperties", "charts-blob-service").inputs())
                .containsEntry("resourceGroupName", CHARTS_GROUP);
        assertThat(deployment.resource("azure-native:storage:BlobContainer", "charts").inputs())
                .containsEntry("resourceGroupName", CHARTS_GROUP);
        // Nothing of the store is in the cluster's group, which a destroy of the cluster deletes whole.
        assertThat(clusterGroup.outputs().get("name")).isEqualTo("platform-rg-xxxxxxx").isNotEqualTo(CHARTS_GROUP);
        assertThat(clusterGroup.protect()).isFalse();
        assertThat(deployment.resources()).filteredOn(r -> r.type().startsWith("azure-native:storage:"))
                .allSatisfy(r -> assertThat(r.input("resourceGroupName")).contains(CHARTS_GROUP));
    }

    @Test
    void storageKeepsTheUrnsItHadInTheClustersGroup() {
        var deployment = deploy(devStack());

        // The account and container now sit under their store component; each is aliased to the URN
        // it had before, so the engine moves their state instead of replacing them.
        var account = deployment.resource("azure-native:storage:StorageAccount", "charts");
        assertThat(account.urn())
                .isEqualTo("urn:pulumi:dev::chartmuseum-aks::keyless:azure:ProtectedBlobContainer$azure-native:storage:StorageAccount::charts");
        assertThat(account.aliases()).contains("urn:pulumi:dev::chartmuseum-aks::azure-native:storage:StorageAccount::charts");
        var container = deployment.resource("azure-native:storage:BlobContainer", "charts");
        assertThat(container.aliases())
                .contains("urn:pulumi:dev::chartmuseum-aks::azure-native:storage:StorageAccount$azure-native:storage:BlobContainer::charts");
    }

    @Test
    void destroyingTheStackCanDeleteTheStorageOnlyWhenTheUserOptsOut() {
        var deployment = deploy(devStack().config("retainChartsOnDestroy", "false"));
        assertThat(deployment.resource(RESOURCE_GROUP, "charts-rg").protect()).isFalse();
        assertThat(deployment.resource(RESOURCE_GROUP, "charts-rg").retainOnDelete()).isFalse();
        assertThat(deployment.resource("azure-native:storage:StorageAccount", "charts").retainOnDelete()).isFalse();
        assertThat(deployment.resource("azure-native:storage:BlobContainer", "charts").retainOnDelete()).isFalse();
    }

    @Test
    void identityTrustsOnlyTheChartMuseumServiceAccount() {
        var deployment = deploy(devStack());

        assertThat(deployment.ofType("azure-native:managedidentity:FederatedIdentityCredential")).hasSize(1);
        assertThat(deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "chartmuseum-credential").inputs())
                .containsEntry("issuer", ISSUER)
                .containsEntry("subject", "system:serviceaccount:chartmuseum:chartmuseum")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceName", "chartmuseum-identity-xxxxxxx");
    }

    @Test
    void everyRoleAssignmentHasTheNarrowestScope() {
        var deployment = deploy(devStack());
        var containerId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + CHARTS_GROUP + "/providers/Microsoft.Storage/storageAccounts/"
                + ACCOUNT + "/blobServices/default/containers/" + CONTAINER;

        var grant = deployment.resource(ROLE_ASSIGNMENT, "chartmuseum-grant-charts-contributor");
        assertThat(grant.inputs()).containsEntry("scope", containerId)
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("principalId", "44444444-4444-4444-4444-444444444444")
                .containsEntry("roleDefinitionId", "/subscriptions/" + SUBSCRIPTION
                        + "/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe");
        var clusterId = deployment.resource("azure-native:containerservice:ManagedCluster", "platform-cluster").outputs().get("id");
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "platform-admin").input("scope")).contains(clusterId);
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("chartmuseum-grant-charts-contributor", "platform-admin");
    }

    @Test
    void serviceAccountIsAnnotatedAndPodsCarryTheUseLabel() {
        var deployment = deploy(devStack());
        var sa = deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa");

        assertThat(sa.input("metadata.annotations")).contains(Map.of(
                "azure.workload.identity/client-id", CLIENT_ID,
                "azure.workload.identity/tenant-id", "00000000-0000-0000-0000-000000000000"));
        assertThat(sa.input("automountServiceAccountToken")).contains(false);
        assertThat(release(deployment).input("values.podLabels")).contains(Map.of("azure.workload.identity/use", "true"));
    }

    @Test
    void chartMuseumTalksS3ToTheSidecarOnLoopback() {
        var release = release(deploy(devStack()));

        assertThat(release.inputs()).containsEntry("chart", "chartmuseum").containsEntry("version", "3.10.4")
                .containsEntry("namespace", "chartmuseum").containsEntry("createNamespace", false);
        assertThat(release.input("values.env.open")).contains(Map.of(
                "STORAGE", "amazon",
                "STORAGE_AMAZON_BUCKET", CONTAINER,
                "STORAGE_AMAZON_REGION", "us-east-1",
                "STORAGE_AMAZON_ENDPOINT", "http://127.0.0.1:9000",
                "STORAGE_AMAZON_PREFIX", "charts/",
                "AWS_ACCESS_KEY_ID", ChartMuseumRelease.LOOPBACK_SIGNING_VALUE,
                "AWS_SECRET_ACCESS_KEY", ChartMuseumRelease.LOOPBACK_SIGNING_VALUE,
                "DISABLE_API", false));
        assertThat(release.input("values.serviceAccount")).contains(Map.of(
                "create", false, "name", "chartmuseum", "automountServiceAccountToken", false));
        assertThat(release.input("values.image.tag")).contains("v0.16.5");
        assertThat(release.input("values.service.type")).contains("ClusterIP");
    }

    @Test
    void sidecarReachesBlobAsTheWorkloadIdentityAndListensOnLoopbackOnly() {
        var sidecar = sidecar(deploy(devStack()));

        assertThat(sidecar.get("image")).isEqualTo("andrewgaul/s3proxy:s3proxy-4.0.0");
        assertThat(sidecar.get("env")).isEqualTo(List.of(
                Map.of("name", "JCLOUDS_PROVIDER", "value", "azureblob-sdk"),
                Map.of("name", "JCLOUDS_ENDPOINT", "value", "https://" + ACCOUNT + ".blob.core.windows.net"),
                Map.of("name", "JCLOUDS_IDENTITY", "value", ""),
                Map.of("name", "JCLOUDS_CREDENTIAL", "value", ""),
                Map.of("name", "S3PROXY_ENDPOINT", "value", "http://127.0.0.1:9000"),
                Map.of("name", "S3PROXY_AUTHORIZATION", "value", "none")));
        assertThat(sidecar).doesNotContainKey("ports");
    }

    @Test
    void podIsReadyOnlyWhenTheSidecarAnswersOnLoopback() {
        var sidecar = sidecar(deploy(devStack()));

        assertThat(sidecar.get("readinessProbe")).isEqualTo(Map.of(
                "exec", Map.of("command", List.of("bash", "-c",
                        "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '")),
                "periodSeconds", 2.0,
                "failureThreshold", 3.0));
    }

    @Test
    void releaseWaitsLongEnoughForAzureToPropagateTheGrantBeforeRollingBack() {
        var release = release(deploy(devStack()));

        assertThat(release.inputs()).containsEntry("atomic", true).containsEntry("timeout", 1200.0);
    }

    @Test
    void resourcesLandOnTheSidecarTheyAreMeantFor() {
        var deployment = deploy(devStack());

        // The chart renders top-level resources after the sidecars, onto the last of them.
        assertThat(release(deployment).input("values.resources")).isEmpty();
        assertThat(sidecar(deployment).get("resources")).isEqualTo(Map.of(
                "requests", Map.of("cpu", "100m", "memory", "512Mi"), "limits", Map.of("memory", "512Mi")));
    }

    @Test
    void noStorageKeyOrSecretExistsAnywhere() {
        var deployment = deploy(devStack());

        assertThat(deployment.ofType("kubernetes:core/v1:Secret")).isEmpty();
        for (var resource : deployment.resources()) {
            var text = String.valueOf(resource.inputs());
            assertThat(text).as(resource.name()).doesNotContain("AccountKey").doesNotContain("AZURE_STORAGE_ACCESS_KEY")
                    .doesNotContain("AZURE_STORAGE_CONNECTION_STRING").doesNotContain("AZURE_CLIENT_SECRET").doesNotContain("sig=");
        }
    }

    @Test
    void releaseWaitsForTheServiceAccountCredentialAndGrant() {
        var deployment = deploy(devStack());
        var release = release(deployment);
        var graph = ResourceGraph.of(deployment);

        assertThat(release.providerUrn()).isEqualTo(deployment.resource("pulumi:providers:kubernetes", "platform-k8s").urn());
        assertThat(graph.waitsForTransitively(release, deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa"))).isTrue();
        assertThat(graph.waitsForTransitively(release, deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "chartmuseum-credential"))).isTrue();
        assertThat(graph.waitsForTransitively(release, deployment.resource(ROLE_ASSIGNMENT, "chartmuseum-grant-charts-contributor"))).isTrue();
    }

    @Test
    void exportsTheAddressesAndKeepsTheKubeconfigSecret() {
        var outputs = deploy(devStack()).stackOutputs();

        assertThat(outputs.get("kubeconfig")).isInstanceOf(SecretValue.class);
        assertThat(outputs).containsEntry("storageAccountName", ACCOUNT)
                .containsEntry("containerName", CONTAINER)
                .containsEntry("clientId", CLIENT_ID)
                .containsEntry("clusterName", "platform-cluster-xxxxxxx")
                .containsEntry("serviceAddress", "http://chartmuseum.chartmuseum.svc.cluster.local:8080");
    }

    @Test
    void componentsAreTheOnesTheReadmeDescribes() {
        var deployment = deploy(devStack());
        assertThat(deployment.ofType(AksCluster.TYPE)).hasSize(1);
        assertThat(deployment.ofType(FederatedServiceAccount.TYPE)).hasSize(1);
    }

    @Test
    void badSettingsStopThePreviewBeforeAnythingIsCreated() {
        var namespace = devStack().config("namespace", "Charts").runExpectingFailure(App::stack);
        assertThat(namespace.message()).startsWith("namespace must be a DNS-1123 label");
        assertThat(namespace.registeredBesidesStack()).isEmpty();

        var prefix = devStack().config("storagePrefix", "/charts").runExpectingFailure(App::stack);
        assertThat(prefix.message()).isEqualTo("storagePrefix must be a blob name prefix without a leading '/' or '..': '/charts'");
        assertThat(prefix.registeredBesidesStack()).isEmpty();
    }
}
