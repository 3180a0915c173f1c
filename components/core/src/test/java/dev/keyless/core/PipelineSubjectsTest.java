package dev.keyless.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed CI subjects and issuers: GitHub's and GitLab's formats, and the names they would refuse. */
class PipelineSubjectsTest {

    @Test
    void gitHubSubjectsAreGitHubsDefaultFormats() {
        var shop = GitHubActions.repository("acme", "shop");
        assertThat(shop.environment("production").value()).isEqualTo("repo:acme/shop:environment:production");
        assertThat(shop.branch("main").value()).isEqualTo("repo:acme/shop:ref:refs/heads/main");
        assertThat(shop.pullRequest().value()).isEqualTo("repo:acme/shop:pull_request");
        assertThat(shop.branch("main").pattern()).isFalse();
        assertThat(shop.anyBranchMatching("release/*").pattern()).isTrue();
    }

    @Test
    void tagSubjectsAreGitHubsAndGitLabsTagFormats() {
        var shop = GitHubActions.repository("acme", "shop");
        assertThat(shop.tag("v1.4.0").value()).isEqualTo("repo:acme/shop:ref:refs/tags/v1.4.0");
        assertThat(shop.tag("v1.4.0").description()).isEqualTo("GitHub repository acme/shop, tag v1.4.0");
        assertThat(shop.tag("v1.4.0").key()).isEqualTo("tag-v1-4-0");
        assertThat(shop.tag("v1.4.0").pattern()).isFalse();
        assertThat(shop.tag("release/2026.12").value()).isEqualTo("repo:acme/shop:ref:refs/tags/release/2026.12");
        assertThat(shop.anyTagMatching("v*").value()).isEqualTo("repo:acme/shop:ref:refs/tags/v*");
        assertThat(shop.anyTagMatching("v*").pattern()).isTrue();
        assertThat(shop.pinnedToIds(7, 42).tag("v1").requiredClaims())
                .containsExactly(Map.entry("repository_id", "7"), Map.entry("repository_owner_id", "42"));

        var images = GitLab.project("platform/images");
        assertThat(images.tag("v1.4.0").value()).isEqualTo("project_path:platform/images:ref_type:tag:ref:v1.4.0");
        assertThat(images.tag("v1.4.0").description()).isEqualTo("GitLab project platform/images, tag v1.4.0");
        assertThat(images.anyTagMatching("v*").value()).isEqualTo("project_path:platform/images:ref_type:tag:ref:v*");
        assertThat(images.anyTagMatching("v*").pattern()).isTrue();
        // One name as a branch and as a tag: two subjects, two keys.
        assertThat(images.tag("main").key()).isNotEqualTo(images.branch("main").key());
    }

    @Test
    void tagNamesGitWouldRefuseAndStarsWithoutTheOptionAreRefused() {
        var shop = GitHubActions.repository("acme", "shop");
        var rule = "a git tag name (no spaces, '~', '^', ':', '?', '*', '[', '\\\\', control characters, '..', '@{' or '//'; "
                + "not starting with '-' or '/', no part starting with '.', not ending with '/', '.' or '.lock')";
        for (var tag : new String[] {"", "v 1", "-v1", "v1..2", "v1.lock", "v1/", ".v1", "v1^", "v*"}) {
            assertThatThrownBy(() -> shop.tag(tag)).as(tag).isInstanceOf(InvalidInputException.class)
                    .hasMessage("tag must be " + rule + ": '" + tag + "'");
            assertThatThrownBy(() -> GitLab.project("platform/images").tag(tag)).as(tag).hasMessage("tag must be " + rule + ": '" + tag + "'");
        }
        assertThatThrownBy(() -> shop.tag(null)).hasMessage("tag must be " + rule + ": 'null'");
        assertThatThrownBy(() -> shop.anyTagMatching("v1")).hasMessage("anyTagMatching must be a tag pattern with a '*' (use tag(...) for one tag): 'v1'");
        assertThatThrownBy(() -> GitLab.project("platform/images").anyTagMatching("v1"))
                .hasMessage("anyTagMatching must be a tag pattern with a '*' (use tag(...) for one tag): 'v1'");
        assertThatThrownBy(() -> shop.anyTagMatching("v* 2")).hasMessageStartingWith("anyTagMatching must be a git tag name");
    }

