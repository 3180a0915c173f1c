package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.ProjectedToken;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.keyless.aws.ForeignCluster.AKS_HOST_PATH;
import static dev.keyless.aws.ForeignCluster.AKS_ISSUER;
import static dev.keyless.aws.ForeignCluster.GKE_HOST_PATH;
import static dev.keyless.aws.ForeignCluster.GKE_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

/** A workload on a cluster of another cloud writing S3, through the default federation into AWS. */
class AwsFederationTest {
    static final String ROLE = "aws:iam/role:Role";
    static final String OIDC_PROVIDER = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

    static FederatedServiceAccountArgs.Builder writer(ForeignCluster cluster) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("reports").name("writer")
                .grant(S3Access.readWrite("acme-reports"));
    }

    private static RecordedDeployment deployOn(String issuer) {
        return SimulatedStack.named("fed").config("aws:region", "eu-west-1").run(ctx ->
                new FederatedServiceAccount("writer", writer(ForeignCluster.withIssuer("apps", issuer)).build()));
    }

    static String exactTrust(String providerArn, String hostPath, String subject) {
        return """
                {"Version": "2012-10-17",
                 "Statement": {
                   "Effect": "Allow",
                   "Principal": {"Federated": "%s"},
                   "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {
                     "%s:sub": "%s",
                     "%s:aud": "sts.amazonaws.com"}}}}
                """.formatted(providerArn, hostPath, subject, hostPath);
    }

    @Test
    void roleForAGkeIssuerTrustsExactlyTheServiceAccountAndTheStsAudience() {
        var deployment = deployOn(GKE_ISSUER);

        var trust = deployment.resource(ROLE, "writer-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(exactTrust(
                "arn:aws:iam::123456789012:oidc-provider/" + GKE_HOST_PATH, GKE_HOST_PATH, "system:serviceaccount:reports:writer")));
    }

    @Test
    void roleForAnAksIssuerKeepsTheIssuersTrailingSlash() {
        var deployment = deployOn(AKS_ISSUER);

        var trust = deployment.resource(ROLE, "writer-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(exactTrust(
                "arn:aws:iam::123456789012:oidc-provider/" + AKS_HOST_PATH, AKS_HOST_PATH, "system:serviceaccount:reports:writer")));
        assertThat(deployment.resource(OIDC_PROVIDER, "apps-aws-oidc-provider").input("url")).contains(AKS_ISSUER);
    }

    @Test
    void oidcProviderNamesTheIssuerAndStsAndBelongsToTheCluster() {
        var deployment = deployOn(GKE_ISSUER);
        var graph = ResourceGraph.of(deployment);

        var provider = deployment.resource(OIDC_PROVIDER, "apps-aws-oidc-provider");
        assertThat(provider.input("url")).contains(GKE_ISSUER);
        assertThat(provider.input("clientIdLists")).contains(List.of("sts.amazonaws.com"));
        // IAM checks the issuer's certificate against trusted root CAs: no thumbprint is pinned.
        assertThat(provider.input("thumbprintLists")).isEmpty();
        assertThat(graph.parentOf(provider).urn()).isEqualTo(deployment.resource("test:index:ForeignCluster", "apps").urn());
    }

    @Test
    void grantsAreTheRolesInlinePolicyAsWithIrsa() {
        var deployment = deployOn(GKE_ISSUER);

        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "writer"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports"},
                   {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                    "Resource": "arn:aws:s3:::acme-reports/*"}]}
                """));
    }

    @Test
    void oneProviderPerIssuerIsSharedByEveryWorkloadAndEveryClusterObjectOfThatIssuer() {
        var deployment = SimulatedStack.named("fed").run(ctx -> {
            var apps = ForeignCluster.withIssuer("apps", GKE_ISSUER);
            var sameIssuer = ForeignCluster.withIssuer("apps-again", GKE_ISSUER);
            new FederatedServiceAccount("writer", writer(apps).build());
            new FederatedServiceAccount("reader", FederatedServiceAccountArgs.builder().cluster(apps).namespace("reports").name("reader")
                    .grant(S3Access.readOnly("acme-reports")).build());
            new FederatedServiceAccount("archiver", FederatedServiceAccountArgs.builder().cluster(sameIssuer).namespace("reports").name("archiver")
                    .grant(S3Access.readOnly("acme-reports")).build());
        });

        assertThat(deployment.ofType(OIDC_PROVIDER)).extracting(r -> r.name()).containsExactly("apps-aws-oidc-provider");
        var arn = "arn:aws:iam::123456789012:oidc-provider/" + GKE_HOST_PATH;
        for (var workload : List.of("writer", "reader", "archiver")) {
            var trust = Json.parse(deployment.resource(ROLE, workload + "-role").input("assumeRolePolicy").orElseThrow());
            assertThat(trust.at("/Statement/Principal/Federated").asText()).as(workload).isEqualTo(arn);
        }
    }

    @Test
    void podsGetAStsTokenAndTheVariablesAwsSdksReadAndTheServiceAccountNoAnnotation() {
        var needs = new AtomicReference<dev.keyless.core.PodNeeds>();
        var deployment = SimulatedStack.named("fed").config("aws:region", "eu-west-1").run(ctx ->
                needs.set(new FederatedServiceAccount("writer", writer(ForeignCluster.withIssuer("apps", GKE_ISSUER)).build()).podNeeds()));

        assertThat(needs.get().tokens()).containsExactly(new ProjectedToken("aws-iam-token", "sts.amazonaws.com",
                "/var/run/secrets/eks.amazonaws.com/serviceaccount", "token", 3600));
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "writer").outputs()).containsEntry("podEnv", Map.of(
                "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/writer-role-xxxxxxx",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
                "AWS_REGION", "eu-west-1",
                "AWS_SDK_LOAD_CONFIG", "true"));
        assertThat(deployment.resource(SERVICE_ACCOUNT, "writer-sa").input("metadata.annotations")).contains(Map.of());
    }

    @Test
    void aGivenRegionIsUsedInsteadOfTheProviders() {
        var deployment = SimulatedStack.named("fed").config("aws:region", "eu-west-1").run(ctx ->
                new FederatedServiceAccount("writer", writer(ForeignCluster.withIssuer("apps", GKE_ISSUER))
                        .mechanism(AwsFederation.builder().region("us-west-2").build()).build()));

        @SuppressWarnings("unchecked")
        var env = (Map<String, String>) deployment.resource(FederatedServiceAccount.TYPE, "writer").outputs().get("podEnv");
        assertThat(env).containsEntry("AWS_REGION", "us-west-2");
    }

    @Test
    void providerComesBeforeTheRoleAndTheRoleCarryingTheGrantsBeforeTheServiceAccount() {
        var deployment = deployOn(GKE_ISSUER);
        var graph = ResourceGraph.of(deployment);

        var role = deployment.resource(ROLE, "writer-role");
        var serviceAccount = deployment.resource(SERVICE_ACCOUNT, "writer-sa");
        assertThat(graph.waitsFor(role, deployment.resource(OIDC_PROVIDER, "apps-aws-oidc-provider"))).isTrue();
        assertThat(graph.waitsFor(serviceAccount, role)).isTrue();
        assertThat(graph.parentOf(role).urn()).isEqualTo(deployment.resource(FederatedServiceAccount.TYPE, "writer").urn());
    }

    @Test
    void anExistingProviderIsTrustedAndNoneIsCreated() {
        var existing = "arn:aws:iam::444455556666:oidc-provider/" + GKE_HOST_PATH;
        var deployment = SimulatedStack.named("fed").run(ctx ->
                new FederatedServiceAccount("writer", writer(ForeignCluster.withIssuer("apps", GKE_ISSUER))
                        .mechanism(AwsFederation.builder().existingOidcProviderArn(existing).build()).build()));

        assertThat(deployment.ofType(OIDC_PROVIDER)).isEmpty();
        var trust = deployment.resource(ROLE, "writer-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(exactTrust(existing, GKE_HOST_PATH, "system:serviceaccount:reports:writer")));
    }

    @Test
    void anExplicitProviderCreatesTheRoleAndItsOwnOidcProviderInItsAccount() {
        var deployment = SimulatedStack.named("fed").run(ctx -> {
            var other = new com.pulumi.aws.Provider("reports-account", com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            new FederatedServiceAccount("writer", writer(ForeignCluster.withIssuer("apps", GKE_ISSUER))
                    .mechanism(AwsFederation.builder().provider(other).build()).build());
        });

        var providerUrn = deployment.resource("pulumi:providers:aws", "reports-account").urn();
        var oidc = deployment.resource(OIDC_PROVIDER, "apps-aws-oidc-provider-reports-account");
        assertThat(oidc.providerUrn()).startsWith(providerUrn);
        assertThat(deployment.resource(ROLE, "writer-role").providerUrn()).startsWith(providerUrn);
        assertThat(deployment.ofType(ROLE_POLICY)).isEmpty();
    }
}
