package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.UnknownValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class TrustChainsTest {
    private static final String FSA = "keyless:core:FederatedServiceAccount";
    private static final String EKS_ISSUER_HOST = "oidc.eks.eu-west-1.amazonaws.com/id/B1E0";
    private static final String IRSA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/" + EKS_ISSUER_HOST + "\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{"
            + "\"" + EKS_ISSUER_HOST + ":sub\":\"system:serviceaccount:shop:storefront\","
            + "\"" + EKS_ISSUER_HOST + ":aud\":\"sts.amazonaws.com\"}}}]}";
    private static final String S3_GRANTS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::assets\"},"
            + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::assets/storefront/*\"]}]}";

    @Test
    void drawsTheInlinePolicyARoleCarriesItselfAsTheRolesGrant() {
        var workload = Registered.component(FSA, "storefront");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy", IRSA_TRUST,
                        "inlinePolicies", List.of(Map.of("name", "KeylessGrants", "policy", S3_GRANTS)))),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "storefront-sa", Map.of(
                        "metadata", Map.of("name", "storefront", "namespace", "shop"))));

        assertThat(TrustChains.diagrams(deployment).get("storefront")).isEqualTo("""
                flowchart LR
                    n1["IAM role<br>storefront-role"]
                    n2["IAM OIDC provider<br>arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3["issuer<br>https://oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3 --> n2
                    n2 -->|"sub: system:serviceaccount:shop:storefront<br>aud: sts.amazonaws.com"| n1
                    n4["inline policy KeylessGrants<br>storefront-role<br>Allow s3:ListBucket on arn:aws:s3:::assets<br>Allow s3:GetObject, s3:PutObject on arn:aws:s3:::assets/storefront/*"]
                    n1 -->|"granted"| n4
                    n5["ServiceAccount<br>shop/storefront"]
                    n1 -->|"assumed by"| n5
                """);
    }

    @Test
    void anEmptyInlineBlockThatOnlyClearsTheRolesPoliciesDrawsNoGrant() {
        var workload = Registered.component(FSA, "storefront");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy", IRSA_TRUST,
                        "inlinePolicies", List.of(Map.of()))));

        assertThat(TrustChains.diagrams(deployment).get("storefront")).doesNotContain("granted").doesNotContain("inline policy");
    }

    @Test
    void drawsAnIrsaChainFromTheIssuerToThePodsThatRunAsTheServiceAccount() {
        var workload = Registered.component(FSA, "storefront");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy", IRSA_TRUST)),
                Registered.child(workload, "aws:iam/rolePolicy:RolePolicy", "storefront-grants", Map.of("policy", S3_GRANTS)),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "storefront-sa", Map.of(
                        "metadata", Map.of("name", "storefront", "namespace", "shop"))),
                Registered.custom("kubernetes:apps/v1:Deployment", "storefront-web", Map.of(
                        "metadata", Map.of("namespace", "shop"),
                        "spec", Map.of("template", Map.of("spec", Map.of("serviceAccountName", "storefront"))))),
                // The same ServiceAccount name in another namespace is another account.
                Registered.custom("kubernetes:apps/v1:Deployment", "other-web", Map.of(
                        "metadata", Map.of("namespace", "other"),
                        "spec", Map.of("template", Map.of("spec", Map.of("serviceAccountName", "storefront"))))),
                Registered.custom("kubernetes:helm.sh/v3:Release", "storefront-chart", Map.of(
                        "namespace", "shop", "values", Map.of("serviceAccount", Map.of("create", false, "name", "storefront")))));

        assertThat(TrustChains.diagrams(deployment)).containsOnlyKeys("storefront");
        assertThat(TrustChains.diagrams(deployment).get("storefront")).isEqualTo("""
                flowchart LR
                    n1["IAM role<br>storefront-role"]
                    n2["IAM OIDC provider<br>arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3["issuer<br>https://oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3 --> n2
                    n2 -->|"sub: system:serviceaccount:shop:storefront<br>aud: sts.amazonaws.com"| n1
                    n4["aws:iam/rolePolicy:RolePolicy<br>storefront-grants<br>Allow s3:ListBucket on arn:aws:s3:::assets<br>Allow s3:GetObject, s3:PutObject on arn:aws:s3:::assets/storefront/*"]
                    n1 -->|"granted"| n4
                    n5["ServiceAccount<br>shop/storefront"]
                    n1 -->|"assumed by"| n5
                    n6["kubernetes:helm.sh/v3:Release<br>storefront-chart"]
                    n5 -->|"runs"| n6
                    n7["kubernetes:apps/v1:Deployment<br>storefront-web"]
                    n5 -->|"runs"| n7
                """);
    }

    @Test
    void drawsEachCloudsGrantFromThatCloudsIdentityAndAFederatedPoolFromTheForeignIssuer() {
        var issuer = "https://" + EKS_ISSUER_HOST;
        var principal = "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/keyless-p/subject/system:serviceaccount:shop:storefront";
        var workload = Registered.component(FSA, "storefront");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy", IRSA_TRUST)),
                Registered.child(workload, "aws:iam/rolePolicy:RolePolicy", "storefront-grants", Map.of("policy", S3_GRANTS)),
                Registered.child(workload, "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "storefront-gcp-provider", Map.of(
                        "workloadIdentityPoolProviderId", "shop-storefront",
                        "attributeCondition", "assertion.sub == 'system:serviceaccount:shop:storefront'",
                        "oidc", Map.of("issuerUri", issuer, "allowedAudiences", List.of("aud-p")))),
                Registered.child(workload, "gcp:storage/bucketIAMMember:BucketIAMMember", "storefront-grant-events", Map.of(
                        "bucket", "events", "role", "roles/storage.objectViewer", "member", principal)),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "storefront-sa", Map.of(
                        "metadata", Map.of("name", "storefront", "namespace", "shop"))));

        assertThat(TrustChains.diagrams(deployment).get("storefront")).isEqualTo("""
                flowchart LR
                    n1["IAM role<br>storefront-role"]
                    n2["IAM OIDC provider<br>arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3["issuer<br>https://oidc.eks.eu-west-1.amazonaws.com/id/B1E0"]
                    n3 --> n2
                    n2 -->|"sub: system:serviceaccount:shop:storefront<br>aud: sts.amazonaws.com"| n1
                    n4["gcp:storage/bucketIAMMember:BucketIAMMember<br>storefront-grant-events<br>bucket: events<br>role: roles/storage.objectViewer<br>member: %s"]
                    n5["Kubernetes principal<br>%s"]
                    n6["workload identity pool<br>projects/1/locations/global/workloadIdentityPools/keyless-p"]
                    n7["workload identity pool provider<br>shop-storefront<br>condition: assertion.sub == 'system:serviceaccount:shop:storefront'"]
                    n3 --> n7
                    n7 -->|"aud: aud-p"| n6
                    n6 -->|"pool subject: system:serviceaccount:shop:storefront"| n5
                    n5 -->|"granted"| n4
                    n8["aws:iam/rolePolicy:RolePolicy<br>storefront-grants<br>Allow s3:ListBucket on arn:aws:s3:::assets<br>Allow s3:GetObject, s3:PutObject on arn:aws:s3:::assets/storefront/*"]
                    n1 -->|"granted"| n8
                    n9["ServiceAccount<br>shop/storefront"]
                    n1 -->|"assumed by"| n9
                    n5 -->|"assumed by"| n9
                """.formatted(principal, principal));
    }

    @Test
    void drawsAPodIdentityChainThroughTheAssociationThatNamesTheServiceAccount() {
        var workload = Registered.component(FSA, "storefront");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"},"
                                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],"
                                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}}]}")),
                Registered.child(workload, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "storefront-pod-identity", Map.of(
                        "clusterName", "shop-blue", "namespace", "shop", "serviceAccount", "storefront",
                        "roleArn", UnknownValue.INSTANCE)));

        assertThat(TrustChains.diagrams(deployment).get("storefront")).isEqualTo("""
                flowchart LR
                    n1["IAM role<br>storefront-role"]
                    n2["issuer<br>EKS Auth (pods.eks.amazonaws.com)"]
                    n3["EKS Pod Identity association<br>storefront-pod-identity<br>cluster: shop-blue"]
                    n2 --> n3
                    n3 -->|"namespace: shop<br>serviceAccount: storefront"| n1
                """);
    }

    @Test
    void drawsAnEntraWorkloadIdChainWithTheCredentialsExactSubjectAndAudience() {
        var workload = Registered.component(FSA, "ledger");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "azure-native:managedidentity:UserAssignedIdentity", "ledger-identity", Map.of(
                        "resourceGroupName", "payments")),
                Registered.child(workload, "azure-native:managedidentity:FederatedIdentityCredential", "ledger-credential", Map.of(
                        "issuer", "https://westeurope.oic.prod-aks.azure.com/tenant/cluster/",
                        "subject", "system:serviceaccount:payments:ledger",
                        "audiences", List.of("api://AzureADTokenExchange"))),
                Registered.child(workload, "azure-native:authorization:RoleAssignment", "ledger-blob", Map.of(
                        "roleDefinitionId", "/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe",
                        "scope", "/subscriptions/s/resourceGroups/payments/providers/Microsoft.Storage/storageAccounts/ledger",
                        "principalId", UnknownValue.INSTANCE)),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "ledger-sa", Map.of(
                        "metadata", Map.of("name", "ledger", "namespace", "payments"))));

        assertThat(TrustChains.diagrams(deployment).get("ledger")).isEqualTo("""
                flowchart LR
                    n1["managed identity<br>ledger-identity"]
                    n2["federated credential<br>ledger-credential"]
                    n3["issuer<br>https://westeurope.oic.prod-aks.azure.com/tenant/cluster/"]
                    n3 --> n2
                    n2 -->|"sub: system:serviceaccount:payments:ledger<br>aud: api://AzureADTokenExchange"| n1
                    n4["azure-native:authorization:RoleAssignment<br>ledger-blob<br>role: Storage Blob Data Contributor<br>roleDefinitionId: /providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe<br>scope: /subscriptions/s/resourceGroups/payments/providers/Microsoft.Storage/storageAccounts/ledger<br>principalId: [unknown]"]
                    n1 -->|"granted"| n4
                    n5["ServiceAccount<br>payments/ledger"]
                    n1 -->|"assumed by"| n5
                """);
    }

    @Test
    void drawsAGkeImpersonationChainFromThePoolToTheGoogleServiceAccount() {
        var workload = Registered.component(FSA, "loader");
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "gcp:serviceaccount/account:Account", "loader-gsa", Map.of("accountId", "loader")),
                Registered.child(workload, "gcp:serviceaccount/iAMMember:IAMMember", "loader-workload-identity", Map.of(
                        "serviceAccountId", "projects/demo/serviceAccounts/loader@demo.iam.gserviceaccount.com",
                        "role", "roles/iam.workloadIdentityUser",
                        "member", "serviceAccount:demo.svc.id.goog[events/loader]")),
                Registered.child(workload, "gcp:projects/iAMMember:IAMMember", "loader-logs", Map.of(
                        "project", "demo", "role", "roles/logging.logWriter",
                        "member", "serviceAccount:loader@demo.iam.gserviceaccount.com")),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "loader-sa", Map.of(
                        "metadata", Map.of("name", "loader", "namespace", "events"))));

        assertThat(TrustChains.diagrams(deployment).get("loader")).isEqualTo("""
                flowchart LR
                    n1["Google service account<br>loader-gsa<br>accountId: loader"]
                    n2["workload identity pool<br>demo.svc.id.goog"]
                    n3["issuer<br>GKE cluster's OIDC issuer"]
                    n3 --> n2
                    n2 -->|"roles/iam.workloadIdentityUser<br>sub: system:serviceaccount:events:loader"| n1
                    n4["gcp:projects/iAMMember:IAMMember<br>loader-logs<br>project: demo<br>role: roles/logging.logWriter<br>member: serviceAccount:loader@demo.iam.gserviceaccount.com"]
                    n1 -->|"granted"| n4
                    n5["ServiceAccount<br>events/loader"]
                    n1 -->|"assumed by"| n5
                """);
    }

    @Test
    void drawsAGrantToTheKubernetesPrincipalWithItsPoolAndSubject() {
        var workload = Registered.component(FSA, "loader");
        var principal = "principal://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/demo.svc.id.goog"
                + "/subject/ns/events/sa/loader";
        var deployment = Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "gcp:storage/bucketIAMMember:BucketIAMMember", "loader-events", Map.of(
                        "bucket", "events", "role", "roles/storage.objectViewer", "member", principal)));

        assertThat(TrustChains.diagrams(deployment).get("loader")).isEqualTo("""
                flowchart LR
                    n1["gcp:storage/bucketIAMMember:BucketIAMMember<br>loader-events<br>bucket: events<br>role: roles/storage.objectViewer<br>member: %1$s"]
                    n2["Kubernetes principal<br>%1$s"]
                    n3["workload identity pool<br>projects/123/locations/global/workloadIdentityPools/demo.svc.id.goog"]
                    n4["issuer<br>GKE cluster's OIDC issuer"]
                    n4 --> n3
                    n3 -->|"pool subject: ns/events/sa/loader"| n2
                    n2 -->|"granted"| n1
                """.formatted(principal));
    }

    @Test
    void showsEachWorkloadsDiagramInTheReportAfterTheAccessGrants() {
        var deployment = irsaWorkload(IRSA_TRUST);

        var report = PreviewReport.render(deployment);
        assertThat(section(report, "Trust chains (Mermaid):")).startsWith(
                "Trust chains (Mermaid):",
                "    # keyless:core:FederatedServiceAccount  storefront",
                "    flowchart LR",
                "        n1[\"IAM role<br>storefront-role\"]");
        assertThat(report.indexOf("Trust chains (Mermaid):")).isGreaterThan(report.indexOf("Policy documents:"));
    }

    @Test
    void writesMarkdownWithAMermaidBlockPerWorkload() {
        assertThat(TrustChains.markdown(irsaWorkload(IRSA_TRUST))).startsWith("""
                # Trust chains of demo (dev)

                ## storefront

                ```mermaid
                flowchart LR
                """).endsWith("```\n");
        assertThat(TrustChains.markdown(Registered.deployment(Registered.stack()))).isEqualTo("""
                # Trust chains of demo (dev)

                The program registers no keyless:core:FederatedServiceAccount.
                """);
    }

    @Test
    void everyDiagramParsesWithMermaidsOwnParserWhateverTheValuesHold() throws Exception {
        // Quotes, entity-like text, brackets, pipes, arrows and line breaks in values a program controls.
        var hostile = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::1:oidc-provider/x\\\"]|y #quot; <b>\"},"
                + "\"Condition\":{\"StringLike\":{\"x:sub\":\"system:serviceaccount:a:\\\"b\\\" --> c; end\\n[d]|e|\"}}}]}";
        var diagrams = List.of(
                TrustChains.markdown(irsaWorkload(IRSA_TRUST)),
                TrustChains.markdown(irsaWorkload(hostile)));
        assertThat(diagrams.get(1)).contains("#quot;b#quot; --#gt; c; end<br>[d]|e|");

        assertThat(MermaidParser.errors(diagrams)).isEmpty();
    }

    @Test
    void mermaidsParserRejectsAnUnescapedQuoteSoTheCheckCanFail() throws Exception {
        assertThat(MermaidParser.errors(List.of("flowchart LR\n    n1[\"a \"quoted\" b\"]\n"))).get()
                .asString().contains("Parse error");
    }

    private static RecordedDeployment irsaWorkload(String trustPolicy) {
        var workload = Registered.component(FSA, "storefront");
        return Registered.deployment(Registered.stack(), workload,
                Registered.child(workload, "aws:iam/role:Role", "storefront-role", Map.of("assumeRolePolicy", trustPolicy)),
                Registered.child(workload, "kubernetes:core/v1:ServiceAccount", "storefront-sa", Map.of(
                        "metadata", Map.of("name", "storefront", "namespace", "shop"))));
    }
}
