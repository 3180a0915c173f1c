package dev.keyless.gcp;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protected bucket keeps its objects, and its name and location are checked first. */
class ProtectedGcsBucketTest {

    @Test
    void keepsVersionsPreventsPublicAccessAndIsRetained() {
        var deployment = SimulatedStack.named("store").config("gcp:project", "shop-prod")
                .run(ctx -> ProtectedGcsBucket.create("charts", "EU", true));
        var bucket = deployment.resource("gcp:storage/bucket:Bucket", "charts");

        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.inputs())
                .containsEntry("location", "EU")
                .containsEntry("uniformBucketLevelAccess", true)
                .containsEntry("publicAccessPrevention", "enforced")
                .containsEntry("versioning", Map.of("enabled", true))
                .containsEntry("forceDestroy", false);
        var store = deployment.resource(ProtectedGcsBucket.TYPE, "charts");
        assertThat(bucket.parentUrn()).isEqualTo(store.urn());
        assertThat(deployment.childrenOf(store)).containsExactly(bucket);
        assertThat(store.outputs()).containsOnlyKeys("bucketName");
    }

    @Test
    void theBucketIsAliasedFromTheUrnItHadBeforeTheComponentExisted() {
        var deployment = SimulatedStack.named("shop").stack("prod").config("gcp:project", "shop-prod")
                .run(ctx -> ProtectedGcsBucket.create("charts", "EU", true));
        var bucket = deployment.resource("gcp:storage/bucket:Bucket", "charts");

        assertThat(bucket.urn()).isEqualTo("urn:pulumi:prod::shop::" + ProtectedGcsBucket.TYPE + "$gcp:storage/bucket:Bucket::charts");
        assertThat(bucket.aliases()).containsExactly("urn:pulumi:prod::shop::gcp:storage/bucket:Bucket::charts");
        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(deployment.resource(ProtectedGcsBucket.TYPE, "charts").aliases()).isEmpty();
        assertThat(SimulatedStack.named("shop").config("gcp:project", "shop-prod")
                .run(ctx -> new ProtectedGcsBucket("charts", "EU", false)).resource("gcp:storage/bucket:Bucket", "charts").retainOnDelete())
                .isFalse();
    }

    @Test
    void aStoreGivenAParentHadNoFormerPlaceAndIsNotAliased() {
        var deployment = SimulatedStack.named("store").config("gcp:project", "shop-prod").run(ctx -> {
            var parent = new ComponentResource("test:index:Parent", "team");
            new ProtectedGcsBucket("charts", "EU", true, ComponentResourceOptions.builder().parent(parent).build());
        });
        var bucket = deployment.resource("gcp:storage/bucket:Bucket", "charts");
        assertThat(bucket.urn()).isEqualTo("urn:pulumi:dev::store::test:index:Parent$" + ProtectedGcsBucket.TYPE + "$gcp:storage/bucket:Bucket::charts");
        assertThat(bucket.aliases()).isEmpty();
    }

    @Test
    void grantsTakeTheComponentAndWaitForItsBucket() {
        var deployment = GrantDeployments.deploy(ctx -> List.of(GcsAccess.readWrite(new ProtectedGcsBucket("charts", "EU", true)).prefix("charts/")));
        var member = deployment.resource("gcp:storage/bucketIAMMember:BucketIAMMember", "api-grant-charts-read-write-charts");

        assertThat(member.input("bucket")).contains("charts-xxxxxxx");
        assertThat(member.input("role")).contains(GcsAccess.WRITE_ROLE);
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:storage/bucket:Bucket", "charts"))).isTrue();
        assertThat(GrantDeployments.deploy(ctx -> List.of(GcsAccess.readOnly(new ProtectedGcsBucket("charts", "EU", true))))
                .resource("gcp:storage/bucketIAMMember:BucketIAMMember", "api-grant-charts-read-only").input("role"))
                .contains(GcsAccess.READ_ROLE);
    }

    @Test
    void badNamesAndLocationsAreRefusedBeforeRegistration() {
        for (var name : List.of("Charts", "google-charts", "goog-charts", "charts.eu", "c".repeat(56))) {
            var failure = SimulatedStack.named("store").runExpectingFailure(ctx -> ProtectedGcsBucket.create(name, "EU", true));
            assertThat(failure.message()).as(name).isEqualTo("name must be " + GcsBucketNames.AUTONAME_RULE + ": '" + name + "'");
            assertThat(failure.registeredBesidesStack()).isEmpty();
        }
        for (var location : List.of("", "Europe West", "europe_west1")) {
            assertThat(SimulatedStack.named("store").runExpectingFailure(ctx -> ProtectedGcsBucket.create("charts", location, true)).message())
                    .isEqualTo("location must be " + GcsLocations.RULE + ": '" + location + "'");
        }
        SimulatedStack.named("store").config("gcp:project", "shop-prod").run(ctx -> ProtectedGcsBucket.create("charts", "europe-west1", false));
    }
}
