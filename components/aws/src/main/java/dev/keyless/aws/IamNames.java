package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * IAM's rules for the names and ARNs keyless writes, checked before a deploy would fail on them.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and AWS STS quotas, name requirements</a>
 */
final class IamNames {
    static final int MAX_ROLE_NAME = 64;
    /** Pulumi's auto-naming appends a dash and seven random characters. */
    static final int AUTONAME_SUFFIX = 8;
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]{1,128}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/([\\w+=,.@/-]{1,512}/)?[\\w+=,.@-]{1,64}");

    private IamNames() {
    }

    static String requireRoleName(String field, String value) {
        if (value == null || !ROLE_NAME.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "1 to 64 characters of [A-Za-z0-9+=,.@_-] (IAM role name)");
        }
        return value;
    }

    /** A role Pulumi names itself still has to fit IAM's limit once the random suffix is added. */
    static void requireAutoNameFits(String logicalName) {
        if (logicalName.length() + AUTONAME_SUFFIX > MAX_ROLE_NAME) {
            throw InvalidInputException.of("roleName", logicalName,
                    "set explicitly when the auto-name (the logical name plus an 8-character suffix) would exceed 64 characters");
        }
    }

    static String requireRolePath(String field, String value) {
        if (value == null || value.length() > 512 || !ROLE_PATH.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "'/' or a path that starts and ends with '/', at most 512 printable ASCII characters (IAM path)");
        }
        return value;
    }

    static String requirePolicyArn(String field, String value) {
        if (value == null || !POLICY_ARN.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "an IAM policy ARN, arn:aws:iam::ACCOUNT|aws:policy/NAME");
        }
        return value;
    }

    static String requireRoleArn(String field, String value) {
        if (value == null || !ROLE_ARN.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "an IAM role ARN, arn:aws:iam::ACCOUNT:role/PATH/NAME");
        }
        return value;
    }

    /** @return the role name: what follows the last '/' of its ARN */
    static String roleNameOf(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
