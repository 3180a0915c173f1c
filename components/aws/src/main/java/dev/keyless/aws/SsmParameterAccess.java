package dev.keyless.aws;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.ssm.Parameter;
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
 * Reading SSM Parameter Store parameters: one parameter ({@code ssm:GetParameter} and
 * {@code ssm:GetParameters} on its ARN), or every parameter under one path
 * ({@code ssm:GetParametersByPath} on the path, which is what Parameter Store authorizes that call
 * against, and the two single reads on {@code PATH/*}). The write level ({@link #readWrite(String)},
 * {@link #readWriteUnderPath(String)}) adds {@code ssm:PutParameter} on the same parameter, or on
 * {@code PATH/*}: it creates and overwrites values, and nothing else (no deletion, no tags, no
 * labels). A SecureString encrypted with a customer managed key also needs
 * {@link #decryptingWith(String)}: {@code kms:Decrypt} on that key, and for writes
 * {@code kms:Encrypt}, which Parameter Store calls to encrypt a new value.
 *
 * <pre>{@code
 * SsmParameterAccess.readOnly("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/url")
 * SsmParameterAccess.readOnlyUnderPath("arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api")
 * SsmParameterAccess.readOnly(apiUrl).decryptingWith(configKey)
 * SsmParameterAccess.readWriteUnderPath("shop-state", pathArnFromAnotherStack).decryptingWith(configKey)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html">Restricting access to Parameter Store parameters</a>
 * @see <a href="https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-retrieval-authorization.html">How Parameter Store authorizes parameter retrieval</a>
 * @see <a href="https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-setting-up.html#ps-kms-permissions">Encrypting and decrypting parameters with KMS keys (kms:Encrypt to write a SecureString)</a>
 */
public final class SsmParameterAccess implements AwsGrant {
    /**
     * A parameter's or a path's ARN: {@code parameter/} and the name without its leading '/'
     * (IAM's form for {@code /shop/api/url} is {@code parameter/shop/api/url}); segments of
     * letters, digits and {@code _.-}.
     */
    static final ArnForm PARAMETER_ARN = new ArnForm("ssm", true,
            Pattern.compile("parameter/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,14}"),
            "an SSM parameter ARN, arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (the name without its leading '/'; "
                    + "segments of [A-Za-z0-9_.-], at most 15 levels)",
            "parameter");
    /**
     * Parameter Store caps a parameter's name at 1011 characters including its full ARN.
     *
     * @see <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html">PutParameter: Name</a>
     */
    static final int MAX_ARN_LENGTH = 1011;
    static final String LONGEST_PARAMETER_ARN = PARAMETER_ARN.longest("parameter/")
            + "n".repeat(MAX_ARN_LENGTH - PARAMETER_ARN.longest("parameter/").length());
    static final List<String> READ_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters");
    static final String BY_PATH = "ssm:GetParametersByPath";
    static final String PUT = "ssm:PutParameter";
    static final List<String> WRITE_KEY_ACTIONS = List.of(CustomerKey.DECRYPT, "kms:Encrypt");

    private final GrantedArn parameter;
    private final boolean underPath;
    private final AccessLevel level;
    private final Optional<GrantedArn> key;

    private SsmParameterAccess(GrantedArn parameter, boolean underPath, AccessLevel level, Optional<GrantedArn> key) {
        this.parameter = parameter;
        this.underPath = underPath;
        this.level = level;
        this.key = key;
    }

    /**
     * @param parameterArn the parameter's ARN, {@code arn:aws:ssm:REGION:ACCOUNT:parameter/NAME}
     * @return reading that parameter
     * @throws InvalidInputException when the ARN is not a parameter ARN, or has a wildcard
     */
    public static SsmParameterAccess readOnly(String parameterArn) {
        return new SsmParameterAccess(GrantedArn.plain(PARAMETER_ARN, "parameter", parameterArn), false, AccessLevel.READ, Optional.empty());
    }

    /**
     * @param key          a stable name for the parameter in reports; see {@link GrantKeys#RULE}
     * @param parameterArn the parameter's ARN, e.g. another stack's output; checked once known
     * @return reading that parameter
     */
    public static SsmParameterAccess readOnly(String key, Output<String> parameterArn) {
        return new SsmParameterAccess(GrantedArn.output(PARAMETER_ARN, "parameter", key, parameterArn), false, AccessLevel.READ, Optional.empty());
    }

    /**
     * @param parameter a parameter this stack manages
     * @return reading that parameter
     */
    public static SsmParameterAccess readOnly(Parameter parameter) {
        return new SsmParameterAccess(GrantedArn.resource("parameter", parameter, parameter == null ? null : parameter.arn(),
                "an ssm.Parameter or a parameter ARN"), false, AccessLevel.READ, Optional.empty());
    }

    /**
     * @param pathArn the path's ARN, {@code arn:aws:ssm:REGION:ACCOUNT:parameter/PATH}, e.g.
     *                {@code parameter/shop/api} for the parameters under {@code /shop/api/}
     * @return reading every parameter under the path, one by one or by path
     * @throws InvalidInputException when the ARN is not a parameter ARN, or has a wildcard
     */
    public static SsmParameterAccess readOnlyUnderPath(String pathArn) {
        return new SsmParameterAccess(GrantedArn.plain(PARAMETER_ARN, "path", pathArn), true, AccessLevel.READ, Optional.empty());
    }

    /**
     * @param key     a stable name for the path in reports; see {@link GrantKeys#RULE}
     * @param pathArn the path's ARN, e.g. another stack's output; checked once known
     * @return reading every parameter under the path
     */
    public static SsmParameterAccess readOnlyUnderPath(String key, Output<String> pathArn) {
        return new SsmParameterAccess(GrantedArn.output(PARAMETER_ARN, "path", key, pathArn), true, AccessLevel.READ, Optional.empty());
    }

    /**
     * @param parameterArn the parameter's ARN, {@code arn:aws:ssm:REGION:ACCOUNT:parameter/NAME}
     * @return reading that parameter and writing its value
     * @throws InvalidInputException when the ARN is not a parameter ARN, or has a wildcard
     */
    public static SsmParameterAccess readWrite(String parameterArn) {
        return new SsmParameterAccess(GrantedArn.plain(PARAMETER_ARN, "parameter", parameterArn), false, AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param key          a stable name for the parameter in reports; see {@link GrantKeys#RULE}
     * @param parameterArn the parameter's ARN, e.g. another stack's output; checked once known
     * @return reading that parameter and writing its value
     */
    public static SsmParameterAccess readWrite(String key, Output<String> parameterArn) {
        return new SsmParameterAccess(GrantedArn.output(PARAMETER_ARN, "parameter", key, parameterArn), false, AccessLevel.READ_WRITE,
                Optional.empty());
    }

    /**
     * @param parameter a parameter this stack manages
     * @return reading that parameter and writing its value
     */
    public static SsmParameterAccess readWrite(Parameter parameter) {
        return new SsmParameterAccess(GrantedArn.resource("parameter", parameter, parameter == null ? null : parameter.arn(),
                "an ssm.Parameter or a parameter ARN"), false, AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param pathArn the path's ARN, {@code arn:aws:ssm:REGION:ACCOUNT:parameter/PATH}
     * @return reading every parameter under the path, and creating or overwriting any under it
     * @throws InvalidInputException when the ARN is not a parameter ARN, or has a wildcard
     */
    public static SsmParameterAccess readWriteUnderPath(String pathArn) {
        return new SsmParameterAccess(GrantedArn.plain(PARAMETER_ARN, "path", pathArn), true, AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param key     a stable name for the path in reports; see {@link GrantKeys#RULE}
     * @param pathArn the path's ARN, e.g. another stack's output; checked once known
     * @return reading every parameter under the path, and creating or overwriting any under it
     */
    public static SsmParameterAccess readWriteUnderPath(String key, Output<String> pathArn) {
        return new SsmParameterAccess(GrantedArn.output(PARAMETER_ARN, "path", key, pathArn), true, AccessLevel.READ_WRITE, Optional.empty());
    }

    /**
     * @param keyArn the ARN of the customer managed key the SecureString values are encrypted with
     * @return the same grant, with {@code kms:Decrypt} on that key (and {@code kms:Encrypt} when it writes)
     * @throws InvalidInputException when the ARN is not a KMS key ARN, or a key is named already
     */
    public SsmParameterAccess decryptingWith(String keyArn) {
        return withKey(CustomerKey.of(keyArn));
    }

    /**
     * @param keyName a stable name for the key in reports; see {@link GrantKeys#RULE}
     * @param keyArn  the key's ARN, e.g. another stack's output; checked once known
     * @return the same grant, with {@code kms:Decrypt} on that key
     */
    public SsmParameterAccess decryptingWith(String keyName, Output<String> keyArn) {
        return withKey(CustomerKey.of(keyName, keyArn));
    }

    /**
     * @param key the customer managed key the SecureString values are encrypted with
     * @return the same grant, with {@code kms:Decrypt} on that key
     */
    public SsmParameterAccess decryptingWith(Key key) {
        return withKey(CustomerKey.of(key));
    }

    /** @return whether the grant writes values as well as reading them */
    public boolean writes() {
        return level == AccessLevel.READ_WRITE;
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return key.map(k -> parameter.arn().apply(p -> k.arn().applyValue(kArn -> statementsFor(p, Optional.of(kArn)))))
                .orElseGet(() -> parameter.arn().applyValue(p -> statementsFor(p, Optional.empty())));
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(parameter.knownOr(LONGEST_PARAMETER_ARN), key.map(k -> k.knownOr(KmsAccess.LONGEST_KEY_ARN))));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return GrantedArn.allKnown(parameter, key) ? Optional.of(statementsFor(parameter.known().orElseThrow(), key.map(k -> k.known().orElseThrow()))) : Optional.empty();
    }

    @Override
    public String describe() {
        return "SSM parameter " + (writes() ? "read-write" : "read") + " on " + parameter.label() + (underPath ? "/*" : "")
                + key.map(k -> " (decrypting with " + k.label() + ")").orElse("");
    }

    private SsmParameterAccess withKey(GrantedArn customerKey) {
        if (key.isPresent()) {
            throw InvalidInputException.of("decryptingWith", customerKey.label(),
                    "given once per grant; these parameters are decrypted with '" + key.get().label() + "' already");
        }
        return new SsmParameterAccess(parameter, underPath, level, Optional.of(customerKey));
    }

    private List<IamStatement> statementsFor(String arn, Optional<String> keyArn) {
        var statements = new ArrayList<IamStatement>();
        var singleActions = new ArrayList<>(READ_ACTIONS);
        if (writes()) {
            singleActions.add(PUT);
        }
        if (underPath) {
            statements.add(IamStatement.builder().effect(IamEffect.ALLOW).addAction(BY_PATH).addResource(arn).build());
            statements.add(IamStatement.builder().effect(IamEffect.ALLOW).actionIds(singleActions).addResource(arn + "/*").build());
        } else {
            statements.add(IamStatement.builder().effect(IamEffect.ALLOW).actionIds(singleActions).addResource(arn).build());
        }
        keyArn.ifPresent(k -> statements.add(writes() ? CustomerKey.allow(WRITE_KEY_ACTIONS, k) : CustomerKey.decrypt(k)));
        return List.copyOf(statements);
    }
}
