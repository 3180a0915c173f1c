package dev.keyless.core;

import org.junit.jupiter.api.Test;

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
