package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A self-managed cluster's issuer bucket, in S3 or Cloud Storage: exactly its two documents public, and nothing more. */
class IssuerBucketRulesTest {
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    private static final String BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    private static final String ISSUER_BLOCK = "{\"bucket\":\"k3s-issuer\",\"blockPublicAcls\":true,\"blockPublicPolicy\":false,"
            + "\"ignorePublicAcls\":true,\"restrictPublicBuckets\":false}";

    private static String policy(String resources, String action) {
        var document = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"" + action
                + "\",\"Resource\":[" + resources + "]}}";
        return "{\"bucket\":\"k3s-issuer\",\"policy\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(document) + "}";
    }

    private static final String TWO_DOCUMENTS =
            "\"arn:aws:s3:::k3s-issuer/.well-known/openid-configuration\",\"arn:aws:s3:::k3s-issuer/openid/v1/jwks\"";

    private static String[] issuerBucket(String policyInputs) {
        return new String[] {
            Fixtures.step(BUCKET, "issuer-bucket", "{\"bucket\":\"k3s-issuer\"}", "\"protect\":true"),
            step(VERSIONING, "v", "{\"bucket\":\"k3s-issuer\",\"versioningConfiguration\":{\"status\":\"Enabled\"}}"),
            step(BLOCK, "b", ISSUER_BLOCK),
            step(POLICY, "p", policyInputs)};
    }

    @Test
    void anIssuerBucketWithExactlyItsTwoDocumentsPublicHasNoFinding() {
        assertThat(check(new S3BucketProtectionRule(), issuerBucket(policy(TWO_DOCUMENTS, "s3:GetObject")))).isEmpty();
        assertThat(check(new PublicBucketObjectsRule(), issuerBucket(policy(TWO_DOCUMENTS, "s3:GetObject")))).isEmpty();
    }

    @Test
    void aPolicyThatMakesMoreThanTheTwoDocumentsPublicIsBothRulesFinding() {
        var wider = issuerBucket(policy(TWO_DOCUMENTS + ",\"arn:aws:s3:::k3s-issuer/*\"", "s3:GetObject"));
        assertThat(check(new PublicBucketObjectsRule(), wider)).containsExactly("p: public resource arn:aws:s3:::k3s-issuer/*");
        assertThat(check(new S3BucketProtectionRule(), wider)).containsExactly("issuer-bucket: no public access block");
        assertThat(check(new PublicBucketObjectsRule(), issuerBucket(policy(TWO_DOCUMENTS, "s3:PutObject"))))
                .containsExactly("p: public action s3:PutObject");
    }

    @Test
    void aRelaxedBlockWithoutAnyPublicPolicyIsStillAFinding() {
        assertThat(check(new S3BucketProtectionRule(),
                Fixtures.step(BUCKET, "issuer-bucket", "{\"bucket\":\"k3s-issuer\"}", "\"protect\":true"),
                step(VERSIONING, "v", "{\"bucket\":\"k3s-issuer\",\"versioningConfiguration\":{\"status\":\"Enabled\"}}"),
                step(BLOCK, "b", ISSUER_BLOCK)))
                .containsExactly("issuer-bucket: no public access block");
    }

    private static final String GCS_BUCKET = "gcp:storage/bucket:Bucket";
    private static final String GCS_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String GCS_OBJECT = "gcp:storage/bucketObject:BucketObject";

    /** What keyless GcsOidcIssuer registers: the bucket, its public read, then the two documents. */
    private static String[] gcsIssuer(String... extra) {
        var steps = new ArrayList<>(List.of(
                Fixtures.step(GCS_BUCKET, "issuer-bucket", "{\"name\":\"k3s-issuer\",\"location\":\"EU\","
                        + "\"uniformBucketLevelAccess\":true,\"publicAccessPrevention\":\"inherited\",\"versioning\":{\"enabled\":true},"
                        + "\"forceDestroy\":false}", "\"protect\":true,\"retainOnDelete\":true"),
                step(GCS_MEMBER, "issuer-public-read", "{\"bucket\":\"k3s-issuer\",\"role\":\"roles/storage.objectViewer\","
                        + "\"member\":\"allUsers\"}"),
                step(GCS_OBJECT, "issuer-discovery", "{\"bucket\":\"k3s-issuer\",\"name\":\".well-known/openid-configuration\"}"),
                step(GCS_OBJECT, "issuer-jwks", "{\"bucket\":\"k3s-issuer\",\"name\":\"openid/v1/jwks\"}")));
        steps.addAll(List.of(extra));
        return steps.toArray(String[]::new);
    }

    @Test
    void aGcsIssuerBucketWithOnlyItsDocumentsReadableByAllUsersMayInheritPublicAccessPrevention() {
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer())).isEmpty();
    }

    @Test
    void aGcsBucketOpenedWiderOrHoldingMoreIsStillAFinding() {
        String finding = "issuer-bucket: publicAccessPrevention inherited";
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step(GCS_OBJECT, "backup",
                "{\"bucket\":\"k3s-issuer\",\"name\":\"backups/etcd.db\"}")))).containsExactly(finding);
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step(GCS_MEMBER, "anyone-writes",
                "{\"bucket\":\"k3s-issuer\",\"role\":\"roles/storage.objectCreator\",\"member\":\"allUsers\"}")))).containsExactly(finding);
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step(GCS_MEMBER, "signed-in",
                "{\"bucket\":\"k3s-issuer\",\"role\":\"roles/storage.objectViewer\",\"member\":\"allAuthenticatedUsers\"}")))).containsExactly(finding);
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step(GCS_OBJECT, "unnamed",
                "{\"bucket\":\"k3s-issuer\",\"name\":\"" + U + "\"}")))).containsExactly(finding);
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step("gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl",
                "acl", "{\"bucket\":\"k3s-issuer\",\"entity\":\"allUsers\",\"role\":\"READER\"}")))).containsExactly(finding);
        // The same bucket with no public read is not an issuer bucket, and must enforce prevention.
        assertThat(check(new GcsBucketProtectionRule(),
                Fixtures.step(GCS_BUCKET, "issuer-bucket", "{\"name\":\"k3s-issuer\",\"uniformBucketLevelAccess\":true,"
                        + "\"publicAccessPrevention\":\"inherited\",\"versioning\":{\"enabled\":true}}", "\"protect\":true"),
                step(GCS_OBJECT, "issuer-jwks", "{\"bucket\":\"k3s-issuer\",\"name\":\"openid/v1/jwks\"}")))
                .containsExactly(finding);
        // A grant to another bucket changes nothing here.
        assertThat(check(new GcsBucketProtectionRule(), gcsIssuer(step(GCS_MEMBER, "elsewhere",
                "{\"bucket\":\"site\",\"role\":\"roles/storage.objectAdmin\",\"member\":\"allUsers\"}")))).isEmpty();
    }
}
