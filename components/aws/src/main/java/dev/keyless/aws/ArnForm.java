package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.arns.Arn;

import java.util.regex.Pattern;

/**
 * The form of one kind of resource ARN a grant names (a secret's, a queue's, a key's), checked in
 * one place: a partition EKS runs in, the service, a region and a 12-digit account where the
 * service is regional, and the resource part. A {@code *} or {@code ?} anywhere is refused first,
 * with its own reason: in a policy it would grant every resource it matches.
 *
 * @param service  the ARN's service, e.g. {@code secretsmanager}
 * @param regional whether the ARN has a region and account (Route 53's have neither)
 * @param resource what the resource part must match, e.g. {@code secret:NAME-SUFFIX}
 * @param rule     the rule as messages state it
 * @param noun     what one resource is called, e.g. {@code secret}
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM identifiers: ARNs</a>
 */
record ArnForm(String service, boolean regional, Pattern resource, String rule, String noun) {
    private static final Pattern PARTITION = Pattern.compile("aws|aws-cn|aws-us-gov");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /**
     * The longest region name a bound assumes for an ARN not known before deploy: today's longest
     * are 14 characters ({@code ap-southeast-2}); 20 leaves room for new ones.
     */
    static final String LONGEST_REGION = "r".repeat(20);
    static final String LONGEST_PARTITION = "aws-us-gov";
    static final String ANY_ACCOUNT = "1".repeat(12);

    /**
     * @param field the input's name, e.g. {@code secret}
     * @param value the ARN
     * @return the ARN, parsed
     * @throws InvalidInputException naming the field, the value and {@link #rule()}, or the
     *                               wildcard reason when the value has a {@code *} or {@code ?}
     */
    Arn require(String field, String value) {
        if (value != null && (value.contains("*") || value.contains("?"))) {
            throw InvalidInputException.of(field, value, "one " + noun + " named exactly, with no '*' or '?' "
                    + "(a wildcard grants every " + noun + " it matches)");
        }
        Arn arn;
        try {
            arn = Arn.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException notAnArn) {
            throw InvalidInputException.of(field, value, rule);
        }
        var placed = regional
                ? arn.region().filter(REGION.asMatchPredicate()).isPresent() && arn.accountId().filter(ACCOUNT.asMatchPredicate()).isPresent()
                : arn.region().isEmpty() && arn.accountId().isEmpty();
        if (!PARTITION.matcher(arn.partition()).matches() || !arn.service().equals(service) || !placed
                || !resource.matcher(arn.resourceAsString()).matches()) {
            throw InvalidInputException.of(field, value, rule);
        }
        return arn;
    }

    /**
     * @param resourcePart the resource part at its longest, e.g. {@code secret:} and 512 characters
     * @return the longest ARN of this form: the bound for one not known before deploy
     */
    String longest(String resourcePart) {
        return "arn:" + LONGEST_PARTITION + ":" + service + ":" + (regional ? LONGEST_REGION + ":" + ANY_ACCOUNT : ":") + ":" + resourcePart;
    }
}
