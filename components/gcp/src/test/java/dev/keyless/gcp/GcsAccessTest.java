package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Bucket-scoped roles, and the IAM condition that narrows them to a prefix. */
class GcsAccessTest {
    private static final String MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";

    private static RecordedDeployment deploy(Function<com.pulumi.Context, GcsAccess> grant) {
        return SimulatedStack.named("gcs").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(grant.apply(ctx))
                .build()));
    }

    @Test
    void aPrefixNarrowsObjectsAndListingWithGooglesConditionAttributes() {
        var member = deploy(ctx -> GcsAccess.readWrite("shop-catalog").prefix("charts/"))
                .resource(MEMBER, "api-grant-shop-catalog-read-write-charts");

        assertThat(member.input("role")).contains("roles/storage.objectUser");
        assertThat(member.input("condition")).contains(Map.of(
                "title", "only objects under charts/",
                "expression", "resource.name.startsWith(\"projects/_/buckets/shop-catalog/objects/charts/\")"
                        + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"charts/\")"
                        + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\") == \"charts\""));
    }

    @Test
    void aPrefixWithoutSlashIsNotWidenedToItsFolder() {
        assertThat(GcsPrefixCondition.expression("b1", "2026-")).isEqualTo(
                "resource.name.startsWith(\"projects/_/buckets/b1/objects/2026-\")"
                        + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"2026-\")");
    }

    @Test
    void quotesAndBackslashesInAPrefixCannotEndTheLiteral() {
        assertThat(GcsPrefixCondition.expression("b1", "a\"b\\c/")).isEqualTo(
                "resource.name.startsWith(\"projects/_/buckets/b1/objects/a\\\"b\\\\c/\")"
                        + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"a\\\"b\\\\c/\")"
                        + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\") == \"a\\\"b\\\\c\"");
    }

    @Test
    void theConditionTitleFitsIamsLimit() {
        assertThat(GcsPrefixCondition.title("p".repeat(200))).hasSize(100).startsWith("only objects under ppp");
    }

    @Test
    void withoutAPrefixTheRoleCoversTheBucketAndHasNoCondition() {
        var member = deploy(ctx -> GcsAccess.readOnly("shop-catalog")).resource(MEMBER, "api-grant-shop-catalog-read-only");

        assertThat(member.input("role")).contains("roles/storage.objectViewer");
        assertThat(member.inputs()).doesNotContainKey("condition");
    }

    @Test
    void aManagedBucketIsNamedByItsOutputAndGrantedAfterItExists() {
        var deployment = deploy(ctx -> GcsAccess.readWrite(new Bucket("charts", BucketArgs.builder().location("EU").build())).prefix("charts/"));
        var member = deployment.resource(MEMBER, "api-grant-charts-read-write-charts");

        assertThat(member.input("bucket")).contains("charts-xxxxxxx");
        assertThat(member.input("condition.expression").orElseThrow().toString())
                .startsWith("resource.name.startsWith(\"projects/_/buckets/charts-xxxxxxx/objects/charts/\")");
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:storage/bucket:Bucket", "charts"))).isTrue();
    }

    @Test
    void aBucketFromAnotherStackIsKeyedByTheGivenKey() {
        var member = deploy(ctx -> GcsAccess.readOnly("reports", Output.of("reports-eu-7"))).resource(MEMBER, "api-grant-reports-read-only");

        assertThat(member.input("bucket")).contains("reports-eu-7");
    }

    @Test
    void describesItselfForMessages() {
        assertThat(GcsAccess.readWrite("shop-catalog").prefix("charts/").describe()).isEqualTo("GCS read-write on shop-catalog/charts/*");
        assertThat(GcsAccess.readOnly("shop-catalog").describe()).isEqualTo("GCS read-only on shop-catalog/*");
    }
}
