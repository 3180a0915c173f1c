package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bucket named by plain text and one named by another stack's output get the same statements. */
class S3AccessTest {
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String READ_WRITE_UNDER_CHARTS = """
            {"Version": "2012-10-17",
             "Statement": [
               {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::shop-charts",
                "Condition": {"StringLike": {"s3:prefix": ["charts/*", "charts"]}}},
               {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                "Resource": "arn:aws:s3:::shop-charts/charts/*"}]}
            """;

    private static FederatedServiceAccount workload(S3Access grant) {
        return new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").grant(grant).build());
    }

    private static RecordedDeployment deploy(S3Access grant) {
        return SimulatedStack.named("s3").run(ctx -> workload(grant));
    }

    private static Object policyOf(RecordedDeployment deployment) {
        return Json.parse(GrantPolicies.carriedBy(deployment, "api"));
    }

    @Test
    void aPlainNameAndAnOutputNameGiveTheSamePolicy() {
        var plain = deploy(S3Access.readWrite("shop-charts").prefix("charts/"));
        var output = deploy(S3Access.readWrite("charts", Output.of("shop-charts")).prefix("charts/"));

        assertThat(policyOf(plain)).isEqualTo(Json.parse(READ_WRITE_UNDER_CHARTS));
        assertThat(policyOf(output)).isEqualTo(Json.parse(READ_WRITE_UNDER_CHARTS));
    }

    @Test
    void readOnlyFromAnOutputListsAndGetsOnly() {
        assertThat(policyOf(deploy(S3Access.readOnly("catalog", Output.of("shop-catalog"))))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::shop-catalog"},
                   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-catalog/*"}]}
                """));
    }

    @Test
    void theGivenKeyNamesTheBucketInReports() {
        assertThat(S3Access.readOnly("catalog", Output.of("shop-catalog")).prefix("2026/").describe()).isEqualTo("S3 read-only on catalog/2026/*");
        assertThat(S3Access.readWrite("shop-catalog").describe()).isEqualTo("S3 read-write on shop-catalog/*");
    }

    @Test
    @SuppressWarnings("deprecation")
    void anOutputWithoutAKeyStillGrantsAndIsReportedAsSuch() {
        var grant = S3Access.readWrite(Output.of("shop-charts")).prefix("charts/");

        assertThat(grant.describe()).isEqualTo("S3 read-write on a bucket named by an Output/charts/*");
        assertThat(policyOf(deploy(grant))).isEqualTo(Json.parse(READ_WRITE_UNDER_CHARTS));
    }

    @Test
    void anOutputNameBreakingS3sRulesFailsWithThePlainMessageBeforeThePolicyRegisters() {
        var message = "bucket must be " + S3BucketNames.RULE + ": 'Shop_Charts'";
        assertThatThrownBy(() -> S3Access.readOnly("Shop_Charts")).hasMessage(message);

        var failure = SimulatedStack.named("s3").runExpectingFailure(ctx -> workload(S3Access.readOnly("charts", Output.of("Shop_Charts"))));
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(POLICY)).isEmpty();
        assertThat(failure.deployment().ofType(GrantPolicies.ROLE)).isEmpty();
    }

    @Test
    void theKeyFollowsTheOneRuleForGivenKeys() {
        assertThatThrownBy(() -> S3Access.readOnly("Charts!", Output.of("shop-charts")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Charts!'");
        assertThatThrownBy(() -> S3Access.readWrite("charts", (Output<String>) null))
                .hasMessage("bucket must be a bucket name, not null: 'null'");
    }
}
