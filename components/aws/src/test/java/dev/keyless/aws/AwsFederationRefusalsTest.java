package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.aws.AwsFederationTest.writer;
import static dev.keyless.aws.ForeignCluster.GKE_HOST_PATH;
import static dev.keyless.aws.ForeignCluster.GKE_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input to a federation into AWS is refused before anything of the workload registers. */
class AwsFederationRefusalsTest {

    private static String refusalOn(ForeignCluster.Factory cluster, AwsFederation mechanism) {
        var failure = SimulatedStack.named("fed").runExpectingFailure(ctx -> {
            var args = writer(cluster.create());
            if (mechanism != null) {
                args.mechanism(mechanism);
            }
            new FederatedServiceAccount("writer", args.build());
        });
        assertThat(failure.deployment().ofType(AwsFederationTest.ROLE)).isEmpty();
        assertThat(failure.deployment().ofType(AwsFederationTest.OIDC_PROVIDER)).isEmpty();
        assertThat(failure.deployment().ofType(AwsFederationTest.SERVICE_ACCOUNT)).isEmpty();
        return failure.message();
    }

    @Test
    void anIssuerThatIsNotHttpsIsRefusedBeforeAnythingRegisters() {
        assertThat(refusalOn(() -> ForeignCluster.withIssuer("apps", "http://issuer.example.com/apps"), null)).isEqualTo(
                "issuerUrl of cluster 'apps' must be an https URL with a host and no query or fragment, exactly as the tokens' 'iss' "
                        + "(e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE): 'http://issuer.example.com/apps'");
    }

    @Test
    void anIssuerWithAPortIsRefusedAsIamRefusesIt() {
        assertThat(refusalOn(() -> ForeignCluster.withIssuer("apps", "https://issuer.example.com:8443/apps"), null)).isEqualTo(
                "issuerUrl of cluster 'apps' must be an https issuer URL without port or query and at most 255 characters, "
                        + "as IAM takes an OIDC provider's URL: 'https://issuer.example.com:8443/apps'");
    }

    @Test
    void aDeployTimeIssuerIsCheckedOnceKnownAndNothingRegistersBeforeIt() {
        assertThat(refusalOn(() -> ForeignCluster.withDeployTimeIssuer("apps", "http://issuer.example.com/apps"), null)).isEqualTo(
                "issuerUrl of cluster 'apps' must be an https URL with a host and no query or fragment, exactly as the tokens' 'iss' "
                        + "(e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE): 'http://issuer.example.com/apps'");
    }

    @Test
    void anExistingProviderOfAnotherIssuerIsRefused() {
        var otherIssuers = "arn:aws:iam::444455556666:oidc-provider/container.googleapis.com/v1/projects/acme-apps/locations/europe-west1/clusters/other";
        assertThat(refusalOn(() -> ForeignCluster.withIssuer("apps", GKE_ISSUER),
                AwsFederation.builder().existingOidcProviderArn(otherIssuers).build())).isEqualTo(
                "existingOidcProviderArn must be the IAM OIDC provider of the cluster's issuer " + GKE_ISSUER
                        + " (arn:aws:iam::ACCOUNT:oidc-provider/" + GKE_HOST_PATH + "): '" + otherIssuers + "'");
    }

    @Test
    void anExistingRoleIsRefusedSinceTheTrustWouldNotBeKeylesss() {
        assertThat(refusalOn(() -> ForeignCluster.withIssuer("apps", GKE_ISSUER),
                AwsFederation.builder().existingRoleArn("arn:aws:iam::123456789012:role/reports").build())).isEqualTo(
                "existingRoleArn must be left unset for AwsFederation, which creates its role so that the trust names exactly "
                        + "the ServiceAccount and the issuer's provider: 'an existing role'");
    }

    @Test
    void twoClusterObjectsWhoseDeployTimeIssuersTurnOutEqualAreRefusedNotGivenTwoProviders() {
        var failure = SimulatedStack.named("fed").runExpectingFailure(ctx -> {
            new FederatedServiceAccount("writer", writer(ForeignCluster.withDeployTimeIssuer("apps", GKE_ISSUER)).build());
            new FederatedServiceAccount("archiver", FederatedServiceAccountArgs.builder()
                    .cluster(ForeignCluster.withDeployTimeIssuer("apps-again", GKE_ISSUER)).namespace("reports").name("archiver")
                    .grant(S3Access.readOnly("acme-reports")).build());
        });

        assertThat(failure.message()).isEqualTo("cluster must be a cluster whose issuer no other cluster object of this program "
                + "federates into the same AWS account, but 'apps-aws-oidc-provider' and 'apps-again-aws-oidc-provider' would both be "
                + "IAM OIDC providers for " + GKE_HOST_PATH + " (IAM allows one per URL in an account: adopt the cluster once, "
                + "or give existingOidcProviderArn): 'cluster 'apps-again''");
        assertThat(failure.deployment().ofType(AwsFederationTest.OIDC_PROVIDER)).extracting(r -> r.name()).doesNotContain("apps-again-aws-oidc-provider");
        assertThat(failure.deployment().find(AwsFederationTest.ROLE, "archiver-role")).isEmpty();
    }

    @Test
    void badOptionsAreRefusedAtTheSetter() {
        assertThatThrownBy(() -> AwsFederation.builder().region("Europe"))
                .isInstanceOf(InvalidInputException.class).hasMessage("region must be an AWS region such as eu-west-1: 'Europe'");
        assertThatThrownBy(() -> AwsFederation.builder().existingOidcProviderArn("arn:aws:iam::123456789012:role/x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("existingOidcProviderArn must be an IAM OIDC provider ARN, arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH: 'arn:aws:iam::123456789012:role/x'");
    }
}
