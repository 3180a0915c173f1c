package dev.keyless.audit.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IAM's wildcard matching: in an action or resource of a policy, {@code *} matches any run of
 * characters and {@code ?} any one
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Action names are case-insensitive, resource ARNs are not.
 */
final class IamPatterns {
    private IamPatterns() {
    }

    /** Whether the action pattern {@code pattern} (e.g. {@code kms:*}, {@code s3:Get*}) covers {@code action}. */
    static boolean actionCovers(String pattern, String action) {
        return glob(pattern.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether the resource pattern {@code pattern} (e.g. {@code *}, {@code arn:aws:sqs:*:*:*}) covers {@code arn}. */
    static boolean resourceCovers(String pattern, String arn) {
        return glob(pattern).matcher(arn).matches();
    }

    /** Whether {@code action} names its service: {@code SERVICE:…}, case-insensitive. */
    static boolean ofService(String action, String service) {
        return action.toLowerCase(Locale.ROOT).startsWith(service.toLowerCase(Locale.ROOT) + ":");
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
