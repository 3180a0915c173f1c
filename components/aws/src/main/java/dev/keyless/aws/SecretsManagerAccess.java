package dev.keyless.aws;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.core.Output;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading one Secrets Manager secret ({@code secretsmanager:GetSecretValue} and
 * {@code secretsmanager:DescribeSecret} on its ARN), or reading and writing its value
 * ({@link #readWrite(String)}: also {@code secretsmanager:PutSecretValue}, which stores a new
 * version; not {@code UpdateSecret}, which changes the secret's description and key, nor
 * rotation or deletion). When the secret is encrypted with a customer managed key
 * ({@link #decryptingWith(String)}), reading needs {@code kms:Decrypt} on that key and writing
 * also {@code kms:GenerateDataKey}, since Secrets Manager asks KMS for a new data key for every
 * new value. The secret is named by its full ARN, with the six characters Secrets Manager
 * appends to the name: a partial ARN in a policy matches no secret, and a wildcard would match
 * others.
 *
 * <pre>{@code
 * SecretsManagerAccess.readOnly("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf")
 * SecretsManagerAccess.readOnly(dbPassword).decryptingWith(secretsKey)
 * SecretsManagerAccess.readOnly("db", secretArnFromAnotherStack)
 * SecretsManagerAccess.readWrite("token", tokenSecretArn).decryptingWith("secrets-key", keyArn)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_identity-based-policies.html">Secrets Manager identity-based policies</a>
 * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html">Secrets Manager permissions reference</a>
 * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html">PutSecretValue: required permissions</a>
 * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html#security-encryption-authz">Secret encryption: permissions for the KMS key (kms:GenerateDataKey and kms:Decrypt for whoever changes a value)</a>
 */
public final class SecretsManagerAccess implements AwsGrant {
    /** A secret name (1 to 512 of ASCII letters, digits and {@code /_+=.@-}) and the suffix Secrets Manager adds. */
    static final ArnForm SECRET_ARN = new ArnForm("secretsmanager", true,
            Pattern.compile("secret:[A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6}"),
            "a Secrets Manager secret ARN with its six-character suffix, arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf",
            "secret");
    static final String LONGEST_SECRET_ARN = SECRET_ARN.longest("secret:" + "n".repeat(512) + "-AbCdEf");
    static final List<String> READ_ACTIONS = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
    static final List<String> READ_WRITE_ACTIONS = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
            "secretsmanager:PutSecretValue");
    /** A new value is encrypted under a new data key the customer managed key makes and wraps. */
    static final List<String> WRITE_KEY_ACTIONS = List.of(CustomerKey.DECRYPT, "kms:GenerateDataKey");

    private final GrantedArn secret;
    private final AccessLevel level;
    private final Optional<GrantedArn> key;

    private SecretsManagerAccess(GrantedArn secret, AccessLevel level, Optional<GrantedArn> key) {
        this.secret = secret;
        this.level = level;
        this.key = key;
    }

    /**
     * @param secretArn the secret's full ARN, {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf}
     * @return reading the secret's value and description
     * @throws InvalidInputException when the ARN is not a secret's full ARN, or has a wildcard
     */
    public static SecretsManagerAccess readOnly(String secretArn) {
        return new SecretsManagerAccess(GrantedArn.plain(SECRET_ARN, "secret", secretArn), AccessLevel.READ, Optional.empty());
    }

    /**
     * @param key       a stable name for the secret in reports; see {@link GrantKeys#RULE}
     * @param secretArn the secret's full ARN, e.g. another stack's output; checked once known
     * @return reading the secret's value and description
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static SecretsManagerAccess readOnly(String key, Output<String> secretArn) {
        return new SecretsManagerAccess(GrantedArn.output(SECRET_ARN, "secret", key, secretArn), AccessLevel.READ, Optional.empty());
    }

    /**
     * @param secret a secret this stack manages
     * @return reading the secret's value and description
     */
    public static SecretsManagerAccess readOnly(Secret secret) {
        return new SecretsManagerAccess(GrantedArn.resource("secret", secret, secret == null ? null : secret.arn(),
                "a secretsmanager.Secret or a secret ARN"), AccessLevel.READ, Optional.empty());
    }

    /**
     * @param secretArn the secret's full ARN, {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf}
     * @return reading the secret's value and description, and storing new values
     * @throws InvalidInputException when the ARN is not a secret's full ARN, or has a wildcard
     */
    public static SecretsManagerAccess readWrite(String secretArn) {
        return new SecretsManagerAccess(GrantedArn.plain(SECRET_ARN, "secret", secretArn), AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param key       a stable name for the secret in reports; see {@link GrantKeys#RULE}
     * @param secretArn the secret's full ARN, e.g. another stack's output; checked once known
     * @return reading the secret's value and description, and storing new values
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static SecretsManagerAccess readWrite(String key, Output<String> secretArn) {
        return new SecretsManagerAccess(GrantedArn.output(SECRET_ARN, "secret", key, secretArn), AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param secret a secret this stack manages
     * @return reading the secret's value and description, and storing new values
     */
    public static SecretsManagerAccess readWrite(Secret secret) {
        return new SecretsManagerAccess(GrantedArn.resource("secret", secret, secret == null ? null : secret.arn(),
                "a secretsmanager.Secret or a secret ARN"), AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param keyArn the ARN of the customer managed key the secret is encrypted with
     * @return the same grant, with {@code kms:Decrypt} on that key (and {@code kms:GenerateDataKey} when it writes)
     * @throws InvalidInputException when the ARN is not a KMS key ARN, or a key is named already
     */
    public SecretsManagerAccess decryptingWith(String keyArn) {
        return withKey(CustomerKey.of(keyArn));
    }

    /**
     * @param keyName a stable name for the key in reports; see {@link GrantKeys#RULE}
     * @param keyArn  the key's ARN, e.g. another stack's output; checked once known
     * @return the same grant, with {@code kms:Decrypt} on that key
     */
    public SecretsManagerAccess decryptingWith(String keyName, Output<String> keyArn) {
        return withKey(CustomerKey.of(keyName, keyArn));
    }

    /**
     * @param key the customer managed key the secret is encrypted with
     * @return the same grant, with {@code kms:Decrypt} on that key
     */
    public SecretsManagerAccess decryptingWith(Key key) {
        return withKey(CustomerKey.of(key));
    }

    /** @return whether the grant stores new values as well as reading them */
    public boolean writes() {
        return level == AccessLevel.READ_WRITE;
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return key.map(k -> secret.arn().apply(s -> k.arn().applyValue(kArn -> statementsFor(s, Optional.of(kArn)))))
                .orElseGet(() -> secret.arn().applyValue(s -> statementsFor(s, Optional.empty())));
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(secret.knownOr(LONGEST_SECRET_ARN), key.map(k -> k.knownOr(KmsAccess.LONGEST_KEY_ARN))));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return GrantedArn.allKnown(secret, key) ? Optional.of(statementsFor(secret.known().orElseThrow(), key.map(k -> k.known().orElseThrow()))) : Optional.empty();
    }

    @Override
    public String describe() {
        return "Secrets Manager " + (writes() ? "read-write" : "read") + " on " + secret.label() + key.map(k -> " (decrypting with " + k.label() + ")").orElse("");
    }

    private SecretsManagerAccess withKey(GrantedArn customerKey) {
        if (key.isPresent()) {
            throw InvalidInputException.of("decryptingWith", customerKey.label(),
                    "given once per grant; this secret is decrypted with '" + key.get().label() + "' already");
        }
        return new SecretsManagerAccess(secret, level, Optional.of(customerKey));
    }

    private List<IamStatement> statementsFor(String secretArn, Optional<String> keyArn) {
        var statements = new ArrayList<IamStatement>();
        statements.add(IamStatement.builder().effect(IamEffect.ALLOW).actionIds(writes() ? READ_WRITE_ACTIONS : READ_ACTIONS)
                .addResource(secretArn).build());
        keyArn.ifPresent(k -> statements.add(writes() ? CustomerKey.allow(WRITE_KEY_ACTIONS, k) : CustomerKey.decrypt(k)));
        return List.copyOf(statements);
    }
}
