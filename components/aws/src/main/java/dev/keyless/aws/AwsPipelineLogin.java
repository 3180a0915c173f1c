package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.PipelineLogin;

import java.util.LinkedHashMap;

/**
 * How a CI job logs in as an {@link AwsFederation} role: GitHub Actions with
 * aws-actions/configure-aws-credentials (audience {@code sts.amazonaws.com}, its default), GitLab
 * CI with an {@code id_tokens:} token written where AWS SDKs and the CLI read a web identity token
 * ({@code AWS_ROLE_ARN}, {@code AWS_WEB_IDENTITY_TOKEN_FILE}).
 *
 * @see <a href="https://github.com/aws-actions/configure-aws-credentials">aws-actions/configure-aws-credentials</a>
 * @see <a href="https://docs.gitlab.com/ci/cloud_services/aws/">GitLab: configure OpenID Connect in AWS</a>
 */
final class AwsPipelineLogin {
    /** The GitLab CI variable the token is given in. */
    static final String GITLAB_TOKEN_VARIABLE = "AWS_ID_TOKEN";

    private AwsPipelineLogin() {
    }

    static PipelineLogin of(Output<String> roleArn, Output<String> region) {
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("roleArn", roleArn);
        values.put("region", region);
        var gitHub = Output.tuple(roleArn, region).applyValue(t -> String.join("\n",
                "- name: Log in to AWS",
                "  uses: aws-actions/configure-aws-credentials@v4",
                "  with:",
                "    role-to-assume: " + t.t1,
                "    aws-region: " + t.t2));
        var gitLab = Output.tuple(roleArn, region).applyValue(t -> String.join("\n",
                "- export AWS_ROLE_ARN=\"" + t.t1 + "\" AWS_REGION=\"" + t.t2 + "\" AWS_WEB_IDENTITY_TOKEN_FILE=\"$(mktemp)\"",
                "- echo \"$" + GITLAB_TOKEN_VARIABLE + "\" > \"$AWS_WEB_IDENTITY_TOKEN_FILE\""));
        return new PipelineLogin(values, gitHub, GITLAB_TOKEN_VARIABLE, AwsOidcCluster.STS_AUDIENCE, gitLab);
    }
}
