package dev.keyless.gcp;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The second mechanism: the ServiceAccount impersonates a Google service account that holds the grants. */
class ServiceAccountImpersonationTest {
    private static final String ACCOUNT = "gcp:serviceaccount/account:Account";
    private static final String USER = "gcp:serviceaccount/iAMMember:IAMMember";
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    private static final String EMAIL = "shop-api@shop-prod-4711.iam.gserviceaccount.com";

    private static RecordedDeployment deploy(String component, ServiceAccountImpersonation mechanism) {
        return SimulatedStack.named("impersonation").run(ctx -> new FederatedServiceAccount(component, FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green"))
                .namespace("shop").name("api")
                .identity(mechanism)
                .grant(GcsAccess.readWrite("shop-uploads"))
                .build()));
    }

    @Test
    void createsAGoogleServiceAccountNamedAfterTheComponentInTheClustersProject() {
        var account = deploy("shop-api", ServiceAccountImpersonation.defaults()).resource(ACCOUNT, "shop-api-gsa");

        assertThat(account.inputs()).containsEntry("accountId", "shop-api")
                .containsEntry("project", "shop-prod-4711")
                .containsEntry("displayName", "shop/api");
    }

    @Test
    void onlyTheOneKubernetesServiceAccountMayImpersonateIt() {
        var user = deploy("shop-api", ServiceAccountImpersonation.defaults()).resource(USER, "shop-api-workload-identity-user");

        assertThat(user.inputs()).isEqualTo(Map.of(
                "serviceAccountId", "projects/shop-prod-4711/serviceAccounts/" + EMAIL,
                "role", "roles/iam.workloadIdentityUser",
                "member", "serviceAccount:shop-prod-4711.svc.id.goog[shop/api]"));
    }

    @Test
    void grantsNameTheGoogleServiceAccountAndTheServiceAccountIsAnnotated() {
        var deployment = deploy("shop-api", ServiceAccountImpersonation.defaults());

        assertThat(deployment.resource(MEMBER, "shop-api-grant-shop-uploads-read-write").inputs()).isEqualTo(Map.of(
                "bucket", "shop-uploads",
                "role", "roles/storage.objectUser",
                "member", "serviceAccount:" + EMAIL));
        assertThat(deployment.resource(SERVICE_ACCOUNT, "shop-api-sa").input("metadata.annotations"))
                .contains(Map.of("iam.gke.io/gcp-service-account", EMAIL));
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "shop-api").outputs())
                .containsEntry("identity", EMAIL)
                .containsEntry("nodeSelector", Map.of("iam.gke.io/gke-metadata-server-enabled", "true"));
        assertThat(deployment.ofType("gcp:serviceaccount/key:Key")).isEmpty();
    }

    @Test
    void bindingsWaitForTheClusterAndTheServiceAccountWaitsForThemAll() {
        var deployment = deploy("shop-api", ServiceAccountImpersonation.defaults());
        var graph = ResourceGraph.of(deployment);
        var user = deployment.resource(USER, "shop-api-workload-identity-user");
        var grant = deployment.resource(MEMBER, "shop-api-grant-shop-uploads-read-write");
        var sa = deployment.resource(SERVICE_ACCOUNT, "shop-api-sa");
        var clusterReady = deployment.resource("pulumi:providers:kubernetes", "green-k8s");
        var account = deployment.resource(ACCOUNT, "shop-api-gsa");

        assertThat(graph.waitsFor(user, clusterReady)).isTrue();
        assertThat(graph.waitsFor(grant, clusterReady)).isTrue();
        assertThat(graph.waitsFor(user, account)).isTrue();
        assertThat(graph.waitsFor(grant, account)).isTrue();
        assertThat(graph.waitsFor(sa, user)).isTrue();
        assertThat(graph.waitsFor(sa, grant)).isTrue();
        var component = deployment.resource(FederatedServiceAccount.TYPE, "shop-api").urn();
        for (var child : new dev.keyless.preview.engine.RegisteredResource[]{account, user, grant, sa}) {
            assertThat(graph.parentOf(child).urn()).as(child.name()).isEqualTo(component);
        }
    }

    @Test
    void anAccountIdThatWouldNotFitIsDerivedTheSameWayEveryTime() {
        var first = deploy("checkout-payments-webhook-receiver", ServiceAccountImpersonation.defaults())
                .resource(ACCOUNT, "checkout-payments-webhook-receiver-gsa").input("accountId").orElseThrow();
        var again = deploy("checkout-payments-webhook-receiver", ServiceAccountImpersonation.defaults())
                .resource(ACCOUNT, "checkout-payments-webhook-receiver-gsa").input("accountId").orElseThrow();

        assertThat(first).isEqualTo(again).isEqualTo("checkout-payments-webho-" + ServiceAccountIdsTest.hash6("checkout-payments-webhook-receiver"));
        assertThat(deploy("api", ServiceAccountImpersonation.defaults()).resource(ACCOUNT, "api-gsa").input("accountId"))
                .contains("api-" + ServiceAccountIdsTest.hash6("api"));
    }

    @Test
    void anExplicitAccountIdIsUsed() {
        var deployment = deploy("shop-api", ServiceAccountImpersonation.builder().accountId("uploads-writer").build());

        assertThat(deployment.resource(ACCOUNT, "shop-api-gsa").input("accountId")).contains("uploads-writer");
    }

    @Test
    void anExistingServiceAccountIsImpersonatedAsItIs() {
        var existing = "charts-writer@platform-shared-01.iam.gserviceaccount.com";
        var deployment = deploy("shop-api", ServiceAccountImpersonation.builder().existingIdentity(existing).build());

        assertThat(deployment.ofType(ACCOUNT)).isEmpty();
        assertThat(deployment.resource(USER, "shop-api-workload-identity-user").input("serviceAccountId"))
                .contains("projects/platform-shared-01/serviceAccounts/" + existing);
        assertThat(deployment.resource(MEMBER, "shop-api-grant-shop-uploads-read-write").input("member"))
                .contains("serviceAccount:" + existing);
        assertThat(deployment.resource(SERVICE_ACCOUNT, "shop-api-sa").input("metadata.annotations"))
                .contains(Map.of("iam.gke.io/gcp-service-account", existing));
    }
}
