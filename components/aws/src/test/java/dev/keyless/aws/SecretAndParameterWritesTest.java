package dev.keyless.aws;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import static dev.keyless.aws.GrantPolicies.policyOf;
import static dev.keyless.aws.GrantPolicies.refusedAtDeploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write level of the Secrets Manager and Parameter Store grants: exact statements, every way of naming, refusals. */
class SecretAndParameterWritesTest {
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/token-AbCdEf";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PARAMETER = "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/cursor";
    private static final String PATH = "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/state";
    private static final String WRITE_SECRET_WITH_KEY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
               "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/token-AbCdEf"},
              {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
               "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
            """;

    @Test
    void writingASecretAddsPutSecretValueOnItAndADataKeyFromItsNamedKey() {
        assertThat(policyOf(() -> SecretsManagerAccess.readWrite(SECRET).decryptingWith(KEY))).isEqualTo(Json.parse(WRITE_SECRET_WITH_KEY));
        assertThat(policyOf(() -> SecretsManagerAccess.readWrite("token", Output.of(SECRET)).decryptingWith("secrets", Output.of(KEY))))
                .isEqualTo(Json.parse(WRITE_SECRET_WITH_KEY));
    }

    @Test
    void aWrittenSecretOfThisStackIsNamedByItsArnAndNeedsNoKeyStatementUnderTheAwsManagedKey() {
        assertThat(policyOf(() -> SecretsManagerAccess.readWrite(new Secret("token", SecretArgs.builder().name("shop/token").build()))))
                .isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
                   "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/token-AbCdEf"}}
                """));
    }

    @Test
    void theLevelShowsInTheDescriptionAndAccessor() {
        var write = SecretsManagerAccess.readWrite(SECRET);
        assertThat(write.writes()).isTrue();
        assertThat(write.describe()).isEqualTo("Secrets Manager read-write on " + SECRET);
        assertThat(SecretsManagerAccess.readOnly(SECRET).writes()).isFalse();
        assertThat(SecretsManagerAccess.readOnly(SECRET).describe()).isEqualTo("Secrets Manager read on " + SECRET);
        assertThat(SsmParameterAccess.readWriteUnderPath(PATH).describe()).isEqualTo("SSM parameter read-write on " + PATH + "/*");
        assertThat(SsmParameterAccess.readOnly(PARAMETER).writes()).isFalse();
    }

    @Test
    void aWrittenSecretNamedWithAWildcardOrOfAnotherServiceOrPartitionIsRefused() {
        assertThatThrownBy(() -> SecretsManagerAccess.readWrite("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret must be one secret named exactly, with no '*' or '?' (a wildcard grants every secret it matches): "
                        + "'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*'");
        var rule = "a Secrets Manager secret ARN with its six-character suffix, arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf";
        assertThatThrownBy(() -> SecretsManagerAccess.readWrite(PARAMETER)).hasMessage("secret must be " + rule + ": '" + PARAMETER + "'");
        assertThatThrownBy(() -> SecretsManagerAccess.readWrite("arn:aws-iso:secretsmanager:eu-west-1:111122223333:secret:shop/token-AbCdEf"))
                .hasMessage("secret must be " + rule + ": 'arn:aws-iso:secretsmanager:eu-west-1:111122223333:secret:shop/token-AbCdEf'");
        var failure = refusedAtDeploy(() -> SecretsManagerAccess.readWrite("token", Output.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:?")));
        assertThat(failure.message()).isEqualTo("secret must be one secret named exactly, with no '*' or '?' "
                + "(a wildcard grants every secret it matches): 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:?'");
    }

    @Test
    void writingAParameterAddsPutParameterOnItAndEncryptWithItsNamedKey() {
        assertThat(policyOf(() -> SsmParameterAccess.readWrite(PARAMETER).decryptingWith(KEY))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter"],
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/cursor"},
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt"],
                   "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
                """));
        assertThat(policyOf(() -> SsmParameterAccess.readWrite("cursor", Output.of(PARAMETER)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter"],
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/cursor"}}
                """));
    }

    @Test
    void writingUnderAPathPutsOnlyBelowThePath() {
        var expected = Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "ssm:GetParametersByPath", "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/state"},
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter"],
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/state/*"}]}
                """);
        assertThat(policyOf(() -> SsmParameterAccess.readWriteUnderPath(PATH))).isEqualTo(expected);
        assertThat(policyOf(() -> SsmParameterAccess.readWriteUnderPath("state", Output.of(PATH)))).isEqualTo(expected);
    }

    @Test
    void aWrittenParameterOfTheWrongServiceOrWithAWildcardIsRefused() {
        var rule = "an SSM parameter ARN, arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (the name without its leading '/'; "
                + "segments of [A-Za-z0-9_.-], at most 15 levels)";
        assertThatThrownBy(() -> SsmParameterAccess.readWrite(SECRET)).hasMessage("parameter must be " + rule + ": '" + SECRET + "'");
        assertThatThrownBy(() -> SsmParameterAccess.readWriteUnderPath("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/*"))
                .hasMessage("path must be one parameter named exactly, with no '*' or '?' (a wildcard grants every parameter it matches): "
                        + "'arn:aws:ssm:eu-west-1:111122223333:parameter/shop/*'");
        var failure = refusedAtDeploy(() -> SsmParameterAccess.readWriteUnderPath("state", Output.of("arn:aws:sqs:eu-west-1:111122223333:state")));
        assertThat(failure.message()).isEqualTo("path must be " + rule + ": 'arn:aws:sqs:eu-west-1:111122223333:state'");
    }
}
