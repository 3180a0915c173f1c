package dev.keyless.examples.cipipelines;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it: each cloud trusts exactly one pipeline's jobs. */
class CiPipelinesExampleTest {
    private static final String PRODUCTION = "repo:acme/shop:environment:production";
    private static final String MAIN = "project_path:acme/images:ref_type:branch:ref:main";
    private static final String GITHUB = "token.actions.githubusercontent.com";
    private static final String POOL = "keyless-dd9c65dd99f4";
    private static final String PROVIDER = "projects/123456789012/locations/global/workloadIdentityPools/" + POOL
            + "/providers/ci-site-deploy";

    private static RecordedDeployment deploy() {
        return SimulatedStack.fromProject(Path.of(""), "dev").run(App::stack);
    }

    private static String trust(String host, String subject) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/%1$s"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"%1$s:sub": "%2$s", "%1$s:aud": "sts.amazonaws.com"}}}}
                """.formatted(host, subject);
    }

    @Test
    void awsTrustsExactlyTheProductionEnvironmentAndTheMainBranchEachThroughItsIssuersProvider() {
        var deployment = deploy();

        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "site-deploy-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(trust(GITHUB, PRODUCTION)));
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "image-push-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(trust("gitlab.com", MAIN)));
        assertThat(deployment.resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider",
                "token-actions-githubusercontent-com-aws-oidc-provider").inputs())
                .containsEntry("url", "https://token.actions.githubusercontent.com")
                .containsEntry("clientIdLists", List.of("sts.amazonaws.com"));
        assertThat(deployment.resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "gitlab-com-aws-oidc-provider")
                .input("url")).contains("https://gitlab.com");
    }

    @Test
    void theSiteBucketIsWrittenAndTheRegistryPushedWithNothingMore() {
        var deployment = deploy();

        // Each role carries its grants as its one inline policy.
        assertThat(deployment.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "site-deploy-role").input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-shop-site"},
                          {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                           "Resource": "arn:aws:s3:::acme-shop-site/*"}]}
                        """));
        // Pushing is the repository's layer and image actions; only the registry login is account-wide,
        // as ECR's GetAuthorizationToken names no repository.
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "image-push-role").input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
                            "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"],
                           "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/acme/shop"},
                          {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]}
                        """));
        // The GitLab job reaches AWS only: no pool or identity is made for it elsewhere.
        assertThat(deployment.ofType("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider"))
                .extracting(resource -> resource.name()).containsExactly("site-deploy-gcp-provider");
        assertThat(deployment.ofType("azure-native:managedidentity:UserAssignedIdentity"))
                .extracting(resource -> resource.name()).containsExactly("site-deploy-identity");
    }

    @Test
    void googleAdmitsOnlyTheProductionEnvironmentAndGrantsItsPrincipalTheAssetsBucket() {
        var deployment = deploy();
        var pool = deployment.resource("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "keyless-token-actions-githubusercontent-com-gcp-pool");
        var provider = deployment.resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "site-deploy-gcp-provider");

        assertThat(pool.protect()).isTrue();
        assertThat(provider.inputs())
                .containsEntry("workloadIdentityPoolId", POOL)
                .containsEntry("attributeMapping", Map.of("google.subject", "assertion.sub"))
                .containsEntry("attributeCondition", "assertion.sub == '" + PRODUCTION + "'");
        assertThat(provider.input("oidc.issuerUri")).contains("https://token.actions.githubusercontent.com");
        assertThat(ResourceGraph.of(deployment).waitsFor(provider, pool)).isTrue();
        assertThat(deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "site-deploy-grant-acme-shop-assets-read-write").inputs())
                .containsEntry("bucket", "acme-shop-assets")
                .containsEntry("role", "roles/storage.objectUser")
                .containsEntry("member", "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
                        + POOL + "/subject/" + PRODUCTION);
    }

    @Test
    void azureHasOneCredentialForTheEnvironmentAndAContainerScopedRole() {
        var deployment = deploy();

        assertThat(deployment.ofType("azure-native:managedidentity:FederatedIdentityCredential")).hasSize(1);
        assertThat(deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "site-deploy-credential").inputs())
                .containsEntry("issuer", "https://token.actions.githubusercontent.com")
                .containsEntry("subject", PRODUCTION)
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceGroupName", "shop-web");
        assertThat(deployment.resource("azure-native:authorization:RoleAssignment", "site-deploy-grant-acmeshopweb-site-contributor").inputs())
                .containsEntry("scope", "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/shop-web"
                        + "/providers/Microsoft.Storage/storageAccounts/acmeshopweb/blobServices/default/containers/site")
                .containsEntry("roleDefinitionId", "/subscriptions/22222222-2222-2222-2222-222222222222/providers"
                        + "/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe");
    }

    @Test
    void theExportedLoginsAreTheSnippetsEachPipelinePastes() {
        var outputs = deploy().resource("pulumi:pulumi:Stack", "ci-pipelines-dev").outputs();

        assertThat(outputs.get("deployWorkflow")).isEqualTo("""
                permissions:
                  id-token: write
                  contents: read
                steps:
                  - name: Log in to AWS
                    uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/site-deploy-role-xxxxxxx
                      aws-region: eu-west-1
                  - name: Log in to Google Cloud
                    uses: google-github-actions/auth@v2
                    with:
                      workload_identity_provider: %1$s
                      audience: https://sts.googleapis.com/workloadIdentityPools/%2$s/providers/ci-site-deploy
                  - name: Log in to Azure
                    uses: azure/login@v2
                    with:
                      client-id: 33333333-3333-3333-3333-333333333333
                      tenant-id: 00000000-0000-0000-0000-000000000000
                      subscription-id: 22222222-2222-2222-2222-222222222222
                """.formatted(PROVIDER, POOL));
        assertThat(outputs.get("pushJob")).isEqualTo("""
                image-push:
                  id_tokens:
                    AWS_ID_TOKEN:
                      aud: sts.amazonaws.com
                  script:
                    - export AWS_ROLE_ARN="arn:aws:iam::123456789012:role/image-push-role-xxxxxxx" AWS_REGION="eu-west-1" AWS_WEB_IDENTITY_TOKEN_FILE="$(mktemp)"
                    - echo "$AWS_ID_TOKEN" > "$AWS_WEB_IDENTITY_TOKEN_FILE"
                """);
        assertThat(outputs.get("pushLogins")).isEqualTo(Map.of(
                "aws.region", "eu-west-1", "aws.roleArn", "arn:aws:iam::123456789012:role/image-push-role-xxxxxxx"));
        assertThat(outputs.get("deployLogins")).isEqualTo(Map.of(
                "aws.region", "eu-west-1",
                "aws.roleArn", "arn:aws:iam::123456789012:role/site-deploy-role-xxxxxxx",
                "gcp.workloadIdentityProvider", PROVIDER,
                "gcp.audience", "https://sts.googleapis.com/workloadIdentityPools/" + POOL + "/providers/ci-site-deploy",
                "azure.clientId", "33333333-3333-3333-3333-333333333333",
                "azure.tenantId", "00000000-0000-0000-0000-000000000000",
                "azure.subscriptionId", "22222222-2222-2222-2222-222222222222"));
    }
}
