package dev.keyless.azure;

import dev.keyless.core.GitHubActions;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

/** A GitHub Actions job's Azure managed identity, through AzureFederation with no ServiceAccount. */
class PipelineIdentityAzureTest {
    private static final GitHubActions.Repository SHOP = GitHubActions.repository("acme", "shop");

    private static PipelineIdentityArgs.Builder deploy() {
        return PipelineIdentityArgs.builder().issuer(GitHubActions.issuer()).grant(BlobAccess.readWrite("site-rg", "siteacct", "web"));
    }

    private static RecordedDeployment run(PipelineIdentityArgs args) {
        return SimulatedStack.named("ci").run(ctx -> {
            var identity = new PipelineIdentity("deploy", args);
            ctx.export("logins", identity.logins());
            ctx.export("github", identity.gitHubActionsSnippet());
        });
    }

    @Test
    void oneCredentialTrustsExactlyTheEnvironmentsSubjectAndTheExchangeAudience() {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());

        var credential = deployment.resource(CREDENTIAL, "deploy-credential");
        assertThat(credential.inputs())
                .containsEntry("issuer", GitHubActions.ISSUER_URL)
                .containsEntry("subject", "repo:acme/shop:environment:production")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"))
                .containsEntry("resourceGroupName", "site-rg");
        assertThat(deployment.resource(IDENTITY, "deploy-identity").input("tags"))
                .contains(Map.of("keyless-oidc-subjects", "repo:acme/shop:environment:production"));
        assertThat(ResourceGraph.of(deployment).parentOf(credential).name()).isEqualTo("deploy");
    }

    @Test
    void eachSubjectIsItsOwnCredentialMadeOneAfterAnother() {
        var deployment = run(deploy().subject(SHOP.branch("main")).subject(SHOP.environment("production")).build());
        var graph = ResourceGraph.of(deployment);

        var main = deployment.resource(CREDENTIAL, "deploy-credential-branch-main");
        var production = deployment.resource(CREDENTIAL, "deploy-credential-env-production");
        assertThat(main.input("subject")).contains("repo:acme/shop:ref:refs/heads/main");
        assertThat(production.input("subject")).contains("repo:acme/shop:environment:production");
        assertThat(graph.waitsFor(production, main)).isTrue();
        assertThat(deployment.ofType(CREDENTIAL)).hasSize(2);
    }

    @Test
    void moreThanTwentySubjectsAreRefusedBeforeAnythingRegisters() {
        var failure = SimulatedStack.named("ci").runExpectingFailure(ctx -> {
            var args = deploy();
            for (int i = 0; i < 21; i++) {
                args.subject(SHOP.branch("release-" + i));
            }
            new PipelineIdentity("deploy", args.build());
        });

        assertThat(failure.message()).contains("20");
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }

    @Test
    void aWildcardAndPinnedIdsAreRefusedOnAzure() {
        var wildcard = SimulatedStack.named("ci").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.anyBranchMatching("release/*")).build()));
        assertThat(wildcard.message()).isEqualTo("subjects[0] must be an exact subject for Azure: a federated identity credential matches "
                + "its subject exactly, with no wildcard: 'repo:acme/shop:ref:refs/heads/release/*'");
        assertThat(wildcard.registeredBesidesStack()).isEmpty();

        var pinned = SimulatedStack.named("ci").runExpectingFailure(ctx ->
                new PipelineIdentity("deploy", deploy().subject(SHOP.pinnedToIds(1, 2).environment("production")).build()));
        assertThat(pinned.message()).startsWith("subjects[0] must be a subject with no claims beyond 'sub' for Azure");
        assertThat(pinned.registeredBesidesStack()).isEmpty();
    }

    @Test
    void loginNamesTheClientTenantAndSubscription() {
        var deployment = run(deploy().subject(SHOP.environment("production")).build());
        var identity = deployment.resource(IDENTITY, "deploy-identity");
        var clientId = identity.output("clientId").orElseThrow();
        var tenantId = identity.output("tenantId").orElseThrow();

        assertThat(deployment.stackOutputs().get("logins")).isEqualTo(Map.of("azure.clientId", clientId, "azure.tenantId", tenantId,
                "azure.subscriptionId", SUBSCRIPTION));
        assertThat(deployment.stackOutputs().get("github")).isEqualTo("""
                permissions:
                  id-token: write
                  contents: read
                steps:
                  - name: Log in to Azure
                    uses: azure/login@v2
                    with:
                      client-id: %s
                      tenant-id: %s
                      subscription-id: %s
                """.formatted(clientId, tenantId, SUBSCRIPTION));
    }
}
