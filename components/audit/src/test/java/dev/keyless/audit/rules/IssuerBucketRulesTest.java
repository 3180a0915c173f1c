package dev.keyless.audit.rules;

import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

/** A self-managed cluster's issuer bucket: exactly its two documents public, and nothing more. */
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
}
