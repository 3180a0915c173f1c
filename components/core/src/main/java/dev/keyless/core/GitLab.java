package dev.keyless.core;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitLab CI as an OIDC issuer (GitLab.com or a self-managed instance), and the subjects of its
 * jobs' {@code id_tokens}, built from checked names.
 *
 * <p>The subject is GitLab's {@code project_path:GROUP/PROJECT:ref_type:branch:ref:BRANCH}, or
 * {@code project_path:GROUP/PROJECT:ref_type:tag:ref:TAG} for a tag's pipeline; the
 * issuer is the instance's URL with no path and no trailing '/', as GitLab puts it in {@code iss}.
 *
 * @see <a href="https://docs.gitlab.com/ci/secrets/id_token_authentication/">GitLab: OpenID Connect (OIDC) authentication using ID tokens</a>
 */
public final class GitLab {
    /** GitLab.com's issuer. */
    public static final String ISSUER_URL = "https://gitlab.com";

    // A namespace or project path segment: letters, digits, '_', '.', '-', starting with a letter,
    // digit or '_', not ending in '.git' or '.atom' (GitLab's path rules, Gitlab::PathRegex).
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");
    private static final String PROJECT_RULE = "a GitLab project path GROUP[/SUBGROUP...]/PROJECT, each part of "
            + "[A-Za-z0-9_.-] starting with a letter, digit or '_' and not ending in '.git' or '.atom'";
    private static final String SELF_HOSTED_RULE = "the https URL of a GitLab instance with no path, query, fragment or "
            + "trailing '/', exactly as its tokens' 'iss' (e.g. https://gitlab.example.com)";

    private GitLab() {
    }

    /** @return GitLab.com's issuer, {@value #ISSUER_URL} */
    public static OidcIssuer issuer() {
        return new PlainOidcIssuer(ISSUER_URL, "GitLab.com");
    }

    /**
     * @param url the instance's URL, e.g. {@code https://gitlab.example.com}
     * @return the self-managed instance's issuer
     * @throws InvalidInputException when the URL has a path or a trailing '/', or is not https
     */
    public static OidcIssuer selfHosted(String url) {
        OidcIssuer.requireHttps("selfHosted", url);
        var path = URI.create(url).getRawPath();
        if (path != null && !path.isEmpty()) {
            throw InvalidInputException.of("selfHosted", url, SELF_HOSTED_RULE);
        }
        return new PlainOidcIssuer(url, "GitLab " + url);
    }

    /**
     * @param path the project's full path, e.g. {@code platform/images}
     * @return the project, whose jobs' subjects it builds
     * @throws InvalidInputException when GitLab would refuse the path
     */
    public static Project project(String path) {
        if (path == null || !path.contains("/")) {
            throw InvalidInputException.of("project", path, PROJECT_RULE);
        }
        for (var segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.endsWith(".git") || segment.endsWith(".atom") || segment.endsWith(".")) {
                throw InvalidInputException.of("project", path, PROJECT_RULE);
            }
        }
        return new Project(path);
    }

    /** @param path the project's full path */
    public record Project(String path) {

        /**
         * @param branch a branch name, e.g. {@code main}
         * @return {@code project_path:PATH:ref_type:branch:ref:BRANCH}
         */
        public Subject branch(String branch) {
            GitRefNames.requireBranch("branch", branch);
            return subject("branch:ref:" + branch, "branch " + branch, "branch-" + branch, false);
        }

        /**
         * A wildcard: every branch matching {@code pattern} ({@code *} matches any characters).
         * Whoever can push such a branch gets the identity; the component warns.
         *
         * @param pattern a branch name with at least one {@code *}
         * @return {@code project_path:PATH:ref_type:branch:ref:PATTERN}, a pattern
         */
        public Subject anyBranchMatching(String pattern) {
            if (pattern == null || !pattern.contains("*")) {
                throw InvalidInputException.of("anyBranchMatching", pattern, "a branch pattern with a '*' (use branch(...) for one branch)");
            }
            GitRefNames.requireBranch("anyBranchMatching", pattern.replace("*", "x"));
            return subject("branch:ref:" + pattern, "branches matching " + pattern, "branches-" + pattern, true);
        }

        /**
         * @param tag a tag name, e.g. {@code v1.4.0}
         * @return {@code project_path:PATH:ref_type:tag:ref:TAG}
         */
        public Subject tag(String tag) {
            GitRefNames.requireTag("tag", tag);
            return subject("tag:ref:" + tag, "tag " + tag, "tag-" + tag, false);
        }

        /**
         * A wildcard: every tag matching {@code pattern} ({@code *} matches any characters).
         * Whoever can push such a tag gets the identity (GitLab's protected tags decide who can);
         * the component warns.
         *
         * @param pattern a tag name with at least one {@code *}
         * @return {@code project_path:PATH:ref_type:tag:ref:PATTERN}, a pattern
         */
        public Subject anyTagMatching(String pattern) {
            if (pattern == null || !pattern.contains("*")) {
                throw InvalidInputException.of("anyTagMatching", pattern, "a tag pattern with a '*' (use tag(...) for one tag)");
            }
            GitRefNames.requireTag("anyTagMatching", pattern.replace("*", "x"));
            return subject("tag:ref:" + pattern, "tags matching " + pattern, "tags-" + pattern, true);
        }

        private Subject subject(String ref, String what, String key, boolean pattern) {
            return new Subject("project_path:" + path + ":ref_type:" + ref, "GitLab project " + path + ", " + what,
                    SubjectKeys.of(key), Optional.empty(), pattern, Map.of());
        }
    }
}
