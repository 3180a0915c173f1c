package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code pipelines} section: PipelineIdentity trusting exactly the jobs named, and bad pipelines at their paths. */
class PipelinesTest {
    private static final String STORES = """
            clusters: {}
            workloads: {}
            stores:
              images: {cloud: aws, kind: registry, arn: "arn:aws:ecr:eu-west-1:111122223333:repository/shop/web"}
              site: {cloud: azure, create: false, resourceGroup: site-rg, account: acmesite, container: web}
            """;
    private static final String ISSUER = "token.actions.githubusercontent.com";

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGitHubPipelineTrustsExactlyItsBranchOnEveryCloudItsGrantsName() {
        var deployment = ZoneStack.withConfig(STORES + """
                pipelines:
                  release:
                    issuer: github
                    repository: acme/shop
                    branches: [main]
                    grants:
                      - {store: images, access: push}
                      - {store: site, access: readWrite}
                """).run(LandingZone::stack);

        var trust = Json.parse(deployment.resource("aws:iam/role:Role", "release-role").input("assumeRolePolicy").orElseThrow());
        assertThat(trust.at("/Statement/Condition/StringEquals")).isEqualTo(Json.parse("""
                {"%1$s:aud": "sts.amazonaws.com", "%1$s:sub": "repo:acme/shop:ref:refs/heads/main"}
                """.formatted(ISSUER)));
        assertThat((String) deployment.resource("aws:iam/role:Role", "release-role").input("inlinePolicies.0.policy").orElseThrow())
                .contains("\"arn:aws:ecr:eu-west-1:111122223333:repository/shop/web\"");
        assertThat(deployment.ofType("azure-native:managedidentity:FederatedIdentityCredential")).singleElement().satisfies(credential -> {
            assertThat(credential.input("subject")).contains("repo:acme/shop:ref:refs/heads/main");
            assertThat(credential.input("issuer")).contains("https://token.actions.githubusercontent.com");
        });
        var logins = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.stackOutputs().get("pipelines"))
                .get("release")).get("logins");
        assertThat(logins).containsKeys("aws.roleArn", "aws.region", "azure.clientId", "azure.tenantId", "azure.subscriptionId");
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    @Test
    void aBranchPatternIsTrustedOnlyWithTheNamedOptionAndWarns() {
        var pattern = STORES + """
                pipelines:
                  release:
                    issuer: gitlab
                    repository: platform/images
                    branches: ["release/*"]
                %s
                    grants: [{store: images, access: push}]
                """;
        assertThat(problems(pattern.formatted(""))).containsExactly("pipelines.release.branches[0]: 'release/*' is a pattern: every "
                + "branch matching it would get the identity; name the branch, or set allowBranchPatterns: true to trust the pattern "
                + "(the stack then warns)");

        var deployment = ZoneStack.withConfig(pattern.formatted("    allowBranchPatterns: true")).run(LandingZone::stack);
        assertThat((String) deployment.resource("aws:iam/role:Role", "release-role").input("assumeRolePolicy").orElseThrow())
                .contains("\"StringLike\"", "\"project_path:platform/images:ref_type:branch:ref:release/*\"");
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message)
                .anySatisfy(message -> assertThat(message).contains("matching 'project_path:platform/images:ref_type:branch:ref:release/*'"));
    }

    @Test
    void badPipelinesAreReportedAtTheirPaths() {
        assertThat(problems(STORES + """
                pipelines:
                  mono:
                    issuer: github
                    repository: acme
                    branches: [main]
                    grants: [{store: images, access: push}]
                  gl:
                    issuer: gitlab
                    repository: platform/images
                    environments: [production]
                    grants: [{store: images, access: push}]
                  jenkins:
                    issuer: https://jenkins.example.com/oidc
                    subjects: ["job/*"]
                    grants: [{store: images, access: pull}]
                  circle:
                    issuer: circleci
                  pinned:
                    issuer: github
                    repository: acme/shop
                    environments: [production]
                    repositoryId: 123
                    ownerId: 456
                    grants: [{store: images, access: push}]
                  no-grants:
                    issuer: github
                    repository: acme/shop
                    pullRequest: true
                """)).containsExactly(
                "pipelines.mono.repository: 'acme' must be OWNER/REPO, e.g. acme/shop",
                "pipelines.gl.environments: is for github; a GitLab job's subject names its branch",
                "pipelines.jenkins.subjects[0]: subject must be free of '*' unless built with a named wildcard option: 'job/*'",
                "pipelines.circle.issuer: 'circleci' is not one of github, gitlab, or an https issuer URL",
                "pipelines.pinned: subjects[0] must be a subject with no claims beyond 'sub' for AWS: an IAM role's trust can check "
                        + "only the issuer's 'aud' and 'sub' (pin the repository ids on GCP only, or leave pinnedToIds(...) out): "
                        + "'repo:acme/shop:environment:production requiring [repository_id, repository_owner_id]'",
                "pipelines.no-grants.grants: is required: at least one grant; the grants name the clouds the pipeline logs in to");
    }
}
