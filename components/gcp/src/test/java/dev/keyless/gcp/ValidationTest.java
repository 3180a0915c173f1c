package dev.keyless.gcp;

import com.pulumi.Context;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule fails before anything is registered, with a message naming field, value and rule. */
class ValidationTest {

    private static ProgramFailure fail(SimulatedStack stack, Consumer<Context> program) {
        var failure = stack.runExpectingFailure(program);
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.registeredBesidesStack()).as("nothing is registered").isEmpty();
        return failure;
    }

    private static String bindingFailure(UnaryOperator<FederatedServiceAccountArgs.Builder> customise) {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            new FederatedServiceAccount("api", customise.apply(FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api")).build());
        });
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).as("nothing of the component is registered").isEmpty();
        assertThat(failure.deployment().resources()).noneMatch(r -> r.type().startsWith("gcp:"));
        return failure.message();
    }

    private static String clusterFailure(SimulatedStack stack, UnaryOperator<GkeClusterArgs.Builder> customise) {
        return fail(stack, ctx -> new GkeCluster("platform", customise.apply(GkeClusterArgs.builder()).build())).message();
    }

    private static SimulatedStack configured() {
        return SimulatedStack.named("validation").config("gcp:project", "shop-prod-4711").config("gcp:region", "europe-west1");
    }

    @Test
    void projectIdMustBeGooglesShape() {
        assertThat(clusterFailure(configured(), a -> a.projectId("Shop_Prod"))).isEqualTo(
                "projectId must be a project ID: 6 to 30 characters of [a-z0-9-], starting with a letter and not ending with '-': 'Shop_Prod'");
        assertThat(clusterFailure(configured().config("gcp:project", "prod"), a -> a)).isEqualTo(
                "gcp:project must be a project ID: 6 to 30 characters of [a-z0-9-], starting with a letter and not ending with '-': 'prod'");
    }

    @Test
    void projectAndLocationAreRequiredWhenTheStackHasNone() {
        assertThat(clusterFailure(SimulatedStack.named("validation"), a -> a.location("europe-west1")))
                .isEqualTo("projectId is required: set it, or the stack's gcp:project config");
        assertThat(clusterFailure(SimulatedStack.named("validation").config("gcp:project", "shop-prod-4711"), a -> a))
                .isEqualTo("location is required: set it, or the stack's gcp:region config");
    }

    @Test
    void locationMustBeARegionOrZone() {
        assertThat(clusterFailure(configured(), a -> a.location("EU"))).isEqualTo(
                "location must be a Google Cloud region such as europe-west1 or a zone such as europe-west1-b: 'EU'");
        assertThat(clusterFailure(configured().config("gcp:region", "europe"), a -> a)).isEqualTo(
                "gcp:region must be a Google Cloud region such as europe-west1 or a zone such as europe-west1-b: 'europe'");
    }

    @Test
    void clusterNameMustBeGkesShapeAndAnAutoNameMustFit() {
        assertThat(clusterFailure(configured(), a -> a.clusterName("Platform"))).isEqualTo(
                "clusterName must be a GKE cluster name: 1 to 40 characters of [a-z0-9-], starting with a letter and ending with a letter or digit: 'Platform'");
        var failure = fail(configured(), ctx -> new GkeCluster("platform-europe-west-one-a", GkeClusterArgs.builder().build()));
        assertThat(failure.message()).isEqualTo("clusterName must be set explicitly when the auto-name (the logical name plus an "
                + "8-character suffix) would not be " + GcpNames.CLUSTER_NAME_RULE + ": 'platform-europe-west-one-a-cluster'");
    }

    @Test
    void releaseChannelAndNodePool() {
        assertThat(clusterFailure(configured(), a -> a.releaseChannel("FAST"))).isEqualTo(
                "releaseChannel must be one of [RAPID, REGULAR, STABLE] (GKE release channel): 'FAST'");
        assertThat(clusterFailure(configured(), a -> a.releaseChannel(null))).isEqualTo(
                "releaseChannel must be one of [RAPID, REGULAR, STABLE] (GKE release channel): 'null'");
        assertThat(GkeClusterArgs.builder().releaseChannel("RAPID").build().releaseChannel()).isEqualTo("RAPID");
        assertThat(clusterFailure(configured(), a -> a.nodePool(new NodePoolOptions("E2 standard", 1, 1, 3)))).isEqualTo(
                "nodePool.machineType must be a Compute Engine machine type such as e2-standard-2: 'E2 standard'");
        assertThat(clusterFailure(configured(), a -> a.nodePool(new NodePoolOptions("e2-standard-2", 2, 1, 3)))).isEqualTo(
                "nodePool sizes must be 0 <= min <= initial <= max, 1 <= max <= 1000 (GKE node pool autoscaling, per zone): 'min 2, initial 1, max 3'");
    }

    @Test
    void autopilotExcludesANodePool() {
        assertThat(clusterFailure(configured(), a -> a.autopilot(true).nodePool(NodePoolOptions.DEFAULT)))
                .isEqualTo("autopilot and nodePool exclude each other: Autopilot manages its nodes itself");
    }

    @Test
    void adoptedClustersNeedEveryValue() {
        assertThat(fail(SimulatedStack.named("validation"), ctx -> new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                .projectId("shop-prod-4711").location("europe-west1").kubeconfig("apiVersion: v1").build())).message())
                .isEqualTo("clusterName is required: give the GKE cluster's name");
        assertThat(fail(SimulatedStack.named("validation"), ctx -> new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                .projectId("shop-prod-4711").location("europe-west1").clusterName("green").kubeconfig(" ").build())).message())
                .isEqualTo("kubeconfig must be a non-empty kubeconfig, YAML or JSON: ' '");
    }

    @Test
    void projectNumberIsDigits() {
        assertThat(bindingFailure(a -> a.identity(GkeWorkloadIdentity.builder().projectNumber("shop-prod-4711").build()))).isEqualTo(
                "projectNumber must be a project number: 6 to 20 digits, not starting with 0 (the number, not the project ID): 'shop-prod-4711'");
    }

    @Test
    void accountIdAndExistingServiceAccount() {
        assertThat(bindingFailure(a -> a.identity(ServiceAccountImpersonation.builder().accountId("api").build()))).isEqualTo(
                "accountId must be a service account ID: 6 to 30 characters of [a-z0-9-], starting with a letter and ending with a letter or digit: 'api'");
        assertThat(bindingFailure(a -> a.identity(ServiceAccountImpersonation.builder().existingServiceAccount("api@developer.gserviceaccount.com").build())))
                .isEqualTo("existingServiceAccount must be a user-managed service account email, NAME@PROJECT_ID.iam.gserviceaccount.com: 'api@developer.gserviceaccount.com'");
        assertThat(bindingFailure(a -> a.identity(ServiceAccountImpersonation.builder().accountId("shop-api")
                .existingServiceAccount("charts-writer@platform-shared-01.iam.gserviceaccount.com").build()))).isEqualTo(
                "existingServiceAccount and accountId exclude each other: an existing service account keeps its own id");
    }

    @Test
    void accountsGoogleCreatedAreNotImpersonatedEachWithItsReason() {
        var agent = "existingServiceAccount must be a user-managed service account email, NAME@PROJECT_ID.iam.gserviceaccount.com, "
                + "not a Google-managed service agent (service-PROJECT_NUMBER@SERVICE.iam.gserviceaccount.com and the like): "
                + "it lives in a Google project, no one may grant roles on it, and it holds its service's roles on yours: '";
        for (var email : List.of("service-123456789012@container-engine-robot.iam.gserviceaccount.com",
                "service-123456789012@gcp-sa-artifactregistry.iam.gserviceaccount.com",
                "service-org-123456789012@gcp-sa-logging.iam.gserviceaccount.com",
                "service-123456789012@gae-api-prod.google.com.iam.gserviceaccount.com",
                "123456789012@cloudservices.gserviceaccount.com")) {
            assertThat(bindingFailure(a -> a.identity(ServiceAccountImpersonation.builder().existingServiceAccount(email).build())))
                    .as(email).isEqualTo(agent + email + "'");
        }
        var defaults = "existingServiceAccount must be a user-managed service account email, NAME@PROJECT_ID.iam.gserviceaccount.com, "
                + "not a default service account Google creates (Compute Engine's PROJECT_NUMBER-compute@, App Engine's PROJECT_ID@appspot, "
                + "Cloud Build's legacy PROJECT_NUMBER@cloudbuild): it is created with Editor on the project and shared by every VM or build "
                + "of it; create a dedicated account instead: '";
        for (var email : List.of("123456789012-compute@developer.gserviceaccount.com", "shop-prod-4711@appspot.gserviceaccount.com",
                "123456789012@cloudbuild.gserviceaccount.com")) {
            assertThat(bindingFailure(a -> a.identity(ServiceAccountImpersonation.builder().existingServiceAccount(email).build())))
                    .as(email).isEqualTo(defaults + email + "'");
        }
        // A user-managed account, even one whose id starts like an agent's, is accepted.
        for (var email : List.of("charts-writer@platform-shared-01.iam.gserviceaccount.com", "service-api@shop-prod-4711.iam.gserviceaccount.com")) {
            assertThat(ServiceAccountIds.requireEmail("existingServiceAccount", email)).isEqualTo(email);
        }
    }

    @Test
    void bucketNamesFollowCloudStoragesRules() {
        for (var name : new String[]{"Charts", "ab", "google-charts", "goog-charts", "192.168.1.1", "-charts", "c".repeat(64)}) {
            assertThat(bindingFailure(a -> a.grant(GcsAccess.readOnly(name)))).as(name).isEqualTo("bucket must be " + GcsBucketNames.RULE + ": '" + name + "'");
        }
        assertThat(GcsBucketNames.require("bucket", "charts.example.com")).isEqualTo("charts.example.com");
        assertThat(GcsBucketNames.require("bucket", "charts_eu-1")).isEqualTo("charts_eu-1");
    }

    @Test
    void bucketNamesThatReadAsGoogleAreRefusedPlainAndOnceKnown() {
        var rule = "a Cloud Storage bucket name: 3 to 63 characters of [a-z0-9_.-] (up to 222 with dots, each dot-separated part at most 63), "
                + "starting and ending with a letter or digit, not an IP address, not starting with 'goog' and not containing 'google' "
                + "or a close misspelling of it (such as 'g00gle')";
        for (var name : List.of("g00gle-charts", "charts-go0g1e", "charts-gooogle", "charts-9oogle", "g00g-charts", "charts-gogle-eu")) {
            assertThat(bindingFailure(a -> a.grant(GcsAccess.readOnly(name)))).as(name).isEqualTo("bucket must be " + rule + ": '" + name + "'");
            var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                    FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                            .grant(GcsAccess.readOnly("charts", com.pulumi.core.Output.of(name))).build()));
            assertThat(failure.message()).as("Output " + name).isEqualTo("bucket must be " + rule + ": '" + name + "'");
        }
        for (var name : List.of("go-ogle-charts", "good-charts", "charts-gle", "ego-charts", "g0od-data", "logo-gallery")) {
            assertThat(GcsBucketNames.require("bucket", name)).as(name).isEqualTo(name);
        }
    }

    @Test
    void bucketLocationsAreLookedUpInThePublishedList() {
        var rule = "a Cloud Storage location listed at https://cloud.google.com/storage/docs/locations: a multi-region (ASIA, EU, US), "
                + "a predefined dual-region (ASIA1, EUR4, EUR5, EUR7, EUR8, NAM4) or a region such as europe-west1";
        for (var location : List.of("europe-west99", "EUR9", "EUROPE", "us-central1-a", "", "europe_west1")) {
            var failure = fail(SimulatedStack.named("validation"), ctx -> ProtectedGcsBucket.create("charts", location, true));
            assertThat(failure.message()).as(location).isEqualTo("location must be " + rule + ": '" + location + "'");
        }
        for (var location : List.of("EU", "eu", "ASIA1", "nam4", "europe-west1", "EUROPE-WEST12", "africa-south1", "northamerica-south1")) {
            assertThat(ProtectedGcsBucket.requireLocation(location)).as(location).isEqualTo(location);
        }
    }

    @Test
    void prefixesHaveNoWildcardsOrLeadingSlash() {
        for (var prefix : new String[]{"", "/charts", "charts/*", "charts?", "line\nbreak"}) {
            assertThat(bindingFailure(a -> a.grant(GcsAccess.readOnly("shop-catalog").prefix(prefix)))).as(prefix).isEqualTo(
                    "prefix must be 1 to 1024 characters with no '*', '?', control characters or leading '/' (Cloud Storage object name prefix): '"
                            + prefix + "'");
        }
    }

    @Test
    void anOutputBucketNeedsAStableKey() {
        assertThat(bindingFailure(a -> a.grant(GcsAccess.readOnly("Reports!", com.pulumi.core.Output.of("reports-eu"))))).isEqualTo(
                "key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Reports!'");
    }

    @Test
    void twoGrantsMayNotShareAChildName() {
        assertThat(bindingFailure(a -> a.grant(GcsAccess.readOnly("shop-catalog").prefix("a-b/")).grant(GcsAccess.readOnly("shop-catalog").prefix("a-b/"))))
                .isEqualTo("grants[1] must be a grant other than grants[0] (GCS read-only on shop-catalog/a-b/*): "
                        + "both would be the child 'api-grant-shop-catalog-read-only-a-b': 'GCS read-only on shop-catalog/a-b/*'");
    }

    @Test
    void aGcpGrantMustBeAGcpResourceGrant() {
        var custom = new AccessGrant() {
            @Override
            public dev.keyless.core.Cloud cloud() {
                return GcpCloud.CLOUD;
            }

            @Override
            public String describe() {
                return "custom access that is no resource grant";
            }
        };
        assertThat(bindingFailure(a -> a.grant(custom))).isEqualTo(
                "grants[0] must be a GCP grant (GcsAccess) for GKE Workload Identity: a Google Cloud principal can only hold Google Cloud roles: 'custom access that is no resource grant'");
    }

    @Test
    void aClusterOfAnotherCloudIsRefused() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(new ForeignCluster()).namespace("shop").name("api").identity(GkeWorkloadIdentity.defaults()).build()));

        assertThat(failure.message()).isEqualTo(
                "cluster must be a GKE cluster (GkeCluster or AdoptedGkeCluster) for GKE Workload Identity: 'EKS cluster 'blue''");
    }

    @Test
    void nullsAreReportedAsBadInput() {
        assertThatThrownBy(() -> GcsAccess.readWrite((com.pulumi.gcp.storage.Bucket) null))
                .isInstanceOf(InvalidInputException.class).hasMessage("bucket must be a gcp.storage.Bucket, not null: 'null'");
        assertThatThrownBy(() -> GkeClusterArgs.builder().nodePool(null))
                .isInstanceOf(InvalidInputException.class).hasMessage("nodePool must be NodePoolOptions, e.g. NodePoolOptions.DEFAULT, not null: 'null'");
    }

    /** Stands in for another cloud's cluster. */
    private static final class ForeignCluster implements dev.keyless.core.OidcCluster {
        @Override
        public com.pulumi.kubernetes.Provider kubernetesProvider() {
            throw new UnsupportedOperationException("never asked: the mechanism refuses the cluster first");
        }

        @Override
        public com.pulumi.resources.Resource readiness() {
            throw new UnsupportedOperationException("never asked");
        }

        @Override
        public dev.keyless.core.IdentityMechanism defaultIdentity() {
            throw new UnsupportedOperationException("never asked");
        }

        @Override
        public dev.keyless.core.TrustDomain trustDomain() {
            return dev.keyless.core.TrustDomain.known("OIDC issuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/BLUE");
        }

        @Override
        public String describe() {
            return "EKS cluster 'blue'";
        }

        @Override
        public dev.keyless.core.Cloud cloud() {
            return new dev.keyless.core.Cloud("aws", "AWS", () -> {
                throw new UnsupportedOperationException("never asked");
            });
        }

        @Override
        public com.pulumi.core.Output<String> issuerUrl() {
            return com.pulumi.core.Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/BLUE");
        }
    }
}
