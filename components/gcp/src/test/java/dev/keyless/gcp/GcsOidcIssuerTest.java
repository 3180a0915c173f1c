package dev.keyless.gcp;

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

/** A self-managed cluster's issuer in Cloud Storage: a dedicated public bucket of two documents, and a provider that trusts it. */
class GcsOidcIssuerTest {
    private static final String ISSUER = "https://storage.googleapis.com/k3s-issuer";
    private static final String BUCKET = "gcp:storage/bucket:Bucket";
    private static final String OBJECT = "gcp:storage/bucketObject:BucketObject";
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
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

    private static GcsOidcIssuerArgs.Builder issuer() {
        return GcsOidcIssuerArgs.builder().bucketName("k3s-issuer").location("EU").serviceAccountPublicKey(PUBLIC_KEY);
    }

    private static RecordedDeployment deploy() {
        return SimulatedStack.named("selfhosted").config("gcp:project", "shop-prod-4711").run(ctx -> {
            var published = new GcsOidcIssuer("issuer", issuer().build());
            var cluster = new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuer(published).kubeconfig("{}").build());
            new FederatedServiceAccount("reader", FederatedServiceAccountArgs.builder().cluster(cluster)
                    .namespace("reports").name("reader").grant(GcsAccess.readOnly("acme-reports")).build());
        });
    }

    @Test
    void theDedicatedBucketIsReadableByEveryoneAndHoldsExactlyTheTwoDocuments() {
        var deployment = deploy();

        var bucket = deployment.resource(BUCKET, "issuer-bucket");
        assertThat(bucket.inputs()).isEqualTo(Map.of(
                "name", "k3s-issuer",
                "location", "EU",
                "uniformBucketLevelAccess", true,
                "publicAccessPrevention", "inherited",
                "versioning", Map.of("enabled", true),
                "forceDestroy", false));
        // The issuer bucket's only IAM member; the workload's own grant is on its bucket.
        assertThat(deployment.ofType(MEMBER)).filteredOn(member -> member.input("bucket").orElseThrow().equals("k3s-issuer"))
                .extracting(member -> member.name()).containsExactly("issuer-public-read");
        assertThat(deployment.resource(MEMBER, "issuer-public-read").inputs()).isEqualTo(Map.of(
                "bucket", "k3s-issuer", "role", "roles/storage.objectViewer", "member", "allUsers"));
        assertThat(deployment.ofType(OBJECT)).extracting(r -> r.input("name").orElseThrow())
                .containsExactly(".well-known/openid-configuration", "openid/v1/jwks");
        assertThat(deployment.ofType(OBJECT)).allSatisfy(object -> assertThat(object.inputs())
                .containsEntry("bucket", "k3s-issuer").containsEntry("contentType", "application/json"));
    }

    @Test
    void theDocumentsAreTheDiscoveryAndTheJwksWithTheDerivedKid() {
        var deployment = deploy();

        assertThat(Json.parse(deployment.resource(OBJECT, "issuer-discovery").input("content").orElseThrow())).isEqualTo(Json.parse("""
                {"issuer": "%1$s", "jwks_uri": "%1$s/openid/v1/jwks",
                 "response_types_supported": ["id_token"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(ISSUER)));
        assertThat(Json.parse(deployment.resource(OBJECT, "issuer-jwks").input("content").orElseThrow())).isEqualTo(Json.parse("""
                {"keys": [{"use": "sig", "kty": "RSA", "kid": "%s", "alg": "RS256", "n": "%s", "e": "AQAB"}]}
                """.formatted(KID, MODULUS)));
    }

    @Test
    void theDocumentsArePublishedAfterThePublicReadInOrder() {
        var deployment = deploy();
        var graph = ResourceGraph.of(deployment);

        var publicRead = deployment.resource(MEMBER, "issuer-public-read");
        var discovery = deployment.resource(OBJECT, "issuer-discovery");
        var jwks = deployment.resource(OBJECT, "issuer-jwks");
        assertThat(graph.waitsForTransitively(discovery, publicRead)).isTrue();
        assertThat(graph.waitsForTransitively(jwks, discovery)).isTrue();
        assertThat(graph.parentOf(jwks).name()).isEqualTo("issuer");
    }

    @Test
    void theIssuerExportsItsUrlAndTheApiServerFlags() {
        var outputs = deploy().resource(GcsOidcIssuer.TYPE, "issuer").outputs();

        assertThat(outputs).containsEntry("issuerUrl", ISSUER)
                .containsEntry("jwksUri", ISSUER + "/openid/v1/jwks")
                .containsEntry("keyIds", List.of(KID))
                .containsEntry("bucketName", "k3s-issuer")
                .containsEntry("apiServerArguments", List.of(
                        "--service-account-issuer=" + ISSUER,
                        "--service-account-jwks-uri=" + ISSUER + "/openid/v1/jwks",
                        "--api-audiences=" + ISSUER));
    }

    @Test
    void theBucketIsProtectedAndRetainedByDefaultAndNotWhenOptedOut() {
        var bucket = deploy().resource(BUCKET, "issuer-bucket");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.retainOnDelete()).isTrue();

        var unprotected = SimulatedStack.named("selfhosted").config("gcp:project", "shop-prod-4711")
                .run(ctx -> new GcsOidcIssuer("issuer", issuer().protect(false).build()))
                .resource(BUCKET, "issuer-bucket");
        assertThat(unprotected.protect()).isFalse();
        assertThat(unprotected.retainOnDelete()).isFalse();
    }

    @Test
    void theProviderTrustsExactlyTheServiceAccountOfTheGcsIssuerAndWaitsForTheDocuments() {
        var deployment = deploy();

        var provider = deployment.resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "reader-gcp-provider");
        assertThat(provider.input("oidc.issuerUri")).contains(ISSUER);
        assertThat(provider.input("attributeCondition")).contains("assertion.sub == 'system:serviceaccount:reports:reader'");
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsForTransitively(deployment.resource("kubernetes:core/v1:ServiceAccount", "reader-sa"),
                deployment.resource(OBJECT, "issuer-jwks"))).isTrue();
    }

    @Test
    void badInputIsRefusedByTheBuilder() {
        var rule = GcsIssuerBucketNames.RULE;
        for (var name : List.of("k3s.issuer", "k3s_issuer", "K3s-Issuer", "google-issuer", "goog-issuer", "-k3s", "ab", "a".repeat(64))) {
            assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().bucketName(name)).as(name)
                    .isInstanceOf(InvalidInputException.class).hasMessage("bucketName must be " + rule + ": '" + name + "'");
        }
        GcsOidcIssuerArgs.builder().bucketName("a".repeat(63));
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().location("Europe West"))
                .hasMessage("location must be " + GcsLocations.RULE + ": 'Europe West'");
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().bucketName("k3s-issuer").location("EU").build())
                .hasMessage("serviceAccountPublicKey is required: give at least one public ServiceAccount signing key (PEM)");
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().bucketName("k3s-issuer").location("EU").jwks("{\"keys\":[]}").build())
                .hasMessageStartingWith("jwks must be a JWKS with at least one key");
        assertThatThrownBy(() -> issuer().jwks("{\"keys\":[]}").build())
                .hasMessage("jwks and serviceAccountPublicKey exclude each other: give the keys one way");
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().location("EU").serviceAccountPublicKey(PUBLIC_KEY).build())
                .hasMessage("bucketName is required: give the issuer bucket's name");
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().bucketName("k3s-issuer").serviceAccountPublicKey(PUBLIC_KEY).build())
                .hasMessage("location is required: give the bucket's location");
    }

    @Test
    void aPrivateKeyIsRefusedWithoutQuotingIt() {
        var privateKey = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> GcsOidcIssuerArgs.builder().bucketName("k3s-issuer").location("EU").serviceAccountPublicKey(privateKey).build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("serviceAccountPublicKey").doesNotContain("MIIEvQ"));
    }
}
