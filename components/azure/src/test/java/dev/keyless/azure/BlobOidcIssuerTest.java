package dev.keyless.azure;

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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A self-managed cluster's issuer in Blob Storage: a dedicated account, one anonymous-read container, and an identity that trusts it. */
class BlobOidcIssuerTest {
    private static final String ISSUER = "https://k3sissuer.blob.core.windows.net/oidc";
    private static final String ACCOUNT = "azure-native:storage:StorageAccount";
    private static final String CONTAINER = "azure-native:storage:BlobContainer";
    private static final String BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
    private static final String ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    private static final String UPLOADER = "0c2b5b1e-8f3a-4d6e-9a1b-2c3d4e5f6a7b";
    // The same key as the S3 and GCS publishers' tests: openssl genrsa 2048 | openssl pkey -pubout
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
    // openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64url
    private static final String KID = "7lieRIR2yi6aZrhNESAB602EY7ueip_8y0XjFXRIW9Y";

    private static BlobOidcIssuerArgs.Builder issuer() {
        return BlobOidcIssuerArgs.builder().accountName("k3sissuer").resourceGroupName("issuer-rg").serviceAccountPublicKey(PUBLIC_KEY);
    }

    private static RecordedDeployment deploy(BlobOidcIssuerArgs.Builder args) {
        return SimulatedStack.named("selfhosted").run(ctx -> {
            var published = new BlobOidcIssuer("issuer", args.build());
            var cluster = new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder().issuer(published).kubeconfig("{}").build());
            new FederatedServiceAccount("reader", FederatedServiceAccountArgs.builder().cluster(cluster)
                    .namespace("reports").name("reader").grant(BlobAccess.readOnly("reports-rg", "reportsacct", "daily")).build());
        });
    }

    @Test
    void theAccountRefusesSharedKeysAndTheContainerIsReadableByBlobNameOnly() {
        var deployment = deploy(issuer());

        assertThat(deployment.resource(ACCOUNT, "issuer-account").inputs()).isEqualTo(Map.of(
                "accountName", "k3sissuer",
                "resourceGroupName", "issuer-rg",
                "kind", "StorageV2",
                "sku", Map.of("name", "Standard_ZRS"),
                "allowSharedKeyAccess", false,
                "defaultToOAuthAuthentication", true,
                "allowBlobPublicAccess", true,
                "allowCrossTenantReplication", false,
                "enableHttpsTrafficOnly", true,
                "minimumTlsVersion", "TLS1_2"));
        assertThat(deployment.resource(CONTAINER, "issuer-container").inputs()).isEqualTo(Map.of(
                "containerName", "oidc",
                "accountName", "k3sissuer",
                "resourceGroupName", "issuer-rg",
                "publicAccess", "Blob"));
        assertThat(deployment.resource(BLOB_SERVICE, "issuer-blob-service").inputs())
                .containsEntry("isVersioningEnabled", true)
                .containsEntry("deleteRetentionPolicy", Map.of("enabled", true, "days", 7.0));
        // Nothing keyless makes reads the account's keys or writes a blob with them.
        assertThat(deployment.ofType("azure-native:storage:Blob")).isEmpty();
        assertThat(deployment.ofType(ASSIGNMENT)).filteredOn(a -> a.name().startsWith("issuer")).isEmpty();
    }

    @Test
    void theContainerWaitsForVersioningAndTheAccountAndContainerAreKept() {
        var deployment = deploy(issuer());
        var graph = ResourceGraph.of(deployment);
        var container = deployment.resource(CONTAINER, "issuer-container");

        assertThat(graph.waitsForTransitively(container, deployment.resource(BLOB_SERVICE, "issuer-blob-service"))).isTrue();
        assertThat(graph.parentOf(container).name()).isEqualTo("issuer");
        for (var kept : List.of(deployment.resource(ACCOUNT, "issuer-account"), container)) {
            assertThat(kept.protect()).as(kept.name()).isTrue();
            assertThat(kept.retainOnDelete()).as(kept.name()).isTrue();
        }
        var unprotected = SimulatedStack.named("selfhosted").run(ctx -> new BlobOidcIssuer("issuer", issuer().protect(false).build()));
        assertThat(unprotected.resource(ACCOUNT, "issuer-account").protect()).isFalse();
        assertThat(unprotected.resource(CONTAINER, "issuer-container").retainOnDelete()).isFalse();
    }

    @Test
    void theUploadScriptWritesExactlyTheTwoDocumentsWithEntraAuthentication() {
        var outputs = deploy(issuer()).resource(BlobOidcIssuer.TYPE, "issuer").outputs();
        var script = (String) outputs.get("uploadScript");

        var uploads = Pattern.compile("(?m)^az storage blob upload .*$").matcher(script).results().map(m -> m.group()).toList();
        assertThat(uploads).containsExactly(
                "az storage blob upload --auth-mode login --account-name k3sissuer --container-name oidc"
                        + " --name .well-known/openid-configuration --file openid-configuration.json --content-type application/json --overwrite",
                "az storage blob upload --auth-mode login --account-name k3sissuer --container-name oidc"
                        + " --name openid/v1/jwks --file jwks.json --content-type application/json --overwrite");
        assertThat(script).doesNotContain("account-key").doesNotContain("sas-token").doesNotContain("connection-string");
        var documents = Pattern.compile("(?s)cat > (\\S+) <<'KEYLESS_ISSUER_DOCUMENT'\n(.*?)\nKEYLESS_ISSUER_DOCUMENT\n").matcher(script)
                .results().toList();
        assertThat(documents).extracting(m -> m.group(1)).containsExactly("openid-configuration.json", "jwks.json");
        assertThat(Json.parse(documents.get(0).group(2))).isEqualTo(Json.parse("""
                {"issuer": "%1$s", "jwks_uri": "%1$s/openid/v1/jwks",
                 "response_types_supported": ["id_token"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(ISSUER)));
        assertThat(Json.parse(documents.get(1).group(2)).toString()).contains(KID);
        assertThat(outputs).containsEntry("issuerUrl", ISSUER)
                .containsEntry("jwksUri", ISSUER + "/openid/v1/jwks")
                .containsEntry("keyIds", List.of(KID))
                .containsEntry("apiServerArguments", List.of(
                        "--service-account-issuer=" + ISSUER,
                        "--service-account-jwks-uri=" + ISSUER + "/openid/v1/jwks",
                        "--api-audiences=" + ISSUER));
    }

    @Test
    void aNamedUploaderMayWriteTheContainerAndNothingElse() {
        var deployment = deploy(issuer().uploaderPrincipalId(UPLOADER));

        var uploader = deployment.resource(ASSIGNMENT, "issuer-uploader");
        var scope = (String) uploader.input("scope").orElseThrow();
        assertThat(scope).endsWith("/resourceGroups/issuer-rg/providers/Microsoft.Storage/storageAccounts/k3sissuer/blobServices/default/containers/oidc");
        assertThat(uploader.inputs()).containsEntry("principalId", UPLOADER);
        assertThat((String) uploader.input("roleDefinitionId").orElseThrow())
                .endsWith("/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe");
        assertThat(ResourceGraph.of(deployment).parentOf(uploader).name()).isEqualTo("issuer");
    }

    @Test
    void theIdentityTrustsTheBlobIssuerExactlyAndItsServiceAccountWaitsForTheContainer() {
        var deployment = deploy(issuer());

        var credential = deployment.resource("azure-native:managedidentity:FederatedIdentityCredential", "reader-credential");
        assertThat(credential.inputs())
                .containsEntry("issuer", ISSUER)
                .containsEntry("subject", "system:serviceaccount:reports:reader")
                .containsEntry("audiences", List.of("api://AzureADTokenExchange"));
        assertThat(ResourceGraph.of(deployment).waitsForTransitively(deployment.resource("kubernetes:core/v1:ServiceAccount", "reader-sa"),
                deployment.resource(CONTAINER, "issuer-container"))).isTrue();
    }

    @Test
    void badInputIsRefusedByTheBuilder() {
        for (var name : List.of("k3s-issuer", "K3sissuer", "ab", "a".repeat(25))) {
            assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().accountName(name)).as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("accountName must be " + StorageNames.ACCOUNT_RULE + ": '" + name + "'");
        }
        assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().containerName("Oidc"))
                .hasMessage("containerName must be " + StorageNames.CONTAINER_RULE + ": 'Oidc'");
        assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().uploaderPrincipalId("alice@example.com"))
                .hasMessage("uploaderPrincipalId must be an Entra object id, a lowercase GUID: 'alice@example.com'");
        assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().resourceGroupName("issuer-rg").serviceAccountPublicKey(PUBLIC_KEY).build())
                .hasMessage("accountName is required: give the issuer's storage account name");
        assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().accountName("k3sissuer").serviceAccountPublicKey(PUBLIC_KEY).build())
                .hasMessage("resourceGroupName is required: give the resource group that holds the account");
        assertThatThrownBy(() -> issuer().jwks("{\"keys\":[]}").build())
                .hasMessage("jwks and serviceAccountPublicKey exclude each other: give the keys one way");
        var privateKey = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> BlobOidcIssuerArgs.builder().accountName("k3sissuer").resourceGroupName("issuer-rg")
                .serviceAccountPublicKey(privateKey).build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("serviceAccountPublicKey").doesNotContain("MIIEvQ"));
    }
}
