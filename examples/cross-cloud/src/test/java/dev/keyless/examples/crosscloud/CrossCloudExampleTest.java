package dev.keyless.examples.crosscloud;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it: one workload, three clouds, each trust exact. */
class CrossCloudExampleTest {
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String SUBJECT = "system:serviceaccount:reports:exporter";
    private static final String POOL = "keyless-bbd88d245748";
    private static final String PRINCIPAL = "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
            + POOL + "/subject/" + SUBJECT;

    private static RecordedDeployment deploy() {
        return SimulatedStack.fromProject(Path.of(""), "dev").run(App::stack);
    }

    @Test
    void theS3PrefixIsWrittenThroughIrsaTrustingExactlyTheServiceAccount() {
        var deployment = deploy();
        var trust = deployment.resource("aws:iam/role:Role", "exporter-role").input("assumeRolePolicy").orElseThrow();
        var hostPath = ISSUER.substring("https://".length());

        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/%s"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"%s:sub": "%s", "%s:aud": "sts.amazonaws.com"}}}}
                """.formatted(hostPath, hostPath, SUBJECT, hostPath)));
        // The role carries its grants as its one inline policy.
        assertThat(deployment.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        var policy = deployment.resource("aws:iam/role:Role", "exporter-role").input("inlinePolicies.0.policy").orElseThrow();
        assertThat(Json.parse(policy)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-report-exports",
                   "Condition": {"StringLike": {"s3:prefix": ["exporter/*", "exporter"]}}},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                   "Resource": "arn:aws:s3:::acme-report-exports/exporter/*"}]}
                """));
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "exporter-sa").input("metadata.annotations"))
                .contains(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/exporter-role-xxxxxxx"));
    }

    @Test
    void theGcsBucketIsReadThroughAPoolProviderAdmittingOnlyTheServiceAccount() {
        var deployment = deploy();
        var graph = ResourceGraph.of(deployment);
        var pool = deployment.resource("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "reports-gcp-pool");
        var provider = deployment.resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "exporter-gcp-provider");

        assertThat(pool.protect()).isTrue();
        assertThat(graph.parentOf(pool).name()).isEqualTo("reports");
        assertThat(pool.inputs()).containsEntry("workloadIdentityPoolId", POOL).containsEntry("project", "acme-analytics");
        assertThat(provider.inputs())
                .containsEntry("workloadIdentityPoolId", POOL)
                .containsEntry("workloadIdentityPoolProviderId", "reports-exporter")
                .containsEntry("attributeMapping", Map.of("google.subject", "assertion.sub"))
                .containsEntry("attributeCondition", "assertion.sub == '" + SUBJECT + "'");
        assertThat(provider.input("oidc.issuerUri")).contains(ISSUER);
        assertThat(graph.waitsFor(provider, pool)).isTrue();
        var member = deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "exporter-grant-acme-analytics-results-read-only");
        assertThat(member.inputs()).containsEntry("bucket", "acme-analytics-results")
                .containsEntry("member", PRINCIPAL).containsEntry("role", "roles/storage.objectViewer");
    }

    @Test
    void googlesCredentialConfigurationIsAConfigMapForTheProvider() {
        var configMap = deploy().resource("kubernetes:core/v1:ConfigMap", "exporter-gcp-credentials");
        Map<Object, Object> data = Map.copyOf((Map<?, ?>) configMap.input("data").orElseThrow());
        assertThat(data).containsOnlyKeys("credentials.json");
        var file = Json.parse(data.get("credentials.json"));

        assertThat(configMap.input("metadata.namespace")).contains("reports");
        assertThat(file.get("type").asText()).isEqualTo("external_account");
        assertThat(file.get("audience").asText()).isEqualTo(
                "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/" + POOL + "/providers/reports-exporter");
        assertThat(file.get("subject_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:jwt");
        assertThat(file.get("token_url").asText()).isEqualTo("https://sts.googleapis.com/v1/token");
        assertThat(file.at("/credential_source/file").asText()).isEqualTo("/var/run/secrets/keyless/gcp/token");
        assertThat(file.at("/credential_source/format/type").asText()).isEqualTo("text");
        assertThat(file.has("service_account_impersonation_url")).isFalse();
    }

    @Test
    void theBlobContainerIsReadThroughAManagedIdentityTrustingTheEksIssuerAsItStatesIt() {
        var deployment = deploy();
        var credential = deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "exporter-credential");
        var assignment = deployment.resource("azure-native:authorization:RoleAssignment", "exporter-grant-acmefinance-ledgers-reader");

        assertThat(credential.inputs())
                .containsEntry("issuer", ISSUER)
                .containsEntry("subject", SUBJECT)
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceGroupName", "finance-data");
        assertThat(deployment.resource("azure-native:managedidentity:UserAssignedIdentity", "exporter-identity").inputs())
                .containsEntry("resourceGroupName", "finance-data");
        assertThat(assignment.inputs())
                .containsEntry("scope", "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/finance-data/providers/"
                        + "Microsoft.Storage/storageAccounts/acmefinance/blobServices/default/containers/ledgers")
                .containsEntry("principalType", "ServicePrincipal")
                .containsEntry("roleDefinitionId", "/subscriptions/22222222-2222-2222-2222-222222222222/providers/"
                        + "Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");
    }

    @Test
    void theServiceAccountWaitsForEveryTrustGrantAndTheCredentialFile() {
        var deployment = deploy();
        var graph = ResourceGraph.of(deployment);
        var sa = deployment.resource("kubernetes:core/v1:ServiceAccount", "exporter-sa");

        for (var dependency : List.of(
                deployment.resource("aws:iam/role:Role", "exporter-role"),
                deployment.resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "exporter-gcp-provider"),
                deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "exporter-grant-acme-analytics-results-read-only"),
                deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "exporter-credential"),
                deployment.resource("azure-native:authorization:RoleAssignment", "exporter-grant-acmefinance-ledgers-reader"),
                deployment.resource("kubernetes:core/v1:ConfigMap", "exporter-gcp-credentials"))) {
            assertThat(graph.waitsForTransitively(sa, dependency)).as(dependency.name()).isTrue();
        }
        assertThat(graph.waitsForTransitively(deployment.resource("kubernetes:apps/v1:Deployment", "exporter"), sa)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeploymentsPodsCarryEveryIdentitysTokenFileAndVariable() {
        var deployment = deploy();
        var pod = deployment.resource("kubernetes:apps/v1:Deployment", "exporter");
        var env = (List<Map<String, Object>>) pod.input("spec.template.spec.containers.0.env").orElseThrow();
        var values = new java.util.LinkedHashMap<String, Object>();
        env.forEach(variable -> values.put((String) variable.get("name"), variable.get("value")));

        assertThat(pod.input("spec.template.spec.serviceAccountName")).contains("exporter");
        assertThat(pod.input("spec.template.spec.nodeSelector")).isEmpty();
        assertThat(values).containsExactly(
                Map.entry("EXPORT_URL", "s3://acme-report-exports/exporter/"),
                Map.entry("RESULTS_URL", "gs://acme-analytics-results"),
                Map.entry("LEDGER_URL", "https://acmefinance.blob.core.windows.net/ledgers"),
                Map.entry("AWS_SDK_LOAD_CONFIG", "true"),
                Map.entry("GOOGLE_APPLICATION_CREDENTIALS", "/etc/keyless/gcp/credentials.json"),
                Map.entry("AZURE_CLIENT_ID", "33333333-3333-3333-3333-333333333333"),
                Map.entry("AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000000"),
                Map.entry("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token"),
                Map.entry("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/"));
        assertThat(pod.input("spec.template.spec.volumes")).contains(List.of(
                Map.of("name", "gcp-token", "projected", Map.of("sources", List.of(Map.of("serviceAccountToken", Map.of(
                        "audience", "https://sts.googleapis.com/workloadIdentityPools/" + POOL + "/providers/reports-exporter",
                        "expirationSeconds", 3600.0, "path", "token"))))),
                Map.of("name", "azure-identity-token", "projected", Map.of("sources", List.of(Map.of("serviceAccountToken", Map.of(
                        "audience", "api://AzureADTokenExchange", "expirationSeconds", 3600.0, "path", "azure-identity-token"))))),
                Map.of("name", "gcp-credentials", "configMap", Map.of("name", "exporter-gcp-credentials"))));
        assertThat(pod.input("spec.template.spec.containers.0.volumeMounts")).contains(List.of(
                Map.of("name", "gcp-token", "mountPath", "/var/run/secrets/keyless/gcp", "readOnly", true),
                Map.of("name", "azure-identity-token", "mountPath", "/var/run/secrets/azure/tokens", "readOnly", true),
                Map.of("name", "gcp-credentials", "mountPath", "/etc/keyless/gcp", "readOnly", true)));
        assertThat(pod.input("spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem")).contains(true);
    }

    @Test
    void theStackExportsEachCloudsIdentity() {
        var outputs = deploy().stackOutputs();

        assertThat(outputs.get("identities")).isEqualTo(Map.of(
                "aws", "arn:aws:iam::123456789012:role/exporter-role-xxxxxxx",
                "gcp", PRINCIPAL,
                "azure", "33333333-3333-3333-3333-333333333333"));
        assertThat(deploy().ofType(FederatedServiceAccount.TYPE)).extracting(RegisteredResource::name).containsExactly("exporter");
    }
}