    @Test
    void anEnterpriseIssuerIsGitHubsIssuerWithTheEnterpriseSlug() {
        var issuer = GitHubActions.enterpriseIssuer("octocat-inc");
        assertThat(issuer.plainIssuerUrl()).contains("https://token.actions.githubusercontent.com/octocat-inc");
        assertThat(issuer.describe()).isEqualTo("GitHub Actions of enterprise octocat-inc");
        assertThat(GitHubActions.enterpriseIssuer("Acme2").plainIssuerUrl()).contains("https://token.actions.githubusercontent.com/Acme2");
        var rule = "a GitHub enterprise slug as in github.com/enterprises/SLUG (letters, digits or single hyphens, "
                + "not starting or ending with a hyphen)";
        for (var slug : new String[] {"", "-acme", "acme-", "ac--me", "acme/shop", "acme.inc", "acme inc"}) {
            assertThatThrownBy(() -> GitHubActions.enterpriseIssuer(slug)).as(slug).isInstanceOf(InvalidInputException.class)
                    .hasMessage("enterpriseSlug must be " + rule + ": '" + slug + "'");
        }
        assertThatThrownBy(() -> GitHubActions.enterpriseIssuer(null)).hasMessage("enterpriseSlug must be " + rule + ": 'null'");
    }

    @Test
    void gitLabSubjectIsItsProjectPathFormat() {
        assertThat(GitLab.project("platform/tools/images").branch("main").value())
                .isEqualTo("project_path:platform/tools/images:ref_type:branch:ref:main");
        assertThat(GitLab.issuer().plainIssuerUrl()).contains("https://gitlab.com");
        assertThat(GitLab.selfHosted("https://gitlab.example.com").plainIssuerUrl()).contains("https://gitlab.example.com");
    }

    @Test
    void namesGitHubWouldRefuseAreRefused() {
        assertThatThrownBy(() -> GitHubActions.repository("-acme", "shop")).hasMessage("owner must be a GitHub user or organization name "
                + "(1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen): '-acme'");
        assertThatThrownBy(() -> GitHubActions.repository("ac--me", "shop")).hasMessageStartingWith("owner must be");
        assertThatThrownBy(() -> GitHubActions.repository("acme", "sh op")).hasMessage("repository must be a GitHub repository name "
                + "(1 to 100 of [A-Za-z0-9._-], not '.' or '..'): 'sh op'");
        assertThatThrownBy(() -> GitHubActions.repository("acme", "shop").environment("prod:eu")).hasMessageStartingWith("environment must be");
    }

    @Test
    void aStarBranchNeedsTheNamedWildcardOption() {
        var shop = GitHubActions.repository("acme", "shop");
        assertThatThrownBy(() -> shop.branch("*")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("branch must be a git branch name");
        assertThatThrownBy(() -> shop.anyBranchMatching("main")).hasMessage("anyBranchMatching must be a branch pattern with a '*' "
                + "(use branch(...) for one branch): 'main'");
        assertThatThrownBy(() -> GitLab.project("platform/images").branch("feature/*")).hasMessageStartingWith("branch must be a git branch name");
    }

    @Test
    void gitLabPathsAndIssuersGitLabWouldRefuseAreRefused() {
        assertThatThrownBy(() -> GitLab.project("images")).hasMessageStartingWith("project must be a GitLab project path");
        assertThatThrownBy(() -> GitLab.project("platform/images.git")).hasMessageStartingWith("project must be a GitLab project path");
        assertThatThrownBy(() -> GitLab.selfHosted("https://gitlab.example.com/")).hasMessage("selfHosted must be the https URL of a GitLab "
                + "instance with no path, query, fragment or trailing '/', exactly as its tokens' 'iss' (e.g. https://gitlab.example.com): "
                + "'https://gitlab.example.com/'");
        assertThatThrownBy(() -> GitLab.selfHosted("http://gitlab.example.com")).hasMessageStartingWith("selfHosted must be an https URL");
    }

    @Test
    void argsNeedAnIssuerASubjectAndACloud() {
        assertThatThrownBy(() -> PipelineIdentityArgs.builder().subject(GitHubActions.repository("acme", "shop").pullRequest()).build())
                .hasMessageStartingWith("issuer");
        assertThatThrownBy(() -> PipelineIdentityArgs.builder().issuer(GitHubActions.issuer()).build()).hasMessageStartingWith("subject");
        assertThatThrownBy(() -> PipelineIdentityArgs.builder().issuer(GitHubActions.issuer())
                .subject(GitHubActions.repository("acme", "shop").pullRequest()).build()).hasMessageStartingWith("grant");
    }
}
