package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One AWS grant kind's over-wide form: an Allow statement that gives one of the kind's
 * {@code actions} (by name or by a wildcard of the service, such as {@code secretsmanager:*} or
 * {@code sqs:Send*}) on every resource of the kind in the account: {@code Resource "*"}, an ARN
 * whose resource part is a wildcard ({@code arn:aws:secretsmanager:*:*:secret:*},
 * {@code arn:aws:route53:::hostedzone/*}), or {@code NotResource}. The test is whether the
 * statement's resource covers a made-up resource of the kind ({@code probe}), named as no real
 * workload's would be: a prefix such as {@code secret:shop/*} does not. A bare {@code "*"} action
 * is KL009's and is not read here, so one administrator statement is not a finding of every kind.
 *
 * @param service        the IAM service prefix, e.g. {@code secretsmanager}
 * @param actions        the kind's actions that matter, e.g. {@code secretsmanager:GetSecretValue}
 * @param probe          the resource part of an ARN of the kind no pattern naming resources covers
 * @param serviceWildcard whether the service's {@code SERVICE:*} is over-wide on any resource
 *                       (KMS: it includes changing the key's policy and deleting the key)
 */
record AwsAccountWideAccess(String service, List<String> actions, String probe, boolean serviceWildcard) {

    /** A kind whose service wildcard on one named resource is left to KL009. */
    static AwsAccountWideAccess of(String service, String probe, String... actions) {
        return new AwsAccountWideAccess(service, List.of(actions), probe, false);
    }

    /** What the statement grants too widely, e.g. {@code secretsmanager:GetSecretValue on *}; null when nothing. */
    String judge(JsonNode statement) {
        if (!PolicyDocument.allows(statement)) {
            return null;
        }
        List<String> granted = Values.texts(statement.path("Action")).stream()
                .filter(action -> IamPatterns.ofService(action, service))
                .filter(action -> actions.stream().anyMatch(named -> IamPatterns.actionCovers(action, named)))
                .toList();
        if (granted.isEmpty()) {
            return null;
        }
        List<String> wide = new ArrayList<>();
        if (!statement.path("NotResource").isMissingNode()) {
            wide.add("NotResource");
        }
        Values.texts(statement.path("Resource")).stream().filter(this::coversEveryResource).forEach(wide::add);
        if (wide.isEmpty() && serviceWildcard) {
            granted.stream().filter(action -> action.equalsIgnoreCase(service + ":*")).findFirst()
                    .ifPresent(action -> wide.addAll(Values.texts(statement.path("Resource"))));
        }
        return wide.isEmpty() ? null : Values.shorten(String.join(", ", granted) + " on " + String.join(", ", wide));
    }

    /**
     * Whether {@code pattern} covers the probe resource of the account and region it names: its
     * partition, region and account are kept (a wildcard in them stands for any), only the resource
     * part is the probe's.
     */
    private boolean coversEveryResource(String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !IamPatterns.resourceCovers(parts[2], service)) {
            // Fewer parts: a pattern such as arn:aws:sqs* whose last wildcard runs over the rest.
            return parts.length < 6 && pattern.endsWith("*")
                    && IamPatterns.resourceCovers(pattern, "arn:aws:" + service + ":x:x:" + probe);
        }
        String probeArn = String.join(":", parts[0], filler(parts[1]), service, filler(parts[3]), filler(parts[4]), probe);
        return IamPatterns.resourceCovers(pattern, probeArn);
    }

    // A field's wildcard stands for any value: "eu-*" for "eu-", "*" for "".
    private static String filler(String field) {
        return field.replace("*", "").replace('?', 'x');
    }
}
