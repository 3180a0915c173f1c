package dev.keyless.examples.gke;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it: each security fact a reviewer checks. */
class ChartMuseumGkeTest {
    private static final String BUCKET = "charts-xxxxxxx";
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String GRANT = "chartmuseum-grant-charts-read-write-charts";
    private static final String PRINCIPAL = "principal://iam.googleapis.com/projects/123456789012/locations/global/"
            + "workloadIdentityPools/example-project.svc.id.goog/subject/ns/chartmuseum/sa/chartmuseum";
    private static final String GSA_EMAIL = "chartmuseum@example-project.iam.gserviceaccount.com";

    private static SimulatedStack devStack() {
        return SimulatedStack.fromProject(Path.of(""), "dev");
    }

    private static RecordedDeployment deploy(SimulatedStack stack) {
        return stack.run(App::stack);
    }

    private static RegisteredResource release(RecordedDeployment deployment) {
        return deployment.resource("kubernetes:helm.sh/v3:Release", "chartmuseum");
    }

    @Test
    void chartsBucketIsVersionedPrivateIamOnlyAndRetained() {
        var bucket = deploy(devStack()).resource("gcp:storage/bucket:Bucket", "charts");

        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.inputs())
                .containsEntry("forceDestroy", false)
                .containsEntry("uniformBucketLevelAccess", true)
                .containsEntry("publicAccessPrevention", "enforced")
                .containsEntry("location", "europe-west1");
        assertThat(bucket.input("versioning.enabled")).contains(true);
    }

    @Test
    void destroyingTheStackCanDeleteTheBucketOnlyWhenTheUserOptsOut() {
        var deployment = deploy(devStack().config("retainChartsOnDestroy", "false"));
        assertThat(deployment.resource("gcp:storage/bucket:Bucket", "charts").retainOnDelete()).isFalse();
        assertThat(deployment.resource("gcp:storage/bucket:Bucket", "charts").input("forceDestroy")).contains(false);
    }

    @Test
    void onlyTheChartMuseumServiceAccountMayUseChartsUnderThePrefix() {
        var grants = deploy(devStack()).ofType(MEMBER);

        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).name()).isEqualTo(GRANT);
        assertThat(grants.get(0).inputs()).isEqualTo(Map.of(
                "bucket", BUCKET,
                "role", "roles/storage.objectUser",
                "member", PRINCIPAL,
                "condition", Map.of(
                        "title", "only objects under charts/",
                        "expression", "resource.name.startsWith(\"projects/_/buckets/" + BUCKET + "/objects/charts/\")"
                                + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"charts/\")"
                                + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\") == \"charts\"")));
    }

    @Test
    void theClusterHasWorkloadIdentityAndDeletionProtection() {
        var deployment = deploy(devStack());
        var cluster = deployment.resource("gcp:container/cluster:Cluster", "platform-cluster");

        assertThat(cluster.input("workloadIdentityConfig.workloadPool")).contains("example-project.svc.id.goog");
        assertThat(cluster.inputs()).containsEntry("deletionProtection", true).containsEntry("location", "europe-west1");
        assertThat(deployment.resource("gcp:container/nodePool:NodePool", "platform-nodes").input("nodeConfig.workloadMetadataConfig.mode"))
                .contains("GKE_METADATA");
        assertThat(deploy(devStack().config("clusterDeletionProtection", "false"))
                .resource("gcp:container/cluster:Cluster", "platform-cluster").input("deletionProtection")).contains(false);
    }

    @Test
    void chartIsPinnedAndRunsAsTheKeylessServiceAccountOnCloudStorage() {
        var release = release(deploy(devStack()));

        assertThat(release.inputs()).containsEntry("chart", "chartmuseum")
                .containsEntry("version", "3.10.4")
                .containsEntry("name", "chartmuseum")
                .containsEntry("namespace", "chartmuseum")
                .containsEntry("createNamespace", false);
        assertThat(release.input("repositoryOpts.repo")).contains("https://chartmuseum.github.io/charts");
        assertThat(release.input("values.env.open")).contains(Map.of(
                "STORAGE", "google",
                "STORAGE_GOOGLE_BUCKET", BUCKET,
                "STORAGE_GOOGLE_PREFIX", "charts/",
                "DISABLE_API", false));
        assertThat(release.input("values.serviceAccount")).contains(Map.of(
                "create", false, "name", "chartmuseum", "automountServiceAccountToken", false));
        assertThat(release.input("values.nodeSelector")).contains(Map.of("iam.gke.io/gke-metadata-server-enabled", "true"));
        assertThat(release.input("values.podLabels")).contains(Map.of());
        assertThat(release.input("values.image.tag")).contains("v0.16.5");
        assertThat(release.input("values.service.type")).contains("ClusterIP");
    }

    @Test
    void releaseGoesToTheNewClusterAfterItsServiceAccountAndGrant() {
        var deployment = deploy(devStack());
        var release = release(deployment);
        var graph = ResourceGraph.of(deployment);
        var grant = deployment.resource(MEMBER, GRANT);

        assertThat(release.providerUrn()).isEqualTo(deployment.resource("pulumi:providers:kubernetes", "platform-k8s").urn());
        assertThat(graph.waitsForTransitively(release, deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa"))).isTrue();
        assertThat(graph.waitsForTransitively(release, grant)).isTrue();
        assertThat(graph.waitsFor(grant, deployment.resource("gcp:container/nodePool:NodePool", "platform-nodes"))).isTrue();
    }

    @Test
    void exportsTheAddressesAndKeepsTheKubeconfigSecret() {
        var outputs = deploy(devStack()).stackOutputs();

        assertThat(outputs.get("kubeconfig")).isInstanceOf(SecretValue.class);
        assertThat(outputs).containsEntry("bucketName", BUCKET)
                .containsEntry("identity", PRINCIPAL)
                .containsEntry("clusterName", "platform-cluster-xxxxxxx")
                .containsEntry("serviceAddress", "http://chartmuseum.chartmuseum.svc.cluster.local:8080");
    }

    @Test
    void noKeyOrCredentialIsCreatedOrPassedAnywhere() {
        for (var identity : new String[]{"workload-identity", "impersonation"}) {
            var deployment = deploy(devStack().config("identity", identity));

            assertThat(deployment.ofType("gcp:serviceaccount/key:Key")).as(identity).isEmpty();
            assertThat(deployment.ofType("gcp:storage/hmacKey:HmacKey")).as(identity).isEmpty();
            assertThat(deployment.ofType("kubernetes:core/v1:Secret")).as(identity).isEmpty();
            assertThat(deployment.resources()).as(identity).noneMatch(r -> r.type().equals("gcp:projects/iAMMember:IAMMember")
                    && String.valueOf(r.inputs().get("role")).startsWith("roles/storage."));
            assertThat(String.valueOf(release(deployment).inputs())).as(identity)
                    .doesNotContain("GOOGLE_APPLICATION_CREDENTIALS").doesNotContain("private_key").doesNotContain("secret:");
        }
    }

    @Test
    void impersonationVariantAnnotatesTheServiceAccountAndGrantsTheGoogleServiceAccount() {
        var deployment = deploy(devStack().config("identity", "impersonation"));

        assertThat(deployment.resource("gcp:serviceaccount/account:Account", "chartmuseum-gsa").input("accountId")).contains("chartmuseum");
        assertThat(deployment.resource("gcp:serviceaccount/iAMMember:IAMMember", "chartmuseum-workload-identity-user").inputs())
                .containsEntry("role", "roles/iam.workloadIdentityUser")
                .containsEntry("member", "serviceAccount:example-project.svc.id.goog[chartmuseum/chartmuseum]");
        assertThat(deployment.resource(MEMBER, GRANT).input("member")).contains("serviceAccount:" + GSA_EMAIL);
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa").input("metadata.annotations"))
                .contains(Map.of("iam.gke.io/gcp-service-account", GSA_EMAIL));
        assertThat(deployment.stackOutputs()).containsEntry("identity", GSA_EMAIL);
    }

    @Test
    void componentsAreTheOnesTheReadmeDescribes() {
        var deployment = deploy(devStack());
        assertThat(deployment.ofType(GkeCluster.TYPE)).hasSize(1);
        assertThat(deployment.ofType(FederatedServiceAccount.TYPE)).hasSize(1);
    }

    @Test
    void badSettingsStopThePreviewBeforeAnythingIsCreated() {
        var identity = devStack().config("identity", "key-file").runExpectingFailure(App::stack);
        assertThat(identity.message()).isEqualTo("identity must be workload-identity or impersonation: 'key-file'");
        assertThat(identity.registeredBesidesStack()).isEmpty();

        var namespace = devStack().config("namespace", "Charts").runExpectingFailure(App::stack);
        assertThat(namespace.message()).startsWith("namespace must be a DNS-1123 label");
        assertThat(namespace.registeredBesidesStack()).isEmpty();
    }
}
