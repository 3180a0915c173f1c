package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
        var deployment = deploy(ctx -> GcsAccess.readWrite(new Bucket("charts", BucketArgs.builder().location("EU")
                .uniformBucketLevelAccess(true).build())).prefix("charts/"));
        var member = deployment.resource(MEMBER, "api-grant-charts-read-write-charts");

        assertThat(member.input("bucket")).contains("charts-xxxxxxx");
        assertThat(member.input("condition.expression").orElseThrow().toString())
                .startsWith("resource.name.startsWith(\"projects/_/buckets/charts-xxxxxxx/objects/charts/\")");
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:storage/bucket:Bucket", "charts"))).isTrue();
    }

    @Test
    void aPrefixOnAManagedBucketWithoutUniformAccessIsRefusedBeforeTheGrantIsBound() {
        var failure = SimulatedStack.named("gcs").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readOnly(new Bucket("charts", BucketArgs.builder().location("EU").build())).prefix("charts/"))
                .build()));

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("prefix must be set only on a bucket with uniform bucket-level access (IAM Conditions need it, "
                + "and bucket 'charts' has it off: create it with uniformBucketLevelAccess(true), or as a ProtectedGcsBucket): 'charts/'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void withoutAPrefixABucketWithoutUniformAccessIsGrantedAndAProtectedBucketTakesAPrefix() {
        var whole = deploy(ctx -> GcsAccess.readOnly(new Bucket("charts", BucketArgs.builder().location("EU").build())));
        var prefixed = deploy(ctx -> GcsAccess.readOnly(ProtectedGcsBucket.create("charts", "EU", true)).prefix("charts/"));

        assertThat(whole.resource(MEMBER, "api-grant-charts-read-only").inputs()).doesNotContainKey("condition");
        assertThat(prefixed.resource(MEMBER, "api-grant-charts-read-only-charts").input("condition.title")).contains("only objects under charts/");
    }

    @Test
    void twoBucketsFromAnotherStackUnderOneKeyAreRefusedNamingBoth() {
        var failure = SimulatedStack.named("gcs").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readOnly("reports", Output.of("reports-eu-7")))
                .grant(GcsAccess.readOnly("reports", Output.of("reports-us-7")))
                .build()));

        assertThat(failure.message()).isEqualTo("grants[1] must be a grant other than grants[0] (GCS read-only on reports/*): "
                + "both would be the child 'api-grant-reports-read-only': 'GCS read-only on reports/*'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void aBucketFromAnotherStackIsKeyedByTheGivenKey() {
        var member = deploy(ctx -> GcsAccess.readOnly("reports", Output.of("reports-eu-7"))).resource(MEMBER, "api-grant-reports-read-only");

        assertThat(member.input("bucket")).contains("reports-eu-7");
    }

    @Test
    void aBucketFromAnotherStackGetsTheRoleAndConditionANamedBucketGets() {
        var plain = deploy(ctx -> GcsAccess.readWrite("reports-eu-7").prefix("charts/")).resource(MEMBER, "api-grant-reports-eu-7-read-write-charts");
        var output = deploy(ctx -> GcsAccess.readWrite("reports", Output.of("reports-eu-7")).prefix("charts/"))
                .resource(MEMBER, "api-grant-reports-read-write-charts");

        for (var member : List.of(plain, output)) {
            assertThat(member.input("bucket")).contains("reports-eu-7");
            assertThat(member.input("role")).contains("roles/storage.objectUser");
            assertThat(member.input("condition")).contains(Map.of(
                    "title", "only objects under charts/",
                    "expression", "resource.name.startsWith(\"projects/_/buckets/reports-eu-7/objects/charts/\")"
                            + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"charts/\")"
                            + " || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\") == \"charts\""));
        }
        assertThat(output.input("member")).isEqualTo(plain.input("member")).isPresent();
    }

    @Test
    void aBucketNameFromAnotherStackBreakingTheRulesFailsWithThePlainMessageBeforeTheGrantRegisters() {
        var plain = catchThrowable(() -> GcsAccess.readOnly("Reports_EU"));
        var failure = SimulatedStack.named("gcs").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readOnly("reports", Output.of("Reports_EU")))
                .build()));

        assertThat(plain).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("bucket must be ").hasMessageEndingWith(": 'Reports_EU'");
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo(plain.getMessage());
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void theKeyFollowsTheOneRuleForGivenKeys() {
        assertThatThrownBy(() -> GcsAccess.readOnly("Reports", Output.of("reports-eu-7")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Reports'");
    }

    @Test
    void prefixesASlugWouldMergeAreDistinctGrantsWithDistinctChildren() {
        var deployment = SimulatedStack.named("gcs").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readOnly("shop-catalog").prefix("team/a/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("team-a/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("A/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("a/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("日本/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("中国/"))
                .build()));

        assertThat(deployment.ofType(MEMBER)).extracting(r -> r.name() + " " + r.input("condition.title").orElseThrow()).containsExactlyInAnyOrder(
                "api-grant-shop-catalog-read-only-team-a--b44efc52 only objects under team/a/",
                "api-grant-shop-catalog-read-only-team-a only objects under team-a/",
                "api-grant-shop-catalog-read-only-a--f535a2ab only objects under A/",
                "api-grant-shop-catalog-read-only-a only objects under a/",
                "api-grant-shop-catalog-read-only-prefix--5ff4d913 only objects under 日本/",
                "api-grant-shop-catalog-read-only-prefix--0696307a only objects under 中国/");
    }

    @Test
    void aBucketWhoseNameContainsAnAccessIsNotMistakenForAnotherGrant() {
        var deployment = SimulatedStack.named("gcs").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readWrite("xyz-read-only"))
                .grant(GcsAccess.readOnly("xyz").prefix("read-write/"))
                .build()));

        assertThat(deployment.ofType(MEMBER)).extracting(r -> r.name() + " " + r.input("bucket").orElseThrow()).containsExactlyInAnyOrder(
                "api-grant-xyz-read-only-read-write--c0fe5874 xyz-read-only",
                "api-grant-xyz-read-only-read-write xyz");
        assertThat(GcsAccess.readWrite("xyz-read-only").formerKey()).contains("xyz-read-only-read-write");
    }

    @Test
    void aPlainFolderKeepsItsKeyAndAnyOtherPrefixNamesTheKeyItHadBefore() {
        assertThat(GcsAccess.readOnly("shop-catalog").prefix("team-a/").key()).isEqualTo("shop-catalog-read-only-team-a");
        assertThat(GcsAccess.readOnly("shop-catalog").prefix("2026/").formerKey()).isEmpty();
        assertThat(GcsAccess.readOnly("shop-catalog").formerKey()).isEmpty();
        assertThat(GcsAccess.readWrite("shop-catalog").prefix("charts").key()).isEqualTo("shop-catalog-read-write-charts--c1569f00");
        assertThat(GcsAccess.readWrite("shop-catalog").prefix("charts").formerKey()).contains("shop-catalog-read-write-charts");
        assertThat(GcsAccess.readOnly("shop-catalog").prefix("team/a/").formerKey()).contains("shop-catalog-read-only-team-a");
    }

    @Test
    void theSameGrantTwiceIsRefusedNamingBoth() {
        var failure = SimulatedStack.named("gcs").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(GcsAccess.readOnly("shop-catalog").prefix("team/a/"))
                .grant(GcsAccess.readOnly("shop-catalog").prefix("team/a/"))
                .build()));

        assertThat(failure.message()).isEqualTo("grants[1] must be a grant other than grants[0] (GCS read-only on shop-catalog/team/a/*): "
                + "both would be the child 'api-grant-shop-catalog-read-only-team-a--b44efc52': 'GCS read-only on shop-catalog/team/a/*'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void describesItselfForMessages() {
        assertThat(GcsAccess.readWrite("shop-catalog").prefix("charts/").describe()).isEqualTo("GCS read-write on shop-catalog/charts/*");
        assertThat(GcsAccess.readOnly("shop-catalog").describe()).isEqualTo("GCS read-only on shop-catalog/*");
    }
}
