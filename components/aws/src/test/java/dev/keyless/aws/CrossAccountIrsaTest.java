package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.keyless.aws.AwsFederationTest.OIDC_PROVIDER;
import static dev.keyless.aws.AwsFederationTest.ROLE;
import static dev.keyless.aws.AwsFederationTest.exactTrust;
import static dev.keyless.aws.TestClusters.ISSUER;
import static dev.keyless.aws.TestClusters.ISSUER_HOST_PATH;
import static dev.keyless.aws.TestClusters.PROVIDER_ARN;
import static org.assertj.core.api.Assertions.assertThat;

/** An IRSA role in another account than its cluster's IAM OIDC provider (adopted cluster: account 111122223333). */
class CrossAccountIrsaTest {
    private static final String SUBJECT = "system:serviceaccount:shop:api";

    private static RecordedDeployment deploy(Function<com.pulumi.aws.Provider, IrsaIdentity> mechanism) {
        return SimulatedStack.named("irsa").run(ctx -> {
            var other = new com.pulumi.aws.Provider("acct-b", com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green"))
                    .namespace("shop").name("api").grant(S3Access.readOnly("shop-catalog"))
                    .mechanism(mechanism.apply(other)).build());
        });
    }

    private static String failureOf(Function<com.pulumi.aws.Provider, IrsaIdentity> mechanism) {
        var failure = SimulatedStack.named("irsa").runExpectingFailure(ctx -> {
            var other = new com.pulumi.aws.Provider("acct-b", com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green"))
                    .namespace("shop").name("api").grant(S3Access.readOnly("shop-catalog"))
                    .mechanism(mechanism.apply(other)).build());
        });
        assertThat(failure.deployment().ofType(ROLE)).isEmpty();
        assertThat(failure.deployment().ofType(OIDC_PROVIDER)).isEmpty();
        assertThat(failure.deployment().ofType("kubernetes:core/v1:ServiceAccount")).isEmpty();
        return failure.message();
    }

    @Test
    void aRoleInTheClusterProvidersAccountIsExactlyAsBefore() {
        var before = deploy(other -> IrsaIdentity.defaults());
        var sameAccount = deploy(other -> IrsaIdentity.builder().roleAccountId("111122223333").build());

        // Registration order is the engine's (asynchronous); the URNs are what must not change.
        assertThat(sameAccount.resources().stream().map(RegisteredResource::urn).toList())
                .containsExactlyInAnyOrderElementsOf(before.resources().stream().map(RegisteredResource::urn).toList());
        assertThat(sameAccount.ofType(OIDC_PROVIDER)).isEmpty();
        assertThat(Json.parse(sameAccount.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(before.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(exactTrust(PROVIDER_ARN, ISSUER_HOST_PATH, SUBJECT)));
    }

    @Test
    void aRoleInAnotherAccountTrustsAProviderForTheIssuerInItsOwnAccount() {
        var deployment = deploy(other -> IrsaIdentity.builder().roleAccountId("444455556666").provider(other).build());
        var graph = ResourceGraph.of(deployment);

        var provider = deployment.resource(OIDC_PROVIDER, "green-aws-oidc-provider-acct-b");
        var accountB = deployment.resource("pulumi:providers:aws", "acct-b").urn();
        assertThat(provider.input("url")).contains(ISSUER);
        assertThat(provider.input("clientIdLists")).contains(java.util.List.of("sts.amazonaws.com"));
        assertThat(provider.providerUrn()).startsWith(accountB);
        assertThat(graph.parentOf(provider).urn()).isEqualTo(deployment.resource(AdoptedEksCluster.TYPE, "green").urn());
        var role = deployment.resource(ROLE, "api-role");
        assertThat(role.providerUrn()).startsWith(accountB);
        assertThat(graph.waitsFor(role, provider)).isTrue();
        // The simulated provider answers with the simulation's account for the provider it created.
        assertThat(Json.parse(role.input("assumeRolePolicy").orElseThrow())).isEqualTo(Json.parse(exactTrust(
                "arn:aws:iam::123456789012:oidc-provider/" + ISSUER_HOST_PATH, ISSUER_HOST_PATH, SUBJECT)));
    }

    @Test
    void anExistingProviderInTheRolesAccountIsTrustedAndNoneIsCreated() {
        var existing = "arn:aws:iam::444455556666:oidc-provider/" + ISSUER_HOST_PATH;
        var deployment = deploy(other -> IrsaIdentity.builder().existingOidcProviderArn(existing).provider(other).build());

        assertThat(deployment.ofType(OIDC_PROVIDER)).isEmpty();
        assertThat(Json.parse(deployment.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(exactTrust(existing, ISSUER_HOST_PATH, SUBJECT)));
    }

    @Test
    void anotherAccountWithoutAProviderForItIsRefused() {
        assertThat(failureOf(other -> IrsaIdentity.builder().roleAccountId("444455556666").build())).isEqualTo(
                "provider must be an AWS provider for account 444455556666, which roleAccountId names: the role and an IAM OIDC provider "
                        + "for the cluster's issuer are created there (the cluster's provider is in account 111122223333): 'none'");
    }

    @Test
    void aProviderOfAnUnnamedOtherAccountIsRefusedOnceKnownNamingTheOption() {
        // The simulated provider is in account 123456789012, the cluster's provider in 111122223333.
        assertThat(failureOf(other -> IrsaIdentity.builder().provider(other).build())).isEqualTo(
                "roleAccountId must be set for a role in another account than the cluster's IAM OIDC provider (111122223333): "
                        + "provider 'acct-b' is in account 123456789012, and a role federates only a provider of its own account; "
                        + "set roleAccountId(\"123456789012\") and keyless creates one for the cluster's issuer there, "
                        + "or give existingOidcProviderArn: 'unset'");
    }

    @Test
    void anExistingProviderOfAnotherIssuerIsRefused() {
        var wrong = "arn:aws:iam::444455556666:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE";
        assertThat(failureOf(other -> IrsaIdentity.builder().existingOidcProviderArn(wrong).provider(other).build())).isEqualTo(
                "existingOidcProviderArn must be the IAM OIDC provider of the cluster's issuer " + ISSUER
                        + " (arn:aws:iam::ACCOUNT:oidc-provider/" + ISSUER_HOST_PATH + "): '" + wrong + "'");
    }
}
