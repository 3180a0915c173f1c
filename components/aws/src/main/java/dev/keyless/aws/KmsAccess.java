package dev.keyless.aws;

import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Use of one KMS key, named by its key ARN: decrypt only, or encrypt, decrypt, re-encrypt and
 * data keys (envelope encryption). Optionally only through one AWS service, with a
 * {@code kms:ViaService} condition ({@code s3.REGION.amazonaws.com}): the workload can then use
 * the key only in that service's requests, never call KMS with it directly.
 *
 * <pre>{@code
 * KmsAccess.encryptDecrypt("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 * KmsAccess.decrypt(reportsKey).viaService("s3")
 * KmsAccess.decrypt("reports", keyArnFromAnotherStack)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html">KMS permissions reference</a>
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service">kms:ViaService</a>
 */
public final class KmsAccess implements AwsGrant {
    /**
     * A key ARN: {@code key/} and a key id (a UUID, or {@code mrk-} and 32 hex digits for a
     * multi-Region key). An alias ARN is refused: in an IAM policy's Resource an alias does not
     * stand for the key it points to.
     */
    static final ArnForm KEY_ARN = new ArnForm("kms", true,
            Pattern.compile("key/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})"),
            "a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY_ID (not an alias: IAM does not resolve an alias in Resource)",
            "KMS key");
    static final String LONGEST_KEY_ARN = KEY_ARN.longest("key/mrk-" + "0".repeat(32));
    static final List<String> DECRYPT_ACTIONS = List.of("kms:Decrypt", "kms:DescribeKey");
    static final List<String> ENCRYPT_DECRYPT_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
            "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");
    static final String SERVICE_RULE = "an AWS service's endpoint prefix, e.g. s3, secretsmanager, sqs (lower-case letters, digits, '-')";
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final GrantedArn key;
    private final boolean encrypt;
    private final Optional<String> viaService;

    private KmsAccess(GrantedArn key, boolean encrypt, Optional<String> viaService) {
        this.key = key;
        this.encrypt = encrypt;
        this.viaService = viaService;
    }

    /**
     * @param keyArn the key's ARN, {@code arn:aws:kms:REGION:ACCOUNT:key/KEY_ID}
     * @return decryption with the key ({@code kms:Decrypt}, {@code kms:DescribeKey})
     * @throws InvalidInputException when the ARN is not a KMS key ARN (an alias, another service, a wildcard)
     */
    public static KmsAccess decrypt(String keyArn) {
        return new KmsAccess(GrantedArn.plain(KEY_ARN, "key", keyArn), false, Optional.empty());
    }

    /**
     * @param key    a stable name for the key in reports; see {@link GrantKeys#RULE}
     * @param keyArn the key's ARN, e.g. another stack's output; checked once known
     * @return decryption with the key
     */
    public static KmsAccess decrypt(String key, Output<String> keyArn) {
        return new KmsAccess(GrantedArn.output(KEY_ARN, "key", key, keyArn), false, Optional.empty());
    }

    /**
     * @param key a key this stack manages
     * @return decryption with the key
     */
    public static KmsAccess decrypt(Key key) {
        return new KmsAccess(ofKey(key), false, Optional.empty());
    }

    /**
     * @param keyArn the key's ARN, {@code arn:aws:kms:REGION:ACCOUNT:key/KEY_ID}
     * @return encryption, decryption, re-encryption and data keys with the key
     * @throws InvalidInputException when the ARN is not a KMS key ARN
     */
    public static KmsAccess encryptDecrypt(String keyArn) {
        return new KmsAccess(GrantedArn.plain(KEY_ARN, "key", keyArn), true, Optional.empty());
    }

    /**
     * @param key    a stable name for the key in reports; see {@link GrantKeys#RULE}
     * @param keyArn the key's ARN, e.g. another stack's output; checked once known
     * @return encryption, decryption, re-encryption and data keys with the key
     */
    public static KmsAccess encryptDecrypt(String key, Output<String> keyArn) {
        return new KmsAccess(GrantedArn.output(KEY_ARN, "key", key, keyArn), true, Optional.empty());
    }

    /**
     * @param key a key this stack manages
     * @return encryption, decryption, re-encryption and data keys with the key
     */
    public static KmsAccess encryptDecrypt(Key key) {
        return new KmsAccess(ofKey(key), true, Optional.empty());
    }

    /**
     * Limits the grant to requests an AWS service makes on the workload's behalf in the key's
     * region, e.g. {@code s3} for objects encrypted with SSE-KMS.
     *
     * @param servicePrefix the service's endpoint prefix, e.g. {@code s3}
     * @return the same grant, usable only through that service
     * @throws InvalidInputException when the prefix breaks {@link #SERVICE_RULE} or the grant has a service already
     */
    public KmsAccess viaService(String servicePrefix) {
        if (servicePrefix == null || !SERVICE.matcher(servicePrefix).matches()) {
            throw InvalidInputException.of("viaService", servicePrefix, SERVICE_RULE);
        }
        if (viaService.isPresent()) {
            throw InvalidInputException.of("viaService", servicePrefix,
                    "given once per grant; this grant is limited to '" + viaService.get() + "' already (give a second grant for a second service)");
        }
        return new KmsAccess(key, encrypt, Optional.of(servicePrefix));
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return key.arn().applyValue(this::statementsFor);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(key.knownOr(LONGEST_KEY_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return key.known().map(this::statementsFor);
    }

    @Override
    public String describe() {
        return "KMS " + (encrypt ? "encrypt-decrypt" : "decrypt") + " with " + key.label() + viaService.map(s -> " via " + s).orElse("");
    }

    /** @return whether the grant allows encryption and data keys, not only decryption */
    public boolean encrypts() {
        return encrypt;
    }

    private List<IamStatement> statementsFor(String keyArn) {
        var statement = IamStatement.builder()
                .effect(IamEffect.ALLOW)
                .actionIds(encrypt ? ENCRYPT_DECRYPT_ACTIONS : DECRYPT_ACTIONS)
                .addResource(keyArn);
        viaService.ifPresent(service -> statement.addCondition(IamConditionOperator.STRING_EQUALS, "kms:ViaService",
                serviceEndpoint(service, keyArn)));
        return List.of(statement.build());
    }

    // kms:ViaService holds the endpoint of the calling service in the key's region, e.g.
    // s3.eu-west-1.amazonaws.com; the China regions' endpoints end in amazonaws.com.cn.
    private static String serviceEndpoint(String service, String keyArn) {
        var arn = Arn.fromString(keyArn);
        var suffix = arn.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return service + "." + arn.region().orElse(ArnForm.LONGEST_REGION) + "." + suffix;
    }

    private static GrantedArn ofKey(Key key) {
        return GrantedArn.resource("key", key, key == null ? null : key.arn(), "a kms.Key or a key ARN");
    }
}
