package dev.keyless.audit.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subjects and issuers of CI systems' OIDC tokens, so trust rules can tell a pipeline's trust
 * from a cluster's. GitHub's subject shapes are those of
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims;
 * GitLab's ({@code project_path:GROUP/PROJECT:ref_type:branch:ref:BRANCH}, {@code ref_type:tag:ref:TAG} for a
 * tag) as its ID token documentation gives it.
 */
final class CiSubjects {
    /** One repository (owner and name as GitHub allows them) then one environment, ref or pull requests. */
    private static final Pattern GITHUB = Pattern.compile(
            "repo:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+:"
                    + "(?:environment:[^*?:\\s]+|ref:refs/(?:heads|tags)/[^*?\\s]+|pull_request)");
    /** One project path then one branch or tag. */
    private static final Pattern GITLAB = Pattern.compile(
            "project_path:[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)+:ref_type:(?:branch|tag):ref:[^*?\\s]+");
    /**
     * Hosts of the CI systems' public issuers (self-hosted GitLab and Jenkins are known by their
     * subjects); one ending in '/' is a prefix, as a GitHub Enterprise Cloud enterprise's own issuer,
     * token.actions.githubusercontent.com/ENTERPRISE_SLUG (GitHub: "Customizing the issuer value for
     * an enterprise").
     */
    private static final List<String> CI_ISSUERS = List.of("token.actions.githubusercontent.com",
            "token.actions.githubusercontent.com/", "gitlab.com",
            "api.bitbucket.org/2.0/workspaces/", "oidc.circleci.com/org/", "agent.buildkite.com");

    /** Claims naming one repository: GitHub's, then GitLab's. */
    private static final List<String> REPOSITORY_CLAIMS = List.of("repository", "repository_id", "project_path", "project_id");
    /** Claims naming one ref or deployment environment, on both. */
    private static final List<String> REF_CLAIMS = List.of("ref", "environment");

    private CiSubjects() {
    }

    /** Whether {@code subject} is exactly one GitHub Actions or GitLab CI subject, no wildcard. */
    static boolean isExactlyOne(String subject) {
        return GITHUB.matcher(subject).matches() || GITLAB.matcher(subject).matches();
    }

    /** Whether {@code subject} reads as a CI job's subject, exact or not: {@code repo:…} or {@code project_path:…}. */
    static boolean looksLikeCi(String subject) {
        return subject.startsWith("repo:") || subject.startsWith("project_path:");
    }

    /** Whether {@code issuer} (a host and path, no scheme) is a CI system's public issuer. */
    static boolean isCiIssuer(String issuer) {
        return CI_ISSUERS.stream().anyMatch(ci -> issuer.equals(ci) || ci.endsWith("/") && issuer.startsWith(ci));
    }

    /** Whether {@code url} ({@code https://HOST/PATH}, as Google and Entra take an issuer) is a CI system's public issuer. */
    static boolean isCiIssuerUrl(String url) {
        String hostAndPath = url.replaceFirst("^https://", "");
        return isCiIssuer(hostAndPath.endsWith("/") ? hostAndPath.substring(0, hostAndPath.length() - 1) : hostAndPath);
    }

    /**
     * Whether the claims one alternative of a Google attribute condition pins admit exactly one
     * pipeline: an exact subject ({@link #isExactlyOne}), or one repository ({@code repository} or
     * {@code repository_id}; GitLab's {@code project_path} or {@code project_id}) and one ref or
     * environment ({@code ref}, {@code environment}). Pinning only the owner
     * ({@code repository_owner}, {@code namespace_path}) or only the repository admits many.
     */
    static boolean pinsOnePipeline(Map<String, String> pinned) {
        String subject = pinned.get("sub");
        if (subject != null && isExactlyOne(subject)) {
            return true;
        }
        boolean repository = REPOSITORY_CLAIMS.stream().anyMatch(pinned::containsKey);
        boolean ref = REF_CLAIMS.stream().anyMatch(pinned::containsKey);
        return repository && ref;
    }

    /** Whether an IAM {@code StringLike} value matches more than itself. */
    static boolean isWildcard(String value) {
        return value.contains("*") || value.contains("?");
    }
}
