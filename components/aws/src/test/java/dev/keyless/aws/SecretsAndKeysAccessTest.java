package dev.keyless.aws;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import static dev.keyless.aws.GrantPolicies.policyOf;
import static dev.keyless.aws.GrantPolicies.refusedAtDeploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets Manager, SSM Parameter Store and KMS grants: exact statements, every way of naming the resource, every refusal. */
class SecretsAndKeysAccessTest {
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PARAMETER = "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/url";
    private static final String READ_SECRET_WITH_KEY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
               "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"},
              {"Effect": "Allow", "Action": "kms:Decrypt",
               "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
            """;

    @Test
    void aSecretNamedPlainOrByAnOutputIsReadAndDecryptedWithItsNamedKeyOnly() {
        assertThat(policyOf(() -> SecretsManagerAccess.readOnly(SECRET).decryptingWith(KEY))).isEqualTo(Json.parse(READ_SECRET_WITH_KEY));
        assertThat(policyOf(() -> SecretsManagerAccess.readOnly("db", Output.of(SECRET)).decryptingWith("secrets", Output.of(KEY))))
                .isEqualTo(Json.parse(READ_SECRET_WITH_KEY));
    }

    @Test
    void aSecretWithoutACustomerKeyGetsNoKmsStatement() {
        assertThat(policyOf(() -> SecretsManagerAccess.readOnly(SECRET))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                   "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"}}
                """));
    }

    @Test
    void aSecretAndKeyOfThisStackAreNamedByTheArnsTheProviderGives() {
        var policy = policyOf(() -> SecretsManagerAccess
                .readOnly(new Secret("db", SecretArgs.builder().name("shop/db").build()))
                .decryptingWith(new Key("secrets", KeyArgs.builder().build())));

        assertThat(policy).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                   "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf"},
                  {"Effect": "Allow", "Action": "kms:Decrypt",
                   "Resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
                """));
    }

    @Test
    void secretRefusalsNameTheFieldTheValueAndTheRule() {
        assertThatThrownBy(() -> SecretsManagerAccess.readOnly("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret must be one secret named exactly, with no '*' or '?' (a wildcard grants every secret it matches): "
                        + "'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*'");
        var rule = "a Secrets Manager secret ARN with its six-character suffix, arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf";
        assertThatThrownBy(() -> SecretsManagerAccess.readOnly("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/db"))
                .hasMessage("secret must be " + rule + ": 'arn:aws:ssm:eu-west-1:111122223333:parameter/shop/db'");
        assertThatThrownBy(() -> SecretsManagerAccess.readOnly("arn:azure:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"))
                .hasMessage("secret must be " + rule + ": 'arn:azure:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf'");
        assertThatThrownBy(() -> SecretsManagerAccess.readOnly("shop/db"))
                .hasMessage("secret must be " + rule + ": 'shop/db'");
        assertThatThrownBy(() -> SecretsManagerAccess.readOnly(SECRET).decryptingWith(KEY).decryptingWith(KEY))
                .hasMessage("decryptingWith must be given once per grant; this secret is decrypted with '" + KEY + "' already: '" + KEY + "'");
    }

    @Test
    void aSecretArnFromAnOutputIsCheckedOnceKnownBeforeTheRoleRegisters() {
        var failure = refusedAtDeploy(() -> SecretsManagerAccess.readOnly("db", Output.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:*")));
        assertThat(failure.message()).isEqualTo("secret must be one secret named exactly, with no '*' or '?' "
                + "(a wildcard grants every secret it matches): 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:*'");
    }

    @Test
    void oneParameterIsReadByNameAndAPathByPathAndUnderIt() {
        assertThat(policyOf(() -> SsmParameterAccess.readOnly(PARAMETER))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters"],
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/url"}}
                """));
        assertThat(policyOf(() -> SsmParameterAccess.readOnlyUnderPath("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api").decryptingWith(KEY)))
                .isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "ssm:GetParametersByPath",
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api"},
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters"],
                   "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/*"},
                  {"Effect": "Allow", "Action": "kms:Decrypt",
                   "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
                """));
    }

    @Test
    void aParameterOfThisStackOrAnotherIsNamedExactly() {
        var expected = Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters"],
                   "Resource": "arn:aws:ssm:us-east-1:123456789012:parameter/shop/api/url"}}
                """);
        assertThat(policyOf(() -> SsmParameterAccess.readOnly(new Parameter("url", ParameterArgs.builder()
                .name("/shop/api/url").type("String").value("https://shop.example").build())))).isEqualTo(expected);
        assertThat(policyOf(() -> SsmParameterAccess.readOnly("url", Output.of("arn:aws:ssm:us-east-1:123456789012:parameter/shop/api/url"))))
                .isEqualTo(expected);
    }

    @Test
    void parameterRefusals() {
        var rule = "an SSM parameter ARN, arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (the name without its leading '/'; "
                + "segments of [A-Za-z0-9_.-], at most 15 levels)";
        assertThatThrownBy(() -> SsmParameterAccess.readOnly("arn:aws:ssm:eu-west-1:111122223333:parameter//shop/api"))
                .hasMessage("parameter must be " + rule + ": 'arn:aws:ssm:eu-west-1:111122223333:parameter//shop/api'");
        assertThatThrownBy(() -> SsmParameterAccess.readOnlyUnderPath("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/*"))
                .hasMessage("path must be one parameter named exactly, with no '*' or '?' (a wildcard grants every parameter it matches): "
                        + "'arn:aws:ssm:eu-west-1:111122223333:parameter/shop/*'");
        assertThatThrownBy(() -> SsmParameterAccess.readOnly(PARAMETER).decryptingWith("arn:aws:kms:eu-west-1:111122223333:alias/shop"))
                .hasMessage("decryptingWith must be " + KMS_RULE + ": 'arn:aws:kms:eu-west-1:111122223333:alias/shop'");
    }

    private static final String KMS_RULE = "a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY_ID (not an alias: IAM does not resolve an alias in Resource)";

    @Test
    void decryptOnlyAndEncryptDecryptDiffer() {
        assertThat(policyOf(() -> KmsAccess.decrypt(KEY))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
                   "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}
                """));
        assertThat(policyOf(() -> KmsAccess.encryptDecrypt(new Key("reports", KeyArgs.builder().build())))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                     "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
                   "Resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}
                """));
    }

    @Test
    void viaServiceConditionsOnTheServiceEndpointInTheKeysRegion() {
        var expected = Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
                   "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                   "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}}
                """);
        assertThat(policyOf(() -> KmsAccess.decrypt(KEY).viaService("s3"))).isEqualTo(expected);
        assertThat(policyOf(() -> KmsAccess.decrypt("reports", Output.of(KEY)).viaService("s3"))).isEqualTo(expected);
        assertThat(KmsAccess.decrypt("reports", Output.of(KEY)).viaService("s3").describe()).isEqualTo("KMS decrypt with reports via s3");
    }

    @Test
    void keyRefusals() {
        assertThatThrownBy(() -> KmsAccess.decrypt("arn:aws:kms:eu-west-1:111122223333:alias/reports"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("key must be " + KMS_RULE + ": 'arn:aws:kms:eu-west-1:111122223333:alias/reports'");
        assertThatThrownBy(() -> KmsAccess.encryptDecrypt("arn:aws:kms:eu-west-1:111122223333:key/*"))
                .hasMessage("key must be one KMS key named exactly, with no '*' or '?' (a wildcard grants every KMS key it matches): "
                        + "'arn:aws:kms:eu-west-1:111122223333:key/*'");
        assertThatThrownBy(() -> KmsAccess.decrypt(KEY).viaService("S3"))
                .hasMessage("viaService must be " + KmsAccess.SERVICE_RULE + ": 'S3'");
        assertThatThrownBy(() -> KmsAccess.decrypt(KEY).viaService("s3").viaService("sqs"))
                .hasMessage("viaService must be given once per grant; this grant is limited to 's3' already "
                        + "(give a second grant for a second service): 'sqs'");
        assertThatThrownBy(() -> KmsAccess.decrypt("Reports", Output.of(KEY)))
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Reports'");
    }
}
