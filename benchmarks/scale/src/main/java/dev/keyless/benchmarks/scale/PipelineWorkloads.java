package dev.keyless.benchmarks.scale;

import dev.keyless.aws.S3Access;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;

/**
 * GitHub Actions deployments into AWS: per repository one role that trusts its {@code prod}
 * environment, and one prefix-scoped S3 grant.
 */
final class PipelineWorkloads {
    static final String OWNER = "acme";

    private PipelineWorkloads() {
    }

    static String repository(int index) {
        return "svc-" + index;
    }

    /** @return the one IAM OIDC provider for GitHub's issuer */
    static com.pulumi.aws.iam.OpenIdConnectProvider rawProvider() {
        return RawFederatedWorkloads.awsProvider("token-actions-githubusercontent-com-aws-oidc-provider", GitHubActions.ISSUER_URL);
    }

    /** By hand: a role trusting exactly the repository's {@code prod} environment, and its inline grant. */
    static void raw(com.pulumi.aws.iam.OpenIdConnectProvider provider, int index) {
        var subject = "repo:" + OWNER + "/" + repository(index) + ":environment:prod";
        RawFederatedWorkloads.awsRole(repository(index), provider, GitHubActions.ISSUER_URL, subject,
                "Cloud identity of GitHub repository " + OWNER + "/" + repository(index) + ", environment prod",
                java.util.Map.of("keyless/oidc-subjects", subject));
    }

    static void keyless(int index) {
        new PipelineIdentity(repository(index), PipelineIdentityArgs.builder()
                .issuer(GitHubActions.issuer())
                .subject(GitHubActions.repository(OWNER, repository(index)).environment("prod"))
                .grant(S3Access.readWrite(App.BUCKET).prefix(repository(index) + "/"))
                .build());
    }
}
