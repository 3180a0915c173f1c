package dev.keyless.aws;

import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protected bucket keeps its objects, and its name must auto-name a valid bucket. */
class ProtectedS3BucketTest {

    @Test
    void keepsVersionsBlocksPublicAccessAndIsRetained() {
        var deployment = SimulatedStack.named("store").run(ctx -> ProtectedS3Bucket.create("charts", true));
        var bucket = deployment.resource("aws:s3/bucketV2:BucketV2", "charts");

        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.inputs()).containsEntry("forceDestroy", false);
        assertThat(deployment.resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "charts-public-access-block").inputs())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(deployment.resource("aws:s3/bucketVersioningV2:BucketVersioningV2", "charts-versioning").inputs())
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(deployment.childrenOf(bucket)).hasSize(4);
    }

    @Test
    void namesThatCannotAutoNameABucketAreRefusedBeforeRegistration() {
        for (var name : List.of("Charts", "charts_1", "-charts", "c".repeat(56), "xn--charts", "charts..old")) {
            var failure = SimulatedStack.named("store").runExpectingFailure(ctx -> ProtectedS3Bucket.create(name, true));
            assertThat(failure.message()).as(name).isEqualTo("name must be " + S3BucketNames.AUTONAME_RULE + ": '" + name + "'");
            assertThat(failure.registeredBesidesStack()).isEmpty();
        }
        SimulatedStack.named("store").run(ctx -> ProtectedS3Bucket.create("c".repeat(55), false));
    }
}
