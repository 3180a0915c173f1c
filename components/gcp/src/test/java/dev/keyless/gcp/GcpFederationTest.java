package dev.keyless.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.PodNeeds;
import dev.keyless.core.ProjectedToken;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Federation into GCP from another cloud's cluster: GCP's default federation of a GCS grant. */
class GcpFederationTest {
    static final String POOL_TYPE = "gcp:iam/workloadIdentityPool:WorkloadIdentityPool";
    static final String PROVIDER_TYPE = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    /** {@code keyless-} and 12 hex digits of SHA-256 of {@link ForeignCluster#ISSUER}. */
    static final String POOL_ID = "keyless-57d05e149634";
    private static final String PROJECT = "shop-prod-4711";
    private static final String NUMBER = TestClusters.PROJECT_NUMBER;

    static SimulatedStack stack() {
        return SimulatedStack.named("fed").config("gcp:project", PROJECT);
    }

    static FederatedServiceAccountArgs.Builder workload(ForeignCluster cluster, String namespace, String name) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace(namespace).name(name);
    }

    private static RecordedDeployment deployShopApi(GcpFederation federation) {
        return stack().run(ctx -> {
            var blue = new ForeignCluster("blue");
            var args = workload(blue, "shop", "api").grant(GcsAccess.readOnly("shop-catalog"));
            if (federation != null) {
                args.mechanism(federation);
            }
            new FederatedServiceAccount("api", args.build());
        });
    }

    private static String principal(String subject) {
        return "principal://iam.googleapis.com/projects/" + NUMBER + "/locations/global/workloadIdentityPools/" + POOL_ID + "/subject/" + subject;
    }

    @Test
    void aGcsGrantOnAnotherCloudsClusterGetsAPoolAndAProviderAdmittingExactlyItsServiceAccount() {
        var deployment = deployShopApi(null);

        var pool = deployment.resource(POOL_TYPE, "blue-gcp-pool");
        assertThat(pool.inputs()).isEqualTo(Map.of(
                "workloadIdentityPoolId", POOL_ID,
                "project", PROJECT,
                "displayName", "keyless " + POOL_ID,
                "description", "Workloads whose tokens EKS cluster 'blue' issues; one provider per ServiceAccount"));
        assertThat(pool.protect()).isTrue();
        assertThat(ResourceGraph.of(deployment).parentOf(pool).name()).isEqualTo("blue");

        var provider = deployment.resource(PROVIDER_TYPE, "api-gcp-provider");
        assertThat(provider.inputs()).isEqualTo(Map.of(
                "project", PROJECT,
                "workloadIdentityPoolId", POOL_ID,
                "workloadIdentityPoolProviderId", "shop-api",
                "displayName", "shop-api",
                "description", "Kubernetes ServiceAccount shop/api of EKS cluster 'blue'",
                "attributeMapping", Map.of("google.subject", "assertion.sub"),
                "attributeCondition", "assertion.sub == 'system:serviceaccount:shop:api'",
                "oidc", Map.of(
                        "issuerUri", ForeignCluster.ISSUER,
                        "allowedAudiences", List.of("https://sts.googleapis.com/workloadIdentityPools/" + POOL_ID + "/providers/shop-api"))));
        assertThat(provider.protect()).isFalse();
        assertThat(ResourceGraph.of(deployment).parentOf(provider).type()).isEqualTo(FederatedServiceAccount.TYPE);
    }

    @Test
    void grantsNameTheServiceAccountsExactPrincipalInThePool() {
        var deployment = deployShopApi(null);

        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").inputs()).isEqualTo(Map.of(
                "bucket", "shop-catalog",
                "role", "roles/storage.objectViewer",
                "member", principal("system:serviceaccount:shop:api")));
        assertThat(deployment.ofType(MEMBER)).hasSize(1);
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("identities", Map.of("gcp", principal("system:serviceaccount:shop:api")));
        // No Google service account, and nothing for a webhook: federation needs no annotation.
        assertThat(deployment.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("metadata.annotations").orElse(Map.of())).isEqualTo(Map.of());
    }

    @Test
    void twoWorkloadsOfOneIssuerShareOnePoolAndEachHasItsOwnProvider() {
        var deployment = stack().run(ctx -> {
            var blue = new ForeignCluster("blue");
            new FederatedServiceAccount("api", workload(blue, "shop", "api").grant(GcsAccess.readOnly("shop-catalog")).build());
            new FederatedServiceAccount("worker", workload(blue, "shop", "worker").grant(GcsAccess.readWrite("shop-uploads")).build());
        });

        assertThat(deployment.ofType(POOL_TYPE)).extracting(r -> r.name()).containsExactly("blue-gcp-pool");
        assertThat(deployment.ofType(PROVIDER_TYPE)).extracting(r -> r.name() + " " + r.inputs().get("workloadIdentityPoolId")
                        + " " + r.inputs().get("attributeCondition"))
                // In either order: the engine registers the two workloads' children concurrently.
                .containsExactlyInAnyOrder(
                        "api-gcp-provider " + POOL_ID + " assertion.sub == 'system:serviceaccount:shop:api'",
                        "worker-gcp-provider " + POOL_ID + " assertion.sub == 'system:serviceaccount:shop:worker'");
        assertThat(deployment.resource(MEMBER, "worker-grant-shop-uploads-read-write").input("member"))
                .contains(principal("system:serviceaccount:shop:worker"));
    }

    @Test
    void theCredentialConfigurationIsGooglesExternalAccountForTheProvider() {
        var deployment = deployShopApi(null);
        var configMap = deployment.resource(CONFIG_MAP, "api-gcp-credentials");

        assertThat(configMap.input("metadata.name")).contains("api-gcp-credentials");
        assertThat(configMap.input("metadata.namespace")).contains("shop");
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) configMap.input("data").orElseThrow();
        assertThat(data).containsOnlyKeys("credentials.json");
        JsonNode config = Json.parse((String) data.get("credentials.json"));
        assertThat(fieldNames(config)).containsExactlyInAnyOrder("type", "audience", "subject_token_type", "token_url", "credential_source");
        assertThat(config.get("type").asText()).isEqualTo("external_account");
        assertThat(config.get("audience").asText()).isEqualTo("//iam.googleapis.com/projects/" + NUMBER
                + "/locations/global/workloadIdentityPools/" + POOL_ID + "/providers/shop-api");
        assertThat(config.get("subject_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:jwt");
        assertThat(config.get("token_url").asText()).isEqualTo("https://sts.googleapis.com/v1/token");
        var source = config.get("credential_source");
        assertThat(fieldNames(source)).containsExactlyInAnyOrder("file", "format");
        assertThat(source.get("file").asText()).isEqualTo("/var/run/secrets/keyless/gcp/token");
        assertThat(source.get("format").get("type").asText()).isEqualTo("text");
        assertThat(fieldNames(source.get("format"))).containsExactly("type");
    }

    @Test
    void podsGetTheProjectedTokenForTheProvidersAudienceTheConfigurationAndTheVariable() {
        var needs = new AtomicReference<PodNeeds>();
        var deployment = stack().run(ctx -> {
            var account = new FederatedServiceAccount("api", workload(new ForeignCluster("blue"), "shop", "api")
                    .grant(GcsAccess.readOnly("shop-catalog")).build());
            needs.set(account.podNeeds());
        });

        assertThat(needs.get().tokens()).containsExactly(new ProjectedToken("gcp-token",
                "https://sts.googleapis.com/workloadIdentityPools/" + POOL_ID + "/providers/shop-api",
                "/var/run/secrets/keyless/gcp", "token", 3600));
        assertThat(needs.get().files()).singleElement().satisfies(file -> {
            assertThat(file.configMapName()).isEqualTo("api-gcp-credentials");
            assertThat(file.volumeName()).isEqualTo("gcp-credentials");
            assertThat(file.path()).isEqualTo("/etc/keyless/gcp/credentials.json");
        });
        assertThat(needs.get().labels()).isEmpty();
        assertThat(needs.get().nodeSelector()).isEmpty();
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("podEnv", Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/etc/keyless/gcp/credentials.json"));
    }

    @Test
    void thePoolComesBeforeTheProviderAndTheProviderGrantsAndConfigurationBeforeTheServiceAccount() {
        var deployment = deployShopApi(null);
        var graph = ResourceGraph.of(deployment);
        var pool = deployment.resource(POOL_TYPE, "blue-gcp-pool");
        var provider = deployment.resource(PROVIDER_TYPE, "api-gcp-provider");
        var grant = deployment.resource(MEMBER, "api-grant-shop-catalog-read-only");
        var configMap = deployment.resource(CONFIG_MAP, "api-gcp-credentials");
        var sa = deployment.resource(SERVICE_ACCOUNT, "api-sa");

        assertThat(graph.waitsFor(provider, pool)).isTrue();
        assertThat(graph.waitsFor(grant, provider)).isTrue();
        assertThat(graph.waitsFor(sa, provider)).isTrue();
        assertThat(graph.waitsFor(sa, grant)).isTrue();
        assertThat(graph.waitsFor(sa, configMap)).isTrue();
    }

    @Test
    void impersonationGrantsToANewGoogleServiceAccountTheFederatedPrincipalMayImpersonate() {
        var deployment = deployShopApi(GcpFederation.builder().impersonatingNewServiceAccount().build());
        var gsa = deployment.resource("gcp:serviceaccount/account:Account", "api-gsa");
        var user = deployment.resource("gcp:serviceaccount/iAMMember:IAMMember", "api-workload-identity-user");

        assertThat(gsa.input("project")).contains(PROJECT);
        var accountId = (String) gsa.input("accountId").orElseThrow();
        assertThat(accountId).isEqualTo(ServiceAccountIds.derive("api"));
        var expectedEmail = accountId + "@" + PROJECT + ".iam.gserviceaccount.com";
        assertThat(user.inputs()).isEqualTo(Map.of(
                "serviceAccountId", "projects/" + PROJECT + "/serviceAccounts/" + expectedEmail,
                "role", "roles/iam.workloadIdentityUser",
                "member", principal("system:serviceaccount:shop:api")));
        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").input("member"))
                .contains("serviceAccount:" + expectedEmail);

        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) deployment.resource(CONFIG_MAP, "api-gcp-credentials").input("data").orElseThrow();
        var config = Json.parse((String) data.get("credentials.json"));
        assertThat(config.get("service_account_impersonation_url").asText()).isEqualTo(
                "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/" + expectedEmail + ":generateAccessToken");
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsFor(user, deployment.resource(PROVIDER_TYPE, "api-gcp-provider"))).isTrue();
        assertThat(graph.waitsFor(deployment.resource(SERVICE_ACCOUNT, "api-sa"), user)).isTrue();
    }

    @Test
    void impersonatingAnExistingAccountCreatesNone() {
        var email = "reader@shop-prod-4711.iam.gserviceaccount.com";
        var deployment = deployShopApi(GcpFederation.builder().impersonating(email).build());

        assertThat(deployment.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(deployment.resource("gcp:serviceaccount/iAMMember:IAMMember", "api-workload-identity-user").input("serviceAccountId"))
                .contains("projects/shop-prod-4711/serviceAccounts/" + email);
        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").input("member")).contains("serviceAccount:" + email);
    }

    @Test
    void aGivenProjectAndNumberNeedNoLookupAndNameThePoolsResource() {
        var deployment = SimulatedStack.named("fed").run(ctx -> new FederatedServiceAccount("api",
                workload(new ForeignCluster("blue"), "shop", "api").grant(GcsAccess.readOnly("shop-catalog"))
                        .mechanism(GcpFederation.builder().project("analytics-prod").projectNumber("555555555555").build()).build()));

        assertThat(deployment.resource(POOL_TYPE, "blue-gcp-pool-analytics-prod").input("project")).contains("analytics-prod");
        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").input("member")).contains(
                "principal://iam.googleapis.com/projects/555555555555/locations/global/workloadIdentityPools/" + POOL_ID
                        + "/subject/system:serviceaccount:shop:api");
    }

    @Test
    void aPoolCanBeLeftUnprotectedOnRequest() {
        var deployment = deployShopApi(GcpFederation.builder().protectPool(false).build());

        assertThat(deployment.resource(POOL_TYPE, "blue-gcp-pool").protect()).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
