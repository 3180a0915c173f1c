package dev.keyless.gcp;

import dev.keyless.core.GitHubActions;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A GitHub Actions job's Google Cloud principal, through GcpFederation with no ServiceAccount. */
class PipelineIdentityGcpTest {
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String NUMBER = TestClusters.PROJECT_NUMBER;
    private static final GitHubActions.Repository SHOP = GitHubActions.repository("acme", "shop");

    private static String poolId() throws Exception {
        var digest = MessageDigest.getInstance("SHA-256").digest(GitHubActions.ISSUER_URL.getBytes(StandardCharsets.UTF_8));
        return "keyless-" + HexFormat.of().formatHex(digest).substring(0, 12);
    }

    private static RecordedDeployment run(PipelineIdentityArgs args) {
        return SimulatedStack.named("ci").config("gcp:project", "shop-prod-4711").run(ctx -> {
            var identity = new PipelineIdentity("deploy", args);
            ctx.export("logins", identity.logins());
            ctx.export("github", identity.gitHubActionsSnippet());
        });
    }

    private static PipelineIdentityArgs.Builder deploy() {
        return PipelineIdentityArgs.builder().issuer(GitHubActions.issuer()).grant(GcsAccess.readWrite("acme-site"));
    }

    @Test
    void providerAdmitsExactlyTheEnvironmentsSubjectAndTheGrantNamesItsPrincipal() throws Exception {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());
        var pool = poolId();

        assertThat(deployment.resource(GcpFederationTest.POOL_TYPE, "keyless-token-actions-githubusercontent-com-gcp-pool")
                .input("workloadIdentityPoolId")).contains(pool);
        var provider = deployment.resource(GcpFederationTest.PROVIDER_TYPE, "deploy-gcp-provider");
        assertThat(provider.input("workloadIdentityPoolProviderId")).contains("ci-deploy");
        assertThat(provider.input("attributeCondition")).contains("assertion.sub == 'repo:acme/shop:environment:production'");
        assertThat(provider.input("attributeMapping")).contains(Map.of("google.subject", "assertion.sub"));
        assertThat(provider.input("oidc")).contains(Map.of("issuerUri", GitHubActions.ISSUER_URL,
                "allowedAudiences", List.of("https://sts.googleapis.com/workloadIdentityPools/" + pool + "/providers/ci-deploy")));
        assertThat(deployment.ofType(MEMBER)).singleElement().satisfies(member -> assertThat(member.input("member"))
                .contains("principal://iam.googleapis.com/projects/" + NUMBER + "/locations/global/workloadIdentityPools/" + pool
                        + "/subject/repo:acme/shop:environment:production"));
    }

    @Test
    void pinnedIdsAreConditionsBesideTheSubject() {
        var deployment = run(deploy().subject(SHOP.pinnedToIds(260064828, 1342004).branch("main")).build());

        assertThat(deployment.resource(GcpFederationTest.PROVIDER_TYPE, "deploy-gcp-provider").input("attributeCondition"))
                .contains("assertion.sub == 'repo:acme/shop:ref:refs/heads/main' && assertion.repository_id == '260064828'"
                        + " && assertion.repository_owner_id == '1342004'");
    }

    @Test
    void loginNamesTheProvidersFullNameAndAudience() throws Exception {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());
        var pool = poolId();
        var provider = "projects/" + NUMBER + "/locations/global/workloadIdentityPools/" + pool + "/providers/ci-deploy";
        var audience = "https://sts.googleapis.com/workloadIdentityPools/" + pool + "/providers/ci-deploy";

        assertThat(deployment.stackOutputs().get("logins")).isEqualTo(Map.of("gcp.workloadIdentityProvider", provider, "gcp.audience", audience));
        assertThat(deployment.stackOutputs().get("github")).isEqualTo("""
                permissions:
                  id-token: write
                  contents: read
                steps:
                  - name: Log in to Google Cloud
                    uses: google-github-actions/auth@v2
                    with:
                      workload_identity_provider: %s
                      audience: %s
                """.formatted(provider, audience));
    }

    @Test
    void aWildcardOrSeveralSubjectsAreRefusedOnGcpBeforeAnythingRegisters() {
        var wildcard = SimulatedStack.named("ci").config("gcp:project", "shop-prod-4711").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.anyBranchMatching("*")).build()));
        assertThat(wildcard.message()).isEqualTo("subject must be an exact subject for GCP: a principal names one subject, and a principal "
                + "set of the pool would admit every workload of the issuer: 'repo:acme/shop:ref:refs/heads/*'");
        assertThat(wildcard.registeredBesidesStack()).isEmpty();

        var several = SimulatedStack.named("ci").config("gcp:project", "shop-prod-4711").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.branch("main")).subject(SHOP.pullRequest()).build()));
        assertThat(several.message()).startsWith("subjects must be one subject for a GCP identity");
        assertThat(several.registeredBesidesStack()).isEmpty();
    }
}
