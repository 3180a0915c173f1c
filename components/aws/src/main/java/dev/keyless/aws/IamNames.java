package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * IAM's rules for the role names and paths keyless writes, checked before a deploy would fail on
 * them. ARNs have their own class, {@link Arns}.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and AWS STS quotas, name requirements</a>
 */
final class IamNames {
    static final int MAX_ROLE_NAME = 64;
    /** Pulumi's auto-naming appends a dash and seven random characters. */
    static final int AUTONAME_SUFFIX = 8;
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_NAME_CHARACTERS = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern ROLE_PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");

    private IamNames() {
    }

    static String requireRoleName(String field, String value) {
        if (value == null || !ROLE_NAME.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "1 to 64 characters of [A-Za-z0-9+=,.@_-] (IAM role name)");
        }
        return value;
    }

    /**
     * A role Pulumi names itself still has to be an IAM role name once the random suffix is added:
     * the logical name, which comes from the component's name, must fit both IAM's length and its
     * characters ({@code shop/api} or {@code shöp} would fail only at deploy).
     *
     * @param field       the option that names the role explicitly, e.g. {@code roleName}
     * @param logicalName the role's logical name, e.g. {@code api-role}
     */
    static void requireAutoNameFits(String field, String logicalName) {
        if (logicalName.length() + AUTONAME_SUFFIX > MAX_ROLE_NAME) {
            throw InvalidInputException.of(field, logicalName,
                    "set explicitly when the auto-name (the logical name plus an 8-character suffix) would exceed 64 characters");
        }
        if (!ROLE_NAME_CHARACTERS.matcher(logicalName).matches()) {
            throw InvalidInputException.of(field, logicalName,
                    "set explicitly when the auto-name (from the component's name) has characters IAM role names cannot hold; "
                            + "IAM allows [A-Za-z0-9+=,.@_-]");
        }
    }

    static String requireRolePath(String field, String value) {
        if (value == null || value.length() > 512 || !ROLE_PATH.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, "'/' or a path that starts and ends with '/', at most 512 printable ASCII characters (IAM path)");
        }
        return value;
    }
}
