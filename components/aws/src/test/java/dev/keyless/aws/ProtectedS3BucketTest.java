package dev.keyless.aws;

import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
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
        var store = deployment.resource(ProtectedS3Bucket.TYPE, "charts");
        assertThat(deployment.childrenOf(store)).extracting(RegisteredResource::name).containsExactly(
                "charts", "charts-public-access-block", "charts-versioning", "charts-encryption", "charts-ownership");
        assertThat(deployment.childrenOf(bucket)).isEmpty();
        assertThat(store.outputs()).containsOnlyKeys("bucketName", "arn");
    }

    @Test
    void everyChildIsAliasedFromTheUrnItHadBeforeTheComponentExisted() {
        var deployment = SimulatedStack.named("store").run(ctx -> ProtectedS3Bucket.create("charts", true));
        var top = "urn:pulumi:" + deployment.stack() + "::store::";
        var formerBucket = top + "aws:s3/bucketV2:BucketV2::charts";
        var store = deployment.resource(ProtectedS3Bucket.TYPE, "charts");

        assertThat(store.parentUrn()).isEqualTo(deployment.resources().get(0).urn());
        assertThat(store.aliases()).isEmpty();
        var bucket = deployment.resource("aws:s3/bucketV2:BucketV2", "charts");
        assertThat(bucket.urn()).isEqualTo(top + ProtectedS3Bucket.TYPE + "$aws:s3/bucketV2:BucketV2::charts");
        // The first is the provider SDK's own, from the bucket type's former name.
        assertThat(bucket.aliases()).containsExactly(top + ProtectedS3Bucket.TYPE + "$aws:s3/bucket:Bucket::charts", formerBucket);
        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.protect()).isFalse();
        for (var child : List.of(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::charts-public-access-block",
                "aws:s3/bucketVersioningV2:BucketVersioningV2::charts-versioning",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::charts-encryption",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls::charts-ownership")) {
            var resource = deployment.resources().stream().filter(r -> r.urn().endsWith("$" + child)).findFirst().orElseThrow();
            assertThat(resource.parentUrn()).as(child).isEqualTo(store.urn());
            assertThat(resource.aliases()).as(child).containsExactly(top + "aws:s3/bucketV2:BucketV2$" + child);
        }
    }

    @Test
    void theFormerUrnsDoNotDependOnHowTheStackIsNamed() {
        var deployment = SimulatedStack.named("shop").stack("prod").run(ctx -> ProtectedS3Bucket.create("assets", false));
        assertThat(deployment.resource("aws:s3/bucketV2:BucketV2", "assets").aliases())
                .contains("urn:pulumi:prod::shop::aws:s3/bucketV2:BucketV2::assets").hasSize(2);
        assertThat(deployment.resource("aws:s3/bucketVersioningV2:BucketVersioningV2", "assets-versioning").aliases())
                .containsExactly("urn:pulumi:prod::shop::aws:s3/bucketV2:BucketV2$aws:s3/bucketVersioningV2:BucketVersioningV2::assets-versioning");
        assertThat(deployment.resource("aws:s3/bucketV2:BucketV2", "assets").retainOnDelete()).isFalse();
    }

    @Test
    void aStoreGivenAParentHadNoFormerPlaceAndIsNotAliased() {
        var deployment = SimulatedStack.named("store").run(ctx -> {
            var parent = new com.pulumi.resources.ComponentResource("test:index:Parent", "team");
            new ProtectedS3Bucket("charts", true, com.pulumi.resources.ComponentResourceOptions.builder().parent(parent).build());
        });
        assertThat(deployment.resource(ProtectedS3Bucket.TYPE, "charts").parentUrn())
                .isEqualTo(deployment.resource("test:index:Parent", "team").urn());
        var store = deployment.resource(ProtectedS3Bucket.TYPE, "charts");
        assertThat(deployment.resource("aws:s3/bucketV2:BucketV2", "charts").aliases())
                .containsExactly(store.urn().replace("::charts", "") + "$aws:s3/bucket:Bucket::charts");
        assertThat(deployment.childrenOf(store)).filteredOn(r -> !r.name().equals("charts"))
                .hasSize(4).allSatisfy(r -> assertThat(r.aliases()).as(r.urn()).isEmpty());
    }

    @Test
    void grantsTakeTheComponentAndWaitForItsBucket() {
        var viaComponent = GrantPolicies.deploy(() -> S3Access.readWrite(new ProtectedS3Bucket("charts", true)));
        var viaBucket = GrantPolicies.deploy(() -> S3Access.readWrite(new ProtectedS3Bucket("charts", true).bucket()));
        var policy = GrantPolicies.carriedBy(viaComponent, "api");

        assertThat(Json.parse(policy)).isEqualTo(Json.parse(GrantPolicies.carriedBy(viaBucket, "api")));
        // The role carries the grant, so it is the role that waits for the bucket its policy names.
        assertThat(ResourceGraph.of(viaComponent).waitsFor(viaComponent.resource(GrantPolicies.ROLE, "api-role"),
                viaComponent.resource("aws:s3/bucketV2:BucketV2", "charts"))).isTrue();
        assertThat(GrantPolicies.carriedBy(GrantPolicies.deploy(() -> S3Access.readOnly(new ProtectedS3Bucket("charts", true))), "api"))
                .contains("s3:GetObject").doesNotContain("s3:PutObject");
    }
}
