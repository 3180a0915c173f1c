package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.arns.Arn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ARNs keyless reads and writes, parsed with the AWS SDK's {@link Arn} and checked against
 * IAM's forms in one place: the partitions, the policy, role and OIDC provider forms.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM ARNs</a>
 */
final class Arns {
    /** The partitions EKS runs in. */
    private static final Pattern PARTITION = Pattern.compile("aws|aws-cn|aws-us-gov");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern POLICY_PATH_AND_NAME = Pattern.compile("policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    private static final Pattern ROLE_PATH_AND_NAME = Pattern.compile("role/([\\w+=,.@-]+/){0,64}[\\w+=,.@-]{1,64}");
    private static final Pattern OIDC_PROVIDER = Pattern.compile("oidc-provider/[^\\s*?]+");

    static final String POLICY_RULE = "an IAM policy ARN, arn:aws:iam::ACCOUNT|aws:policy/PATH/NAME";
    static final String ROLE_RULE = "an IAM role ARN, arn:aws:iam::ACCOUNT:role/PATH/NAME";
    static final String OIDC_PROVIDER_RULE = "an IAM OIDC provider ARN, arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH";

    private Arns() {
    }

    static String requirePolicyArn(String field, String value) {
        var arn = iam(value).filter(a -> (a.accountId().filter(ACCOUNT.asMatchPredicate()).isPresent()
                        || a.accountId().filter("aws"::equals).isPresent())
                && POLICY_PATH_AND_NAME.matcher(a.resourceAsString()).matches());
        if (arn.isEmpty()) {
            throw InvalidInputException.of(field, value, POLICY_RULE);
        }
        return value;
    }

    static String requireRoleArn(String field, String value) {
        if (iam(value).filter(Arns::inAccount).filter(a -> ROLE_PATH_AND_NAME.matcher(a.resourceAsString()).matches()).isEmpty()) {
            throw InvalidInputException.of(field, value, ROLE_RULE);
        }
        return value;
    }

    static String requireOidcProviderArn(String field, String value) {
        if (iam(value).filter(Arns::inAccount).filter(a -> OIDC_PROVIDER.matcher(a.resourceAsString()).matches()).isEmpty()) {
            throw InvalidInputException.of(field, value, OIDC_PROVIDER_RULE);
        }
        return value;
    }

    /** @return the last segment of a policy or role ARN's resource: its name */
    static String nameOf(String arn) {
        var resource = Arn.fromString(arn).resourceAsString();
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** @return what follows {@code oidc-provider/}: the issuer without {@code https://} */
    static String oidcProviderHostPath(String providerArn) {
        return Arn.fromString(providerArn).resourceAsString().substring("oidc-provider/".length());
    }

    /** @return the account an ARN names, e.g. {@code 123456789012} */
    static String accountOf(String arn) {
        return Arn.fromString(arn).accountId().orElseThrow(() -> new IllegalStateException("ARN has no account: " + arn));
    }

    static String partitionOf(String arn) {
        return Arn.fromString(arn).partition();
    }

    static String regionOf(String arn) {
        return Arn.fromString(arn).region().orElseThrow(() -> new IllegalStateException("ARN has no region: " + arn));
    }

    private static Optional<Arn> iam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Arn> parsed;
        try {
            parsed = Optional.of(Arn.fromString(value));
        } catch (IllegalArgumentException notAnArn) {
            parsed = Optional.empty();
        }
        return parsed
                .filter(a -> PARTITION.matcher(a.partition()).matches())
                .filter(a -> a.service().equals("iam"))
                .filter(a -> a.region().isEmpty());
    }

    private static boolean inAccount(Arn arn) {
        return arn.accountId().filter(ACCOUNT.asMatchPredicate()).isPresent();
    }
}
