package dev.keyless.aws;

import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The customer-managed KMS key a secret or a SecureString parameter is encrypted with: reading
 * the value needs {@code kms:Decrypt} on that key (a value encrypted with the AWS-managed key
 * needs nothing more); writing one needs the key actions its service documents. One statement,
 * the key named exactly.
 *
 * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_identity-based-policies.html">Secrets Manager: read a secret encrypted with a customer managed key</a>
 */
final class CustomerKey {
    static final String DECRYPT = "kms:Decrypt";

    private CustomerKey() {
    }

    static GrantedArn of(String keyArn) {
        return GrantedArn.plain(KmsAccess.KEY_ARN, "decryptingWith", keyArn);
    }

    static GrantedArn of(String key, Output<String> keyArn) {
        return GrantedArn.output(KmsAccess.KEY_ARN, "decryptingWith", key, keyArn);
    }

    static GrantedArn of(Key key) {
        return GrantedArn.resource("decryptingWith", key, key == null ? null : key.arn(), "a kms.Key or a key ARN");
    }

    static IamStatement decrypt(String keyArn) {
        return allow(java.util.List.of(DECRYPT), keyArn);
    }

    /** The key actions writing a value needs, which differ by service, on that key alone. */
    static IamStatement allow(java.util.List<String> actions, String keyArn) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(actions).addResource(keyArn).build();
    }
}
