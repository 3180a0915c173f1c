package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

class StoreRulesTest {
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    private static final String BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private static final String ALL_BLOCKS =
            "\"blockPublicAcls\":true,\"blockPublicPolicy\":true,\"ignorePublicAcls\":true,\"restrictPublicBuckets\":true";
    private static final String RETAIN = "\"retainOnDelete\":true";

    @Test
    void companionsAreMatchedByBucketNameEvenWithoutParentOrDependencies() {
        assertThat(check(new S3BucketProtectionRule(),
                Fixtures.step(BUCKET, "logs", "{\"bucket\":\"shop-logs\"}", RETAIN),
                step(VERSIONING, "v", "{\"bucket\":\"shop-logs\",\"versioningConfiguration\":{\"status\":\"Enabled\"}}"),
                step(BLOCK, "b", "{\"bucket\":\"shop-logs\"," + ALL_BLOCKS + "}")))
                .isEmpty();
    }

    @Test
    void companionsOfAnotherBucketDoNotProtectThisOne() {
        String other = Fixtures.urn(BUCKET, "other");
        String dependsOnOther = "\"propertyDependencies\":{\"bucket\":[\"" + other + "\"]}";
        assertThat(check(new S3BucketProtectionRule(),
                Fixtures.step(BUCKET, "this", "{}", RETAIN),
                Fixtures.step(BUCKET, "other", "{}", RETAIN),
                Fixtures.step(VERSIONING, "v", "{\"bucket\":\"" + U + "\",\"versioningConfiguration\":{\"status\":\"Enabled\"}}",
                        dependsOnOther),
                Fixtures.step(BLOCK, "b", "{\"bucket\":\"" + U + "\"," + ALL_BLOCKS + "}", dependsOnOther)))
                .containsExactly("this: no versioning; no public access block");
    }

    @Test
    void suspendedVersioningAndAPartialBlockDoNotCount() {
        String parent = "\"parent\":\"" + Fixtures.urn(BUCKET, "b") + "\"";
        assertThat(check(new S3BucketProtectionRule(),
                Fixtures.step("aws:s3/bucket:Bucket", "b", "{}", "\"protect\":true"),
                Fixtures.step(VERSIONING, "v", "{\"bucket\":\"" + U + "\",\"versioningConfiguration\":{\"status\":\"Suspended\"}}", parent),
                Fixtures.step(BLOCK, "p", "{\"bucket\":\"" + U + "\",\"blockPublicAcls\":true,\"blockPublicPolicy\":false,"
                        + "\"ignorePublicAcls\":true,\"restrictPublicBuckets\":true}", parent)))
                .containsExactly("b: no versioning; no public access block");
    }

    @Test
    void anUnplaceableCompanionWithAnUnknownBucketCountsForEveryBucket() {
        assertThat(check(new S3BucketProtectionRule(),
                Fixtures.step(BUCKET, "a", "{}", RETAIN),
                step(VERSIONING, "v", "{\"bucket\":\"" + U + "\",\"versioningConfiguration\":{\"status\":\"" + U + "\"}}"),
                step(BLOCK, "b", "{\"bucket\":\"" + U + "\",\"blockPublicAcls\":\"" + U + "\",\"blockPublicPolicy\":true,"
                        + "\"ignorePublicAcls\":true,\"restrictPublicBuckets\":true}")))
                .isEmpty();
    }

    @Test
    void aGcsBucketNeedsEachSettingKnownOrUnknown() {
        String bucket = "gcp:storage/bucket:Bucket";
        assertThat(check(new GcsBucketProtectionRule(),
                Fixtures.step(bucket, "unknowns", "{\"uniformBucketLevelAccess\":\"" + U + "\",\"publicAccessPrevention\":\""
                        + U + "\",\"versioning\":\"" + U + "\"}", "\"protect\":true"),
                Fixtures.step(bucket, "bare", "{}", RETAIN),
                Fixtures.step(bucket, "text-true", "{\"uniformBucketLevelAccess\":\"true\",\"publicAccessPrevention\":\"enforced\","
                        + "\"versioning\":{\"enabled\":false}}", RETAIN)))
                .containsExactly(
                        "bare: uniformBucketLevelAccess not true; publicAccessPrevention unset; versioning not enabled",
                        "text-true: uniformBucketLevelAccess not true; versioning not enabled");
    }

    @Test
    void aBlobContainerIsPrivateByDefaultButMustSurviveTheStack() {
        String container = "azure-native:storage:BlobContainer";
        assertThat(check(new BlobContainerProtectionRule(),
                Fixtures.step(container, "defaulted", "{}", RETAIN),
                Fixtures.step(container, "unknown", "{\"publicAccess\":\"" + U + "\"}", "\"protect\":true"),
                Fixtures.step(container, "container", "{\"publicAccess\":\"Container\"}", RETAIN),
                step(container, "deletable", "{\"publicAccess\":\"None\"}")))
                .containsExactly("container: publicAccess Container", "deletable: no retainOnDelete or protect");
    }

    @Test
    void aStorageAccountThatAllowsPublicBlobsIsAFindingOnlyWhenSetTrue() {
        String account = "azure-native:storage:StorageAccount";
        assertThat(check(new StorageAccountBlobPublicAccessRule(),
                step(account, "public", "{\"allowBlobPublicAccess\":true}"),
                step("azure-native:storage/v20230101:StorageAccount", "versioned", "{\"allowBlobPublicAccess\":true}"),
                step(account, "private", "{\"allowBlobPublicAccess\":false}"),
                step(account, "unset", "{}"),
                step(account, "unknown", "{\"allowBlobPublicAccess\":\"" + U + "\"}")))
                .containsExactly("public: allowBlobPublicAccess: true", "versioned: allowBlobPublicAccess: true");
    }
}
