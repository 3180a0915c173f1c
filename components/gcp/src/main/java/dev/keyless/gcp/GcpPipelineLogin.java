package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.PipelineLogin;

import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * How a CI job logs in through a {@link GcpFederation} provider: GitHub Actions with
 * google-github-actions/auth, GitLab CI with an {@code id_tokens:} token and a credential
 * configuration from {@code gcloud iam workload-identity-pools create-cred-config}. Both name the
 * provider's own audience, which the provider requires instead of Google's default.
 *
 * @see <a href="https://github.com/google-github-actions/auth">google-github-actions/auth (workload_identity_provider, service_account, audience)</a>
 * @see <a href="https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines">Workload Identity Federation with deployment pipelines</a>
 */
final class GcpPipelineLogin {
    /** The GitLab CI variable the token is given in. */
    static final String GITLAB_TOKEN_VARIABLE = "GCP_ID_TOKEN";
    private static final String IAM_PREFIX = "//iam.googleapis.com/";

    private GcpPipelineLogin() {
    }

    /**
     * @param providerName     the provider's full resource name, {@code //iam.googleapis.com/projects/...}
     * @param audience         the provider's audience
     * @param serviceAccount   the impersonated service account's email, if any
     */
    static PipelineLogin of(Output<String> providerName, String audience, Optional<Output<String>> serviceAccount) {
        var provider = providerName.applyValue(n -> n.startsWith(IAM_PREFIX) ? n.substring(IAM_PREFIX.length()) : n);
        var email = serviceAccount.orElse(Output.of(""));
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("workloadIdentityProvider", provider);
        serviceAccount.ifPresent(account -> values.put("serviceAccount", account));
        values.put("audience", Output.of(audience));
        var gitHub = Output.tuple(provider, email).applyValue(t -> {
            var lines = new java.util.ArrayList<String>();
            lines.add("- name: Log in to Google Cloud");
            lines.add("  uses: google-github-actions/auth@v2");
            lines.add("  with:");
            lines.add("    workload_identity_provider: " + t.t1);
            if (!t.t2.isEmpty()) {
                lines.add("    service_account: " + t.t2);
            }
            lines.add("    audience: " + audience);
            return String.join("\n", lines);
        });
        var gitLab = Output.tuple(provider, email).applyValue(t -> String.join("\n",
                "- echo \"$" + GITLAB_TOKEN_VARIABLE + "\" > \"$CI_PROJECT_DIR/.gcp-token\"",
                "- gcloud iam workload-identity-pools create-cred-config " + t.t1
                        + (t.t2.isEmpty() ? "" : " --service-account=" + t.t2)
                        + " --credential-source-file=\"$CI_PROJECT_DIR/.gcp-token\" --output-file=\"$CI_PROJECT_DIR/.gcp-credentials.json\"",
                "- export GOOGLE_APPLICATION_CREDENTIALS=\"$CI_PROJECT_DIR/.gcp-credentials.json\"",
                "- gcloud auth login --cred-file=\"$GOOGLE_APPLICATION_CREDENTIALS\""));
        return new PipelineLogin(values, gitHub, GITLAB_TOKEN_VARIABLE, audience, gitLab);
    }
}
