package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants on stores the landing zone creates are planned on a stand-in while the config is read, so
 * a rule spanning a workload's grants that one of them breaks is a problem at its config path, not
 * a bare error of the component once the store is registered.
 */
class CreatedStoreGrantsTest {
    private static final String CONFIG = """
            gke-kubeconfig: "apiVersion: v1"
            clusters:
              analytics:
                cloud: gcp
                adopt:
                  projectId: acme-data
                  location: europe-west1
                  clusterName: analytics
                  kubeconfigSecret: gke-kubeconfig
            stores:
              reports: {cloud: gcp, location: EU}
              archive: {cloud: gcp, create: false, bucket: %s}
            workloads:
              api:
                cluster: analytics
                namespace: shop
                serviceAccount: api
                grants:
                  - {store: reports, access: read}
                  - {store: archive, access: read}
            """;

    @Test
    void aCreatedBucketsGrantKeyedLikeAnExistingBucketsIsOneProblemAtTheSecondGrant() {
        // The created bucket's grant is keyed by its Pulumi name, 'reports'; so is a grant on an existing bucket named 'reports'.
        var failure = ZoneStack.withConfig(CONFIG.formatted("reports")).runExpectingFailure(LandingZone::stack);

        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        assertThat(((InvalidConfigException) failure.error()).problems()).containsExactly("workloads.api.grants[1]: grants[1] must be "
                + "a grant other than grants[0] (GCS read-only on reports/*): both would be the child 'api-grant-reports-read-only': "
                + "'GCS read-only on reports/*'");
    }

    @Test
    void theSameGrantsOnDistinctKeysRegisterTheCreatedBucketAndBothGrants() {
        var deployment = ZoneStack.withConfig(CONFIG.formatted("acme-archive")).run(LandingZone::stack);

        assertThat(deployment.find("gcp:storage/bucket:Bucket", "reports")).isPresent();
        assertThat(deployment.ofType("gcp:storage/bucketIAMMember:BucketIAMMember")).extracting(r -> r.name())
                .containsExactly("api-grant-reports-read-only", "api-grant-acme-archive-read-only");
    }
}
