package dev.keyless.landingzone;

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

/** The example stack configs in landing-zone/stacks, run as the root Pulumi.yaml runs them. */
class ExampleStacksTest {
    private static final Path ROOT = Path.of("..");

    private static RecordedDeployment deploy(String stack) {
        return SimulatedStack.fromProject(ROOT, stack).run(LandingZone::stack);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workload(RecordedDeployment deployment, String key) {
        return (Map<String, Object>) ((Map<String, Object>) deployment.stackOutputs().get("workloads")).get(key);
    }

    @Test
    void theAwsStackTrustsEachServiceAccountExactlyAndGrantsNamedBucketsOnly() {
        var deployment = deploy("aws");
        var graph = ResourceGraph.of(deployment);
        var stack = deployment.resources().get(0);

        var chartmuseum = deployment.resource(FederatedServiceAccount.TYPE, "chartmuseum");
        assertThat(chartmuseum.parentUrn()).isEqualTo(stack.urn());
        var trust = deployment.resource("aws:iam/role:Role", "chartmuseum-role").input("assumeRolePolicy").orElseThrow();
        var issuer = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        assertThat(Json.parse(trust).at("/Statement/Condition/StringEquals")).isEqualTo(Json.parse("""
                {"%1$s:sub": "system:serviceaccount:chartmuseum:chartmuseum", "%1$s:aud": "sts.amazonaws.com"}
                """.formatted(issuer)));
        // Each role carries its grants as its one inline policy.
        assertThat(deployment.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "chartmuseum-role").input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17",
                         "Statement": [
                           {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::charts-xxxxxxx",
                            "Condition": {"StringLike": {"s3:prefix": ["charts/*", "charts"]}}},
                           {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                            "Resource": "arn:aws:s3:::charts-xxxxxxx/charts/*"}]}
                        """));
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "reporting-role").input("inlinePolicies.0.policy").orElseThrow())
                .at("/Statement/1/Resource").asText()).isEqualTo("arn:aws:s3:::acme-finance-reports/*");

        var charts = deployment.resource("aws:s3/bucketV2:BucketV2", "charts");
        assertThat(charts.retainOnDelete()).isTrue();
        // The bucket and its settings are children of the protected store component.
        var store = deployment.resource("keyless:aws:ProtectedS3Bucket", "charts");
        assertThat(charts.parentUrn()).isEqualTo(store.urn());
        assertThat(deployment.childrenOf(store)).extracting(RegisteredResource::name).containsExactlyInAnyOrder(
                "charts", "charts-public-access-block", "charts-versioning", "charts-encryption", "charts-ownership");
        assertThat(deployment.find("aws:s3/bucketV2:BucketV2", "reports")).as("an existing bucket is only granted").isEmpty();

        var association = deployment.resource("aws:eks/podIdentityAssociation:PodIdentityAssociation", "reporting-pod-identity");
        assertThat(association.inputs()).containsEntry("namespace", "finance").containsEntry("serviceAccount", "report-reader");
        var cluster = deployment.resource("aws:eks/cluster:Cluster", "platform-cluster");
        assertThat(graph.waitsForTransitively(deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa"), cluster)).isTrue();
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "reporting-sa").input("metadata.labels.team")).contains("finance");
    }

    @Test
    void theGcpStackBindsBucketScopedRolesToOneKubernetesServiceAccountEach() {
        var deployment = deploy("gcp");

        var member = deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "chartmuseum-grant-charts-read-write-charts");
        assertThat(member.inputs()).containsEntry("role", "roles/storage.objectUser");
        assertThat((String) member.inputs().get("member")).endsWith("/subject/ns/chartmuseum/sa/chartmuseum");
        assertThat(deployment.ofType("gcp:projects/iAMMember:IAMMember")).extracting(RegisteredResource::name)
                .as("no project-level grant for workloads").containsExactly("platform-nodes-role");
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "chart-mirror-sa").input("metadata.annotations"))
                .hasValueSatisfying(annotations -> assertThat(((Map<?, ?>) annotations).keySet().stream().map(String::valueOf))
                        .contains("iam.gke.io/gcp-service-account"));
        assertThat(deployment.resource("gcp:storage/bucket:Bucket", "charts").retainOnDelete()).isTrue();
        assertThat(workload(deployment, "chartmuseum")).containsEntry("nodeSelector",
                Map.of("iam.gke.io/gke-metadata-server-enabled", "true"));
    }

    @Test
    void theAzureStackFederatesEachServiceAccountAndScopesRolesToTheContainer() {
        var deployment = deploy("azure");

        for (var name : List.of("chartmuseum", "chart-indexer")) {
            var credential = deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", name + "-credential");
            assertThat(credential.inputs()).containsEntry("subject", "system:serviceaccount:chartmuseum:" + name)
                    .containsEntry("audiences", List.of("api://AzureADTokenExchange"));
        }
        assertThat(deployment.resource("azure-native:storage:StorageAccount", "charts").inputs())
                .containsEntry("allowSharedKeyAccess", false);
        assertThat(deployment.resource("azure-native:authorization:RoleAssignment", "chart-indexer-grant-charts-reader").input("scope"))
                .hasValueSatisfying(scope -> assertThat((String) scope).endsWith("/resourceGroups/platform-storage/providers/Microsoft.Storage/storageAccounts/chartsxxxxxxx"
                        + "/blobServices/default/containers/charts-xxxxxxx"));
        assertThat(workload(deployment, "chartmuseum")).containsEntry("podLabels", Map.of("azure.workload.identity/use", "true"));
    }

    @Test
    void theMultiCloudStackHoldsThreeCloudsAndOneRoleTrustedByBothEksClusters() {
        var deployment = deploy("multi-cloud");

        var trust = Json.parse(deployment.resource("aws:iam/role:Role", "storefront-role").input("assumeRolePolicy").orElseThrow());
        assertThat(trust.at("/Statement")).hasSize(2);
        assertThat(trust.at("/Statement/0/Principal/Federated").asText()).endsWith("/id/0000000000000000000000000000B1E0");
        assertThat(trust.at("/Statement/1/Principal/Federated").asText()).endsWith("/id/00000000000000000000000000006EE0");
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "storefront-sa-eks-green").inputs())
                .isEqualTo(deployment.resource("kubernetes:core/v1:ServiceAccount", "storefront-sa").inputs());
        assertThat(deployment.find("kubernetes:core/v1:Namespace", "eks-green-ns-shop")).isPresent();
        assertThat(deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "ledger-writer-credential").inputs())
                .containsEntry("subject", "system:serviceaccount:payments:ledger-writer");
        assertThat(deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "event-loader-grant-events-read-write-raw")
                .input("condition.expression")).isPresent();
        assertThat(((Map<?, ?>) deployment.stackOutputs().get("workloads")).keySet().stream().map(String::valueOf))
                .containsExactlyInAnyOrder("storefront", "event-loader", "ledger-writer");
    }

    @Test
    void exportsEachWorkloadsTrustChainAsAMermaidFlowchart() {
        // One identity trusted by both clusters: an issuer, a ServiceAccount and its pods per cluster.
        var diagrams = (Map<?, ?>) deploy("multi-cloud").stackOutputs().get("diagrams");

        assertThat(diagrams.keySet().stream().map(String::valueOf)).containsExactlyInAnyOrder("storefront", "event-loader", "ledger-writer");
        assertThat(diagrams.get("storefront")).isEqualTo("""
                flowchart LR
                    n1["identity (aws, irsa)<br>arn:aws:iam::123456789012:role/storefront-role-xxxxxxx"]
                    n2["grant<br>shop-assets (aws): readWrite, prefix storefront/"]
                    n1 -->|"granted"| n2
                    n3["issuer<br>cluster eks-blue<br>adopted EKS cluster 'eks-blue'"]
                    n3 -->|"sub: system:serviceaccount:shop:storefront"| n1
                    n4["ServiceAccount<br>shop/storefront<br>cluster eks-blue"]
                    n1 -->|"assumed by"| n4
                    n5["pods in shop with serviceAccountName: storefront"]
                    n4 -->|"runs"| n5
                    n6["issuer<br>cluster eks-green<br>adopted EKS cluster 'eks-green'"]
                    n6 -->|"sub: system:serviceaccount:shop:storefront"| n1
                    n7["ServiceAccount<br>shop/storefront<br>cluster eks-green"]
                    n1 -->|"assumed by"| n7
                    n8["pods in shop with serviceAccountName: storefront"]
                    n7 -->|"runs"| n8
                """);
    }
    @Test
    void theCrossCloudStackGivesEachGrantItsOwnCloudsIdentityTrustingExactlyTheServiceAccount() {
        var deployment = deploy("cross-cloud");
        var eksIssuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/0000000000000000000000000000C0DE";
        var gkeIssuer = "https://container.googleapis.com/v1/projects/acme-analytics/locations/europe-west1/clusters/analytics";

        // ledger-sync on EKS has no AWS grant, so no IAM role: only its GCP and Azure identities.
        assertThat(deployment.find("aws:iam/role:Role", "ledger-sync-role")).isEmpty();
        var provider = deployment.resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "ledger-sync-gcp-provider");
        assertThat(provider.input("oidc.issuerUri")).contains(eksIssuer);
        assertThat(provider.input("attributeCondition")).contains("assertion.sub == 'system:serviceaccount:reports:ledger-sync'");
        var pool = deployment.resource("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "reports-gcp-pool");
        assertThat(pool.protect()).isTrue();
        assertThat(deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "ledger-sync-credential").inputs())
                .containsEntry("issuer", eksIssuer)
                .containsEntry("subject", "system:serviceaccount:reports:ledger-sync")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceGroupName", "reports-data");

        // result-publisher on GKE writes S3 through an IAM OIDC provider for the GKE issuer.
        var oidcProvider = deployment.resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "analytics-aws-oidc-provider");
        assertThat(oidcProvider.inputs()).containsEntry("url", gkeIssuer).containsEntry("clientIdLists", List.of("sts.amazonaws.com"));
        var hostPath = gkeIssuer.substring("https://".length());
        var trust = deployment.resource("aws:iam/role:Role", "result-publisher-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust).at("/Statement/Condition/StringEquals")).isEqualTo(Json.parse("""
                {"%s:sub": "system:serviceaccount:results:publisher", "%s:aud": "sts.amazonaws.com"}
                """.formatted(hostPath, hostPath)));
        assertThat(ResourceGraph.of(deployment).waitsFor(deployment.resource("aws:iam/role:Role", "result-publisher-role"), oidcProvider)).isTrue();
        assertThat(deployment.find("gcp:storage/bucketIAMMember:BucketIAMMember", "result-publisher-grant-results-read-only")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlatformAddonsStackGivesEachClustersControllersAndThePipelineTheirIdentities() {
        var deployment = deploy("platform-addons");

        assertThat(((Map<String, Object>) deployment.stackOutputs().get("controllers")).keySet()).containsExactlyInAnyOrder(
                "eks-external-dns", "eks-cert-manager", "eks-external-secrets", "eks-cluster-autoscaler", "eks-load-balancer-controller",
                "eks-ebs-csi", "eks-velero", "gke-external-dns", "gke-cert-manager", "gke-external-secrets", "gke-velero",
                "aks-external-dns", "aks-cert-manager", "aks-external-secrets", "aks-velero");
        assertThat(deployment.ofType(FederatedServiceAccount.TYPE)).hasSize(15);
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "eks-load-balancer-controller-sa").input("metadata.name"))
                .contains("aws-load-balancer-controller");
        var loadBalancerPolicy = (String) deployment.resource("aws:iam/role:Role", "eks-load-balancer-controller-role")
                .input("inlinePolicies.0.policy").orElseThrow();
        assertThat(loadBalancerPolicy).contains("\"aws:ResourceTag/elbv2.k8s.aws/cluster\":\"platform\"");
        // On Resource * without a condition: only the describes and the certificate listings, which name no resource;
        // no WAF, Shield or Cognito add-on, which the stack does not ask for.
        var unconditionedOnAny = new java.util.ArrayList<String>();
        Json.parse(loadBalancerPolicy).get("Statement").forEach(statement -> {
            if (statement.get("Resource").toString().equals("\"*\"") && !statement.has("Condition")) {
                statement.get("Action").forEach(action -> unconditionedOnAny.add(action.asText()));
            }
        });
        assertThat(unconditionedOnAny).allMatch(action -> action.contains(":Describe") || action.contains(":Get")
                || action.equals("acm:ListCertificates") || action.equals("iam:ListServerCertificates"));
        assertThat(unconditionedOnAny).contains("acm:ListCertificates", "iam:ListServerCertificates")
                .noneMatch(action -> action.startsWith("shield:") || action.startsWith("wafv2:") || action.startsWith("cognito-idp:"));
        assertThat(deployment.resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "eks-ebs-csi-managed-AmazonEBSCSIDriverPolicyV2")
                .input("policyArn")).contains("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicyV2");
        assertThat(deployment.ofType("gcp:secretmanager/secretIamMember:SecretIamMember")).singleElement()
                .satisfies(member -> assertThat(member.input("secretId")).contains("projects/acme-platform/secrets/db-password"));
        // Each cluster's Velero on its one named bucket or container.
        assertThat((String) deployment.resource("aws:iam/role:Role", "eks-velero-role").input("inlinePolicies.0.policy").orElseThrow())
                .contains("\"arn:aws:s3:::acme-platform-backups/*\"");
        assertThat(deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "gke-velero-grant-acme-platform-gke-backups-read-write")
                .input("bucket")).contains("acme-platform-gke-backups");
        assertThat((String) deployment.resource("azure-native:authorization:RoleAssignment", "aks-velero-grant-acmeplatformbackup-velero-contributor")
                .input("scope").orElseThrow()).endsWith("/resourceGroups/platform-rg/providers/Microsoft.Storage/storageAccounts/acmeplatformbackup"
                        + "/blobServices/default/containers/velero");
        // The three controllers' zone and secret roles, external-dns's zone listing on the zones' group, and Velero's container role.
        assertThat(deployment.ofType("azure-native:authorization:RoleAssignment")).hasSize(5);
        assertThat(deployment.resource("azure-native:authorization:RoleAssignment", "aks-external-dns-grant-dns-rg-dns-zone-listing")
                .input("scope")).contains("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/dns-rg");

        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "shop-release-role").input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
                            "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"],
                           "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/shop/web"},
                          {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
                          {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                           "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/deploy-QrStUv"}]}
                        """));
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "shop-release-role").input("assumeRolePolicy").orElseThrow())
                .at("/Statement/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:acme/shop:ref:refs/heads/main");
    }
}
