package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * The login text a {@link PipelineIdentity} exports, assembled from each cloud's
 * {@link PipelineLogin}: a GitHub Actions job's {@code permissions:} and {@code steps:}, and a
 * GitLab CI job's {@code id_tokens:} and {@code script:}.
 *
 * @see <a href="https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#adding-permissions-settings">GitHub: id-token: write</a>
 * @see <a href="https://docs.gitlab.com/ci/yaml/#id_tokens">GitLab CI: id_tokens</a>
 */
final class PipelineSnippets {
    private PipelineSnippets() {
    }

    /** A job needs {@code id-token: write} to ask for its token; nothing else beyond reading the code. */
    static Output<String> gitHubActions(List<PipelineLogin> logins) {
        return Output.all(logins.stream().map(PipelineLogin::gitHubActionsStep).toList()).applyValue(steps -> {
            var lines = new ArrayList<String>();
            lines.add("permissions:");
            lines.add("  id-token: write");
            lines.add("  contents: read");
            lines.add("steps:");
            for (var step : steps) {
                step.lines().forEach(line -> lines.add("  " + line));
            }
            return String.join("\n", lines) + "\n";
        });
    }

    /** One token per cloud, each with the audience its trust requires. */
    static Output<String> gitLabCi(String job, List<PipelineLogin> logins) {
        return Output.all(logins.stream().map(PipelineLogin::gitLabScript).toList()).applyValue(scripts -> {
            var lines = new ArrayList<String>();
            lines.add(job + ":");
            lines.add("  id_tokens:");
            for (var login : logins) {
                lines.add("    " + login.gitLabTokenVariable() + ":");
                lines.add("      aud: " + login.gitLabAudience());
            }
            lines.add("  script:");
            for (var script : scripts) {
                script.lines().forEach(line -> lines.add("    " + line));
            }
            return String.join("\n", lines) + "\n";
        });
    }
}
