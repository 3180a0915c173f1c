package dev.keyless.gcp;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.keyless.gcp.TestClusters.principal;
import static org.assertj.core.api.Assertions.assertThat;

/** The default on GKE: grants name the Kubernetes ServiceAccount's own principal. */
class GkeWorkloadIdentityTest {
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

    private static RecordedDeployment deploy(FederatedServiceAccountArgs.Builder args) {
        return SimulatedStack.named("direct").run(ctx ->
                new FederatedServiceAccount("api", args.cluster(TestClusters.adopted("green")).build()));
    }

    private static FederatedServiceAccountArgs.Builder shop() {
        return FederatedServiceAccountArgs.builder().namespace("shop").name("api");
    }

    @Test
    void grantsNameExactlyTheServiceAccountsPrincipalOnTheBucket() {
        var deployment = deploy(shop().grant(GcsAccess.readWrite("shop-uploads")).grant(GcsAccess.readOnly("shop-catalog")));

        assertThat(deployment.resource(MEMBER, "api-grant-shop-uploads-read-write").inputs()).isEqualTo(Map.of(
                "bucket", "shop-uploads",
                "role", "roles/storage.objectUser",
                "member", principal("shop", "api")));
        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").inputs()).isEqualTo(Map.of(
                "bucket", "shop-catalog",
                "role", "roles/storage.objectViewer",
                "member", principal("shop", "api")));
        assertThat(deployment.ofType(MEMBER)).hasSize(2);
    }

    @Test
    void noGoogleServiceAccountNoProjectBindingNoAnnotation() {
        var deployment = deploy(shop().grant(GcsAccess.readWrite("shop-uploads")));

        assertThat(deployment.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(deployment.ofType("gcp:serviceaccount/iAMMember:IAMMember")).isEmpty();
        assertThat(deployment.ofType("gcp:projects/iAMMember:IAMMember")).isEmpty();
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("metadata.annotations").orElse(Map.of())).isEqualTo(Map.of());
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("automountServiceAccountToken")).contains(false);
    }

    @Test
    void bindingsWaitForTheClusterAndTheServiceAccountWaitsForTheBindings() {
        var deployment = deploy(shop().grant(GcsAccess.readWrite("shop-uploads")));
        var graph = ResourceGraph.of(deployment);
        var grant = deployment.resource(MEMBER, "api-grant-shop-uploads-read-write");
        var sa = deployment.resource(SERVICE_ACCOUNT, "api-sa");

        assertThat(graph.waitsFor(grant, deployment.resource("pulumi:providers:kubernetes", "green-k8s"))).isTrue();
        assertThat(graph.waitsFor(sa, grant)).isTrue();
        assertThat(graph.parentOf(grant).urn()).isEqualTo(deployment.resource(FederatedServiceAccount.TYPE, "api").urn());
    }

    @Test
    void exportsThePrincipalAndTheMetadataServerNodeSelector() {
        var component = deploy(shop()).resource(FederatedServiceAccount.TYPE, "api");

        assertThat(component.outputs())
                .containsEntry("identity", principal("shop", "api"))
                .containsEntry("nodeSelector", Map.of("iam.gke.io/gke-metadata-server-enabled", "true"))
                .containsEntry("podLabels", Map.of())
                .containsEntry("podEnv", Map.of());
    }

    @Test
    void aClusterWithTheMetadataServerEverywhereNeedsNoNodeSelector() {
        var deployment = SimulatedStack.named("direct").run(ctx -> new FederatedServiceAccount("api",
                shop().cluster(TestClusters.adopted("green", true)).build()));

        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs()).containsEntry("nodeSelector", Map.of());
    }

    @Test
    void aGivenProjectNumberIsUsedInsteadOfTheLookup() {
        var deployment = deploy(shop()
                .identity(GkeWorkloadIdentity.builder().projectNumber("987654321098").build())
                .grant(GcsAccess.readOnly("shop-catalog")));

        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").input("member")).contains(
                "principal://iam.googleapis.com/projects/987654321098/locations/global/workloadIdentityPools/"
                        + "shop-prod-4711.svc.id.goog/subject/ns/shop/sa/api");
    }

    @Test
    void theWholeNamespaceIsTrustedOnlyOnRequestAndWithAWarning() {
        var deployment = deploy(shop()
                .identity(GkeWorkloadIdentity.builder().trustEveryServiceAccountInNamespace().build())
                .grant(GcsAccess.readOnly("shop-catalog")));

        assertThat(deployment.resource(MEMBER, "api-grant-shop-catalog-read-only").input("member")).contains(
                "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
                        + "shop-prod-4711.svc.id.goog/namespace/shop");
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message).containsExactly(
                "every ServiceAccount in namespace shop holds the grants of shop/api (trustEveryServiceAccountInNamespace): "
                        + "anyone who can create a ServiceAccount or pod there can use them");
        assertThat(deploy(shop()).diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    @Test
    void reorderingGrantsReplacesNothing() {
        var one = deploy(shop().grant(GcsAccess.readWrite("shop-uploads")).grant(GcsAccess.readOnly("shop-catalog").prefix("public/")));
        var other = deploy(shop().grant(GcsAccess.readOnly("shop-catalog").prefix("public/")).grant(GcsAccess.readWrite("shop-uploads")));

        assertThat(one.ofType(MEMBER)).extracting(r -> r.name() + " " + r.inputs())
                .containsExactlyInAnyOrderElementsOf(other.ofType(MEMBER).stream().map(r -> r.name() + " " + r.inputs()).toList());
        assertThat(one.ofType(MEMBER)).extracting(r -> r.name())
                .containsExactlyInAnyOrder("api-grant-shop-uploads-read-write", "api-grant-shop-catalog-read-only-public");
    }
}
