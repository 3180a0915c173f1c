package dev.keyless.gcp;

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
