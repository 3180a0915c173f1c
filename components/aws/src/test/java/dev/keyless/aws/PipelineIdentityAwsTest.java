package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.GitLab;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A GitHub Actions or GitLab CI job's AWS role, through AwsFederation with no ServiceAccount. */
class PipelineIdentityAwsTest {
    static final String GITHUB_HOST = "token.actions.githubusercontent.com";
    static final String GITHUB_PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/" + GITHUB_HOST;
    static final GitHubActions.Repository SHOP = GitHubActions.repository("acme", "shop");

    private static PipelineIdentityArgs.Builder deploy() {
        return PipelineIdentityArgs.builder().issuer(GitHubActions.issuer()).grant(S3Access.readWrite("acme-site"));
    }

    private static dev.keyless.preview.engine.RecordedDeployment run(PipelineIdentityArgs args) {
        return SimulatedStack.named("ci").config("aws:region", "eu-west-1").run(ctx -> {
            var identity = new PipelineIdentity("deploy", args);
            ctx.export("logins", identity.logins());
            ctx.export("github", identity.gitHubActionsSnippet());
            ctx.export("gitlab", identity.gitLabCiSnippet());
        });
    }

    @Test
    void roleTrustsExactlyTheEnvironmentsSubjectAndTheStsAudience() {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());

        var trust = deployment.resource(AwsFederationTest.ROLE, "deploy-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(AwsFederationTest.exactTrust(GITHUB_PROVIDER_ARN, GITHUB_HOST,
                "repo:acme/shop:environment:production")));
        var role = deployment.resource(AwsFederationTest.ROLE, "deploy-role");
        assertThat(role.input("tags")).contains(Map.of("keyless/oidc-subjects", "repo:acme/shop:environment:production"));
        assertThat(role.input("description")).contains("Cloud identity of GitHub repository acme/shop, environment production");
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.parentOf(role).name()).isEqualTo("deploy");
    }

    @Test
    void thePipelinesRoleCarriesItsGrantsAsItsOneInlinePolicy() {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());

        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "deploy"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-site"},
                   {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                    "Resource": "arn:aws:s3:::acme-site/*"}]}
                """));
    }

    @Test
    void oneSharedOidcProviderForTheIssuerAtTheStackRoot() {
        var deployment = SimulatedStack.named("ci").config("aws:region", "eu-west-1").run(ctx -> {
            new PipelineIdentity("deploy", deploy().subject(SHOP.environment("production")).build());
            new PipelineIdentity("preview", deploy().subject(SHOP.pullRequest()).build());
        });

        var providers = deployment.ofType(AwsFederationTest.OIDC_PROVIDER);
        assertThat(providers).hasSize(1);
        var provider = providers.get(0);
        assertThat(provider.name()).isEqualTo("token-actions-githubusercontent-com-aws-oidc-provider");
        assertThat(provider.input("url")).contains(GitHubActions.ISSUER_URL);
        assertThat(provider.input("clientIdLists")).contains(List.of("sts.amazonaws.com"));
        assertThat(Json.parse(deployment.resource(AwsFederationTest.ROLE, "preview-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(AwsFederationTest.exactTrust(GITHUB_PROVIDER_ARN, GITHUB_HOST, "repo:acme/shop:pull_request")));
    }

    @Test
    void severalSubjectsAreOneStringEqualsListAndAPatternGetsStringLikeApartAndAWarning() {
        var deployment = run(deploy().subject(SHOP.branch("main")).subject(SHOP.environment("production"))
                .subject(SHOP.anyBranchMatching("release/*")).build());

        var trust = deployment.resource(AwsFederationTest.ROLE, "deploy-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                  {"Effect": "Allow", "Principal": {"Federated": "%1$s"}, "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {
                     "%2$s:sub": ["repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:environment:production"],
                     "%2$s:aud": "sts.amazonaws.com"}}},
                  {"Effect": "Allow", "Principal": {"Federated": "%1$s"}, "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringLike": {"%2$s:sub": "repo:acme/shop:ref:refs/heads/release/*"},
                                 "StringEquals": {"%2$s:aud": "sts.amazonaws.com"}}}]}
                """.formatted(GITHUB_PROVIDER_ARN, GITHUB_HOST)));
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message)
                .contains("pipeline identity deploy trusts every subject of GitHub Actions matching 'repo:acme/shop:ref:refs/heads/release/*' "
                        + "(GitHub repository acme/shop, branches matching release/*): anyone who can run such a job gets it");
    }

    @Test
    void gitLabMainBranchIsTrustedThroughGitLabsProvider() {
        var deployment = run(PipelineIdentityArgs.builder().issuer(GitLab.issuer())
                .subject(GitLab.project("platform/images").branch("main"))
                .grant(EcrAccess.push("arn:aws:ecr:eu-west-1:123456789012:repository/images")).build());

        var trust = deployment.resource(AwsFederationTest.ROLE, "deploy-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(AwsFederationTest.exactTrust("arn:aws:iam::123456789012:oidc-provider/gitlab.com",
                "gitlab.com", "project_path:platform/images:ref_type:branch:ref:main")));
        assertThat(deployment.resource(AwsFederationTest.OIDC_PROVIDER, "gitlab-com-aws-oidc-provider").input("url")).contains("https://gitlab.com");
    }

    @Test
    void loginValuesAndSnippetsNameTheRoleAndRegion() {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());
        var arn = deployment.resource(AwsFederationTest.ROLE, "deploy-role").output("arn").orElseThrow();

        assertThat(deployment.stackOutputs().get("logins")).isEqualTo(Map.of("aws.roleArn", arn, "aws.region", "eu-west-1"));
        assertThat(deployment.stackOutputs().get("github")).isEqualTo("""
                permissions:
                  id-token: write
                  contents: read
                steps:
                  - name: Log in to AWS
                    uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: %s
                      aws-region: eu-west-1
                """.formatted(arn));
        assertThat(deployment.stackOutputs().get("gitlab")).isEqualTo("""
                deploy:
                  id_tokens:
                    AWS_ID_TOKEN:
                      aud: sts.amazonaws.com
                  script:
                    - export AWS_ROLE_ARN="%s" AWS_REGION="eu-west-1" AWS_WEB_IDENTITY_TOKEN_FILE="$(mktemp)"
                    - echo "$AWS_ID_TOKEN" > "$AWS_WEB_IDENTITY_TOKEN_FILE"
                """.formatted(arn));
    }

    @Test
    void pinnedRepositoryIdsAreRefusedOnAwsBeforeAnythingRegisters() {
        var failure = SimulatedStack.named("ci").config("aws:region", "eu-west-1").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.pinnedToIds(123, 456).environment("production")).build()));

        assertThat(failure.message()).isEqualTo("subjects[0] must be a subject with no claims beyond 'sub' for AWS: an IAM role's trust "
                + "can check only the issuer's 'aud' and 'sub' (pin the repository ids on GCP only, or leave pinnedToIds(...) out): "
                + "'repo:acme/shop:environment:production requiring [repository_id, repository_owner_id]'");
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }

    @Test
    void aNativeMechanismRefusesAPipelineClearly() {
        var failure = SimulatedStack.named("ci").config("aws:region", "eu-west-1").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.environment("production")).mechanism(IrsaIdentity.defaults()).build()));

        assertThat(failure.message()).startsWith("issuer must be a Kubernetes cluster (an OidcCluster) for a mechanism that binds a ServiceAccount in it");
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }
}
