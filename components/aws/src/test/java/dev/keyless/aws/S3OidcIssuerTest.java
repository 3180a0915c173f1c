package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.SelfManagedCluster;
import dev.keyless.core.SelfManagedClusterArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A self-managed cluster's issuer in S3: exactly two public documents, and a role that trusts it. */
class S3OidcIssuerTest {
    private static final String ISSUER = "https://k3s-issuer.s3.eu-west-1.amazonaws.com";
    private static final String HOST_PATH = "k3s-issuer.s3.eu-west-1.amazonaws.com";
    // openssl genrsa 2048 | openssl pkey -pubout; its kid by openssl:
    // openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64url
    private static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhySDExDWm/fCyFvxbTfM
            0/+ge66QCTG0Z0NwIaxYRDkgo/1v9lANpg7YeA4buu5th73nfB/wgF0Jar12MoA6
            wCF7CFzJtsAiAnELG3ORlFRSH5VZXpkcCCZSCGmWscBHFBw7ca2UzwUgzrTWarjo
            zLVcZ5nVWCXf/TFftcVAkKOYu0PUqUUT2bYHKQeeiGoyHjK9VUuxUlQxd/u20Ct8
            KpshGvKRIJ0SEOxvcxq8sQJlY/+7y/GTqP6SwvLhl9Vr/pmZNoKQKtNk3EZdmwoM
            MFpyl/Tc5l2JPxgPxaSt2RawIwNOgkdlGaGX7OnwYvm78xhmsi0wI1ohSKqaSwu/
            EwIDAQAB
            -----END PUBLIC KEY-----
            """;
    private static final String KID = "7lieRIR2yi6aZrhNESAB602EY7ueip_8y0XjFXRIW9Y";
    // openssl rsa -pubin -modulus, base64url
    private static final String MODULUS = "hySDExDWm_fCyFvxbTfM0_-ge66QCTG0Z0NwIaxYRDkgo_1v9lANpg7YeA4buu5th73nfB_wgF0Jar12MoA6wCF7CFzJtsAiAnELG3ORlFRSH5VZXpkcCCZSCGmWscBHFBw7ca2UzwUgzrTWarjozLVcZ5nVWCXf_TFftcVAkKOYu0PUqUUT2bYHKQeeiGoyHjK9VUuxUlQxd_u20Ct8KpshGvKRIJ0SEOxvcxq8sQJlY_-7y_GTqP6SwvLhl9Vr_pmZNoKQKtNk3EZdmwoMMFpyl_Tc5l2JPxgPxaSt2RawIwNOgkdlGaGX7OnwYvm78xhmsi0wI1ohSKqaSwu_Ew";

    private static S3OidcIssuerArgs.Builder issuer() {
        return S3OidcIssuerArgs.builder().bucketName("k3s-issuer").region("eu-west-1").serviceAccountPublicKey(PUBLIC_KEY);
    }

    private static RecordedDeployment deploy() {
        return SimulatedStack.named("selfhosted").config("aws:region", "eu-west-1").run(ctx -> {
            var published = new S3OidcIssuer("issuer", issuer().build());
            var cluster = new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuer(published).kubeconfig("{}").build());
            new FederatedServiceAccount("writer", FederatedServiceAccountArgs.builder().cluster(cluster)
                    .namespace("reports").name("writer").grant(S3Access.readWrite("acme-reports")).build());
        });
    }

    @Test
    void theBucketPolicyMakesExactlyTheTwoDocumentsPublic() {
        var deployment = deploy();

        var policy = deployment.resource("aws:s3/bucketPolicy:BucketPolicy", "issuer-policy").input("policy").orElseThrow();
        assertThat(Json.parse(policy)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": {
                   "Sid": "PublicReadOfTheIssuerDocumentsOnly",
                   "Effect": "Allow",
                   "Principal": "*",
                   "Action": "s3:GetObject",
                   "Resource": ["arn:aws:s3:::k3s-issuer/.well-known/openid-configuration",
                                "arn:aws:s3:::k3s-issuer/openid/v1/jwks"]}}
                """));
        var block = deployment.resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "issuer-public-access-block");
        assertThat(block.inputs()).containsEntry("blockPublicAcls", true).containsEntry("ignorePublicAcls", true)
                .containsEntry("blockPublicPolicy", false).containsEntry("restrictPublicBuckets", false);
        assertThat(deployment.resource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "issuer-ownership")
                .input("rule.objectOwnership")).contains("BucketOwnerEnforced");
        assertThat(deployment.resource("aws:s3/bucketVersioningV2:BucketVersioningV2", "issuer-versioning")
                .input("versioningConfiguration.status")).contains("Enabled");
        assertThat(deployment.ofType("aws:s3/bucketObjectv2:BucketObjectv2")).extracting(r -> r.input("key").orElseThrow())
                .containsExactlyInAnyOrder(".well-known/openid-configuration", "openid/v1/jwks");
    }

    @Test
    void theDocumentsAreTheDiscoveryAndTheJwksWithTheDerivedKid() {
        var deployment = deploy();

        var discovery = deployment.resource("aws:s3/bucketObjectv2:BucketObjectv2", "issuer-discovery");
        assertThat(discovery.inputs()).containsEntry("contentType", "application/json");
        assertThat(Json.parse(discovery.input("content").orElseThrow())).isEqualTo(Json.parse("""
                {"issuer": "%1$s", "jwks_uri": "%1$s/openid/v1/jwks",
                 "response_types_supported": ["id_token"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(ISSUER)));
        var jwks = deployment.resource("aws:s3/bucketObjectv2:BucketObjectv2", "issuer-jwks").input("content").orElseThrow();
        assertThat(Json.parse(jwks)).isEqualTo(Json.parse("""
                {"keys": [{"use": "sig", "kty": "RSA", "kid": "%s", "alg": "RS256", "n": "%s", "e": "AQAB"}]}
                """.formatted(KID, MODULUS)));
    }

    @Test
    void theIssuerExportsItsUrlAndTheApiServerFlags() {
        var outputs = deploy().resource(S3OidcIssuer.TYPE, "issuer").outputs();

        assertThat(outputs).containsEntry("issuerUrl", ISSUER)
                .containsEntry("jwksUri", ISSUER + "/openid/v1/jwks")
                .containsEntry("keyIds", List.of(KID))
                .containsEntry("apiServerArguments", List.of(
                        "--service-account-issuer=" + ISSUER,
                        "--service-account-jwks-uri=" + ISSUER + "/openid/v1/jwks",
                        "--api-audiences=" + ISSUER));
    }

    @Test
    void theBucketIsProtectedAndRetainedByDefault() {
        var bucket = deploy().resource("aws:s3/bucketV2:BucketV2", "issuer-bucket");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.inputs()).containsEntry("bucket", "k3s-issuer").containsEntry("forceDestroy", false);
    }

    @Test
    void theRoleTrustsExactlyTheServiceAccountOfTheS3IssuerAndWaitsForTheDocuments() {
        var deployment = deploy();

        var trust = deployment.resource(AwsFederationTest.ROLE, "writer-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse(AwsFederationTest.exactTrust(
                "arn:aws:iam::123456789012:oidc-provider/" + HOST_PATH, HOST_PATH, "system:serviceaccount:reports:writer")));
        assertThat(deployment.resource(AwsFederationTest.OIDC_PROVIDER, "k3s-aws-oidc-provider").inputs())
                .containsEntry("url", ISSUER).containsEntry("clientIdLists", List.of("sts.amazonaws.com"));
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsForTransitively(deployment.resource(AwsFederationTest.SERVICE_ACCOUNT, "writer-sa"),
                deployment.resource("aws:s3/bucketObjectv2:BucketObjectv2", "issuer-jwks"))).isTrue();
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "writer").outputs().get("podEnv"))
                .isEqualTo(Map.of("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/writer-role-xxxxxxx",
                        "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
                        "AWS_REGION", "eu-west-1", "AWS_SDK_LOAD_CONFIG", "true"));
    }

    @Test
    void aBucketInAnotherRegionThanTheUrlSaysIsRefused() {
        var failure = SimulatedStack.named("selfhosted").config("aws:region", "us-east-1").runExpectingFailure(ctx ->
                new S3OidcIssuer("issuer", issuer().build()));
        assertThat(failure.message()).contains("region must be the region the AWS provider creates the bucket in (us-east-1), which the issuer URL names: 'eu-west-1'");
    }

    @Test
    void badInputIsRefusedByTheBuilder() {
        var rule = S3IssuerBucketNames.RULE;
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().bucketName("k3s.issuer"))
                .isInstanceOf(InvalidInputException.class).hasMessage("bucketName must be " + rule + ": 'k3s.issuer'");
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().bucketName("K3s_Issuer"))
                .hasMessage("bucketName must be " + rule + ": 'K3s_Issuer'");
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().region("Europe"))
                .hasMessage("region must be an AWS region such as eu-west-1: 'Europe'");
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().bucketName("k3s-issuer").region("eu-west-1").build())
                .hasMessage("serviceAccountPublicKey is required: give at least one public ServiceAccount signing key (PEM)");
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().bucketName("k3s-issuer").region("eu-west-1").jwks("{\"keys\":[]}").build())
                .hasMessageStartingWith("jwks must be a JWKS with at least one key");
        assertThatThrownBy(() -> issuer().jwks("{\"keys\":[]}").build())
                .hasMessage("jwks and serviceAccountPublicKey exclude each other: give the keys one way");
        assertThatThrownBy(() -> S3OidcIssuerArgs.builder().region("eu-west-1").serviceAccountPublicKey(PUBLIC_KEY).build())
                .hasMessage("bucketName is required: give the issuer bucket's name");
    }
}
