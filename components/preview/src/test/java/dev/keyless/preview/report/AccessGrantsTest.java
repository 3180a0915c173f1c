package dev.keyless.preview.report;

import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class AccessGrantsTest {
    private static final String BLOB_CONTRIBUTOR = "/subscriptions/00000000-0000-0000-0000-000000000000/providers"
            + "/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private static final String CONTAINER = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/charts"
            + "/providers/Microsoft.Storage/storageAccounts/charts/blobServices/default/containers/charts";

    @Test
    void showsEachGcpAndAzureBindingOnOneLine() {
        var deployment = Registered.deployment(Registered.stack(),
                Registered.custom("gcp:storage/bucketIAMMember:BucketIAMMember", "charts-access", Map.of(
                        "bucket", "charts-xxxxxxx",
                        "role", "roles/storage.objectUser",
                        "member", "serviceAccount:chartmuseum@demo.iam.gserviceaccount.com",
                        "condition", Map.of(
                                "title", "charts prefix",
                                "expression", "resource.name.startsWith(\"projects/_/buckets/charts-xxxxxxx/objects/charts/\")"))),
                Registered.custom("gcp:serviceaccount/iAMMember:IAMMember", "chartmuseum-workload-identity", Map.of(
                        "serviceAccountId", "projects/demo/serviceAccounts/chartmuseum@demo.iam.gserviceaccount.com",
                        "role", "roles/iam.workloadIdentityUser",
                        "member", "serviceAccount:demo.svc.id.goog[chartmuseum/chartmuseum]")),
                Registered.custom("gcp:projects/iAMMember:IAMMember", "log-writer", Map.of(
                        "project", "demo",
                        "role", "roles/logging.logWriter",
                        "member", UnknownValue.INSTANCE)),
                Registered.custom("gcp:storage/bucketIAMBinding:BucketIAMBinding", "readers", Map.of(
                        "bucket", "charts-xxxxxxx",
                        "role", "roles/storage.objectViewer",
                        "members", List.of("group:readers@example.com", "user:ada@example.com"))),
                Registered.custom("azure-native:authorization:RoleAssignment", "chartmuseum-blob", Map.of(
                        "roleDefinitionId", BLOB_CONTRIBUTOR,
                        "scope", CONTAINER,
                        "principalId", "11111111-2222-3333-4444-555555555555",
                        "principalType", "ServicePrincipal")),
                Registered.custom("azure-native:managedidentity:FederatedIdentityCredential", "chartmuseum-federation", Map.of(
                        "resourceName", "chartmuseum-identity",
                        "resourceGroupName", "charts",
                        "issuer", "https://oidc.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/",
                        "subject", "system:serviceaccount:chartmuseum:chartmuseum",
                        "audiences", List.of("api://AzureADTokenExchange"))));

        assertThat(section(PreviewReport.render(deployment), "Access grants:")).containsExactly(
                "Access grants:",
                "    azure-native:authorization:RoleAssignment  chartmuseum-blob  role: Storage Blob Data Contributor  roleDefinitionId: " + BLOB_CONTRIBUTOR
                        + "  scope: " + CONTAINER + "  principalId: 11111111-2222-3333-4444-555555555555"
                        + "  principalType: ServicePrincipal",
                "    azure-native:managedidentity:FederatedIdentityCredential  chartmuseum-federation"
                        + "  identity: chartmuseum-identity"
                        + "  issuer: https://oidc.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/"
                        + "  subject: system:serviceaccount:chartmuseum:chartmuseum  audiences: api://AzureADTokenExchange",
                "    gcp:serviceaccount/iAMMember:IAMMember  chartmuseum-workload-identity"
                        + "  serviceAccountId: projects/demo/serviceAccounts/chartmuseum@demo.iam.gserviceaccount.com"
                        + "  role: roles/iam.workloadIdentityUser  member: serviceAccount:demo.svc.id.goog[chartmuseum/chartmuseum]",
                "    gcp:storage/bucketIAMMember:BucketIAMMember  charts-access  bucket: charts-xxxxxxx"
                        + "  role: roles/storage.objectUser  member: serviceAccount:chartmuseum@demo.iam.gserviceaccount.com"
                        + "  condition: charts prefix (resource.name.startsWith(\"projects/_/buckets/charts-xxxxxxx/objects/charts/\"))",
                "    gcp:projects/iAMMember:IAMMember  log-writer  project: demo  role: roles/logging.logWriter  member: [unknown]",
                "    gcp:storage/bucketIAMBinding:BucketIAMBinding  readers  bucket: charts-xxxxxxx"
                        + "  role: roles/storage.objectViewer  members: group:readers@example.com, user:ada@example.com");
    }

    @Test
    void comesAfterThePolicyDocumentsAndBeforeTheKubernetesObjects() {
        var deployment = Registered.deployment(Registered.stack(),
                Registered.custom("aws:iam/role:Role", "app", Map.of("assumeRolePolicy", "{\"Statement\":[]}")),
                Registered.custom("gcp:projects/iAMMember:IAMMember", "viewer", Map.of(
                        "project", "demo", "role", "roles/viewer", "member", "user:ada@example.com")),
                Registered.custom("kubernetes:core/v1:Namespace", "apps", Map.of("metadata", Map.of("name", "apps"))));

        var titles = PreviewReport.render(deployment).lines().filter(line -> line.endsWith(":") && !line.startsWith(" ")).toList();

        assertThat(titles).containsExactly("Resources:", "Policy documents:", "Access grants:", "Kubernetes objects:");
    }

    @Test
    void keepsASecretConditionSecretAndAzureApiVersionsApart() {
        var deployment = Registered.deployment(Registered.stack(),
                Registered.custom("gcp:storage/bucketIAMMember:BucketIAMMember", "private", Map.of(
                        "bucket", "vault",
                        "role", "roles/storage.objectViewer",
                        "member", "user:ada@example.com",
                        "condition", new SecretValue(Map.of("title", "secret-title", "expression", "secret-expression")))),
                Registered.custom("azure-native:authorization/v20220401:RoleAssignment", "pinned", Map.of(
                        "roleDefinitionId", "reader", "scope", "/subscriptions/x", "principalId", new SecretValue("secret-principal"))));

        var report = PreviewReport.render(deployment);

        assertThat(section(report, "Access grants:")).containsExactly(
                "Access grants:",
                "    azure-native:authorization/v20220401:RoleAssignment  pinned  roleDefinitionId: reader"
                        + "  scope: /subscriptions/x  principalId: [secret]",
                "    gcp:storage/bucketIAMMember:BucketIAMMember  private  bucket: vault  role: roles/storage.objectViewer"
                        + "  member: user:ada@example.com  condition: [secret]");
        assertThat(report).doesNotContain("secret-title", "secret-expression", "secret-principal");
    }

    @Test
    void printsNothingWhenNoResourceIsAnAccessBinding() {
        var deployment = Registered.deployment(Registered.stack(),
                Registered.custom("aws:iam/role:Role", "app", Map.of("assumeRolePolicy", "{\"Statement\":[]}")),
                Registered.custom("gcp:storage/bucket:Bucket", "charts", Map.of("location", "EU")),
                Registered.read("gcp:projects/iAMMember:IAMMember", "existing", "demo/roles/viewer/user:ada@example.com"));

        assertThat(PreviewReport.render(deployment)).doesNotContain("Access grants:");
    }
}
