package dev.keyless.core;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub Actions as an OIDC issuer, and the subjects of its jobs' tokens, built from checked names.
 *
 * <pre>{@code
 * var shop = GitHubActions.repository("acme", "shop");
 * PipelineIdentityArgs.builder().issuer(GitHubActions.issuer()).subject(shop.environment("production"))
 * }</pre>
 *
 * <p>The subjects are GitHub's default {@code sub} formats: {@code repo:OWNER/REPO:environment:NAME}
 * for a job that names an environment, {@code repo:OWNER/REPO:ref:refs/heads/BRANCH} for a branch,
 * {@code repo:OWNER/REPO:ref:refs/tags/TAG} for a tag and {@code repo:OWNER/REPO:pull_request} for
 * pull requests. Clouds compare them exactly (AWS {@code StringEquals} is case-sensitive), so names
 * are given as GitHub shows them.
 *
 * <p>An enterprise on GitHub Enterprise Cloud can have its jobs' tokens issued from its own URL,
 * {@code https://token.actions.githubusercontent.com/ENTERPRISE_SLUG} ({@link #enterpriseIssuer}):
 * a cloud that trusts that issuer admits no repository outside the enterprise, whatever the subject.
 *
 * @see <a href="https://docs.github.com/en/actions/reference/security/oidc">GitHub: OpenID Connect reference (subject formats, claims)</a>
 * @see <a href="https://docs.github.com/en/enterprise-cloud@latest/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#customizing-the-issuer-value-for-an-enterprise">GitHub Enterprise Cloud: customizing the issuer value for an enterprise</a>
 */
public final class GitHubActions {
    /** GitHub.com's Actions issuer. */
    public static final String ISSUER_URL = "https://token.actions.githubusercontent.com";
    /** The claim GitHub gives the repository's numeric id in, never reused after a rename or deletion. */
    public static final String REPOSITORY_ID_CLAIM = "repository_id";
    /** The claim GitHub gives the owner's numeric id in. */
    public static final String REPOSITORY_OWNER_ID_CLAIM = "repository_owner_id";

    // GitHub's account and organization names: 1-39 alphanumerics or single hyphens, not at either
    // end; repository names: up to 100 of [A-Za-z0-9._-] (https://github.com/dead-claudia/github-limits).
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String OWNER_RULE = "a GitHub user or organization name (1 to 39 letters, digits or single hyphens, "
            + "not starting or ending with a hyphen)";
    private static final String REPOSITORY_RULE = "a GitHub repository name (1 to 100 of [A-Za-z0-9._-], not '.' or '..')";
    // An enterprise's slug, as in github.com/enterprises/SLUG: letters, digits and single hyphens.
    private static final Pattern ENTERPRISE_SLUG = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9])*");
    private static final String ENTERPRISE_SLUG_RULE = "a GitHub enterprise slug as in github.com/enterprises/SLUG "
            + "(letters, digits or single hyphens, not starting or ending with a hyphen)";
    private static final String ENVIRONMENT_RULE = "a GitHub environment name (1 to 255 characters, no ':', '*', "
            + "control characters or surrounding spaces)";

    private GitHubActions() {
    }

    /** @return GitHub.com's Actions issuer, {@value #ISSUER_URL} */
    public static OidcIssuer issuer() {
        return new PlainOidcIssuer(ISSUER_URL, "GitHub Actions");
    }

    /**
     * The issuer of an enterprise that has turned on its own issuer URL (an enterprise
     * administrator's {@code PUT /enterprises/ENTERPRISE/actions/oidc/customization/issuer} with
     * {@code include_enterprise_slug: true}). The jobs' subjects are as on GitHub.com.
     *
     * @param enterpriseSlug the enterprise's slug, e.g. {@code octocat-inc}
     * @return {@code https://token.actions.githubusercontent.com/ENTERPRISE_SLUG}
     * @throws InvalidInputException when the slug is not one
     */
    public static OidcIssuer enterpriseIssuer(String enterpriseSlug) {
        if (enterpriseSlug == null || !ENTERPRISE_SLUG.matcher(enterpriseSlug).matches()) {
            throw InvalidInputException.of("enterpriseSlug", enterpriseSlug, ENTERPRISE_SLUG_RULE);
        }
        return new PlainOidcIssuer(ISSUER_URL + "/" + enterpriseSlug, "GitHub Actions of enterprise " + enterpriseSlug);
    }

    /**
     * @param owner      the user or organization, e.g. {@code acme}
     * @param repository the repository, e.g. {@code shop}
     * @return the repository, whose jobs' subjects it builds
     * @throws InvalidInputException when GitHub would refuse either name
     */
    public static Repository repository(String owner, String repository) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw InvalidInputException.of("owner", owner, OWNER_RULE);
        }
        if (repository == null || !REPOSITORY.matcher(repository).matches() || repository.equals(".") || repository.equals("..")) {
            throw InvalidInputException.of("repository", repository, REPOSITORY_RULE);
        }
        return new Repository(owner, repository, Map.of());
    }

    /**
     * One GitHub repository, optionally pinned to its numeric ids.
     *
     * @param owner  the owner's name
     * @param name   the repository's name
     * @param pinned claims every subject also requires ({@link #pinnedToIds})
     */
    public record Repository(String owner, String name, Map<String, String> pinned) {

        /** Copies the pins. */
        public Repository {
            pinned = Map.copyOf(pinned);
        }

        /**
         * Requires the tokens' {@code repository_id} and {@code repository_owner_id} too: a name
         * can be registered again by someone else after a rename or deletion, an id never. Only
         * clouds that can check claims beyond {@code sub} accept pinned subjects (GCP, in the
         * provider's attribute condition); AWS and Azure refuse them rather than ignore them.
         *
         * @param repositoryId the repository's id ({@code gh api repos/OWNER/REPO --jq .id})
         * @param ownerId      the owner's id ({@code gh api users/OWNER --jq .id})
         * @return this repository with the pins
         * @see <a href="https://github.com/google-github-actions/auth/blob/main/docs/SECURITY_CONSIDERATIONS.md">google-github-actions/auth: prefer the numeric ids</a>
         */
        public Repository pinnedToIds(long repositoryId, long ownerId) {
            if (repositoryId <= 0) {
                throw InvalidInputException.of("repositoryId", repositoryId, "a GitHub repository id (a positive number)");
            }
            if (ownerId <= 0) {
                throw InvalidInputException.of("ownerId", ownerId, "a GitHub user or organization id (a positive number)");
            }
            return new Repository(owner, name, Map.of(REPOSITORY_ID_CLAIM, Long.toString(repositoryId),
                    REPOSITORY_OWNER_ID_CLAIM, Long.toString(ownerId)));
        }

        /**
         * @param environment the environment the job names ({@code environment:} in the workflow)
         * @return {@code repo:OWNER/REPO:environment:ENVIRONMENT}
         */
        public Subject environment(String environment) {
            if (environment == null || environment.isEmpty() || environment.length() > 255 || !environment.strip().equals(environment)
                    || environment.contains(":") || environment.contains("*") || environment.chars().anyMatch(Character::isISOControl)) {
                throw InvalidInputException.of("environment", environment, ENVIRONMENT_RULE);
            }
            return subject("environment:" + environment, "environment " + environment, "env-" + environment, false);
        }

        /**
         * @param branch a branch name, e.g. {@code main}
         * @return {@code repo:OWNER/REPO:ref:refs/heads/BRANCH}
         */
        public Subject branch(String branch) {
            GitRefNames.requireBranch("branch", branch);
            return subject("ref:refs/heads/" + branch, "branch " + branch, "branch-" + branch, false);
        }

        /**
         * A wildcard: every branch matching {@code pattern}, where {@code *} matches any
         * characters ({@code release/*}, or {@code *} for every branch). Any collaborator who
         * can push such a branch gets the identity: prefer {@link #branch} or
         * {@link #environment}. The component warns.
         *
         * @param pattern a branch name with at least one {@code *}
         * @return {@code repo:OWNER/REPO:ref:refs/heads/PATTERN}, a pattern
         */
        public Subject anyBranchMatching(String pattern) {
            if (pattern == null || !pattern.contains("*")) {
                throw InvalidInputException.of("anyBranchMatching", pattern, "a branch pattern with a '*' (use branch(...) for one branch)");
            }
            GitRefNames.requireBranch("anyBranchMatching", pattern.replace("*", "x"));
            return subject("ref:refs/heads/" + pattern, "branches matching " + pattern, "branches-" + pattern, true);
        }

        /**
         * @param tag a tag name, e.g. {@code v1.4.0}
         * @return {@code repo:OWNER/REPO:ref:refs/tags/TAG}: a job run for that tag (a push of it, or a release)
         */
        public Subject tag(String tag) {
            GitRefNames.requireTag("tag", tag);
            return subject("ref:refs/tags/" + tag, "tag " + tag, "tag-" + tag, false);
        }

        /**
         * A wildcard: every tag matching {@code pattern} ({@code v*}, or {@code *} for every tag).
         * Anyone who can push such a tag gets the identity: protect the pattern with a tag ruleset,
         * or prefer {@link #tag} or {@link #environment}. The component warns.
         *
         * @param pattern a tag name with at least one {@code *}
         * @return {@code repo:OWNER/REPO:ref:refs/tags/PATTERN}, a pattern
         */
        public Subject anyTagMatching(String pattern) {
            if (pattern == null || !pattern.contains("*")) {
                throw InvalidInputException.of("anyTagMatching", pattern, "a tag pattern with a '*' (use tag(...) for one tag)");
            }
            GitRefNames.requireTag("anyTagMatching", pattern.replace("*", "x"));
            return subject("ref:refs/tags/" + pattern, "tags matching " + pattern, "tags-" + pattern, true);
        }

        /** @return {@code repo:OWNER/REPO:pull_request}: every pull request's job, from any branch of any fork GitHub runs */
        public Subject pullRequest() {
            return subject("pull_request", "pull requests", "pull-request", false);
        }

        private Subject subject(String context, String what, String key, boolean pattern) {
            var subject = new Subject("repo:" + owner + "/" + name + ":" + context,
                    "GitHub repository " + owner + "/" + name + ", " + what, SubjectKeys.of(key), Optional.empty(), pattern, Map.of());
            for (var claim : new java.util.TreeMap<>(pinned).entrySet()) {
                subject = subject.requiringClaim(claim.getKey(), claim.getValue());
            }
            return subject;
        }
    }
}
