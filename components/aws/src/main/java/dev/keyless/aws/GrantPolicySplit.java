package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a role's grant statements are laid out over its policies: in order, as many as fit into the
 * one inline policy ({@link InlinePolicy#MAX_SIZE}), then the rest, in order, into customer-managed
 * policies of at most {@link #MANAGED_POLICY_MAX_SIZE} characters each, attached to the role, within
 * the role's quota of attached managed policies.
 *
 * <p>The layout is decided before anything registers, on the statements at their longest, so a
 * preview shows every policy the deploy creates; the statements once known fill the same places
 * (never longer than their longest form) and each document is checked again exactly.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM quotas:
 *     role inline policies 10,240 characters, managed policy 6,144 characters, both without whitespace;
 *     10 managed policies per role by default</a>
 * @see <a href="https://repost.aws/knowledge-center/iam-increase-policy-size">How to increase the
 *     managed policy quota: default 10 per role, raised on request to at most 20</a>
 */
final class GrantPolicySplit {
    /** IAM's quota for one customer-managed policy, in characters without whitespace. */
    static final int MANAGED_POLICY_MAX_SIZE = 6_144;
    /** IAM's default quota of managed policies attached to one role. */
    static final int DEFAULT_ATTACHMENT_QUOTA = 10;
    /** The highest quota of attached managed policies an account can be given on request. */
    static final int MAX_ATTACHMENT_QUOTA = 20;

    private static final GrantPolicySplit INLINE_ONLY = new GrantPolicySplit(Optional.empty());

    // Statements per document, the inline policy's first; empty when everything is inline.
    private final Optional<List<Integer>> counts;

    private GrantPolicySplit(Optional<List<Integer>> counts) {
        this.counts = counts;
    }

    /**
     * The layout when a grant cannot give its statements before deploy: all of them in the inline
     * policy, checked once known (the number of policies must be known before anything registers).
     */
    static GrantPolicySplit inlineOnly() {
        return INLINE_ONLY;
    }

    /**
     * @param workload        whom the role is for, for messages
     * @param statements      the grants' statements at their longest, in order
     * @param attachedAlready the managed policies the role holds besides its grants' statements
     *                        (its own and those its grants carry)
     * @param quota           the role's quota of attached managed policies
     * @return the layout, or the inline policy alone when every statement fits there
     * @throws InvalidInputException when the statements need more managed policies than the quota leaves,
     *                               or one statement is longer than a managed policy can hold
     */
    static GrantPolicySplit of(String workload, List<IamStatement> statements, int attachedAlready, int quota) {
        var counts = new ArrayList<Integer>();
        int start = 0;
        while (start < statements.size()) {
            int limit = counts.isEmpty() ? InlinePolicy.MAX_SIZE : MANAGED_POLICY_MAX_SIZE;
            int end = start;
            while (end < statements.size() && length(statements.subList(start, end + 1)) <= limit) {
                end++;
            }
            if (end == start) {
                // The inline policy is checked by InlinePolicy, with its own message.
                if (counts.isEmpty()) {
                    InlinePolicy.of(workload, statements.subList(0, 1), true, true);
                }
                throw InvalidInputException.of("grant statement of " + workload,
                        length(statements.subList(start, start + 1)) + " characters (at preview, names not yet known counted at their longest)",
                        "at most " + MANAGED_POLICY_MAX_SIZE + " characters without whitespace, what one customer-managed policy holds "
                                + "(IAM's quota; split the grant)");
            }
            counts.add(end - start);
            start = end;
        }
        int spilled = Math.max(0, counts.size() - 1);
        if (attachedAlready + spilled > quota) {
            throw InvalidInputException.of("grants of " + workload,
                    length(statements) + " characters (at preview, names not yet known counted at their longest), needing "
                            + spilled + " customer-managed " + (spilled == 1 ? "policy" : "policies") + " besides " + attachedAlready
                            + " other managed " + (attachedAlready == 1 ? "policy" : "policies"),
                    "at most " + InlinePolicy.MAX_SIZE + " characters in the role's inline policy and " + MANAGED_POLICY_MAX_SIZE
                            + " in each of its attached managed policies, at most " + quota + " of them (IAM's quotas; "
                            + "use fewer or shorter grants, split the workload, or raise managedPolicyQuota when the account's quota was raised)");
        }
        return spilled == 0 ? INLINE_ONLY : new GrantPolicySplit(Optional.of(List.copyOf(counts)));
    }

    /** @return the number of customer-managed policies the grants spill into */
    int managedPolicies() {
        return counts.map(c -> c.size() - 1).orElse(0);
    }

    /**
     * @param workload   whom the role is for, for messages
     * @param statements the grants' statements once known, in the order of their longest form
     * @return the statements of each document, the inline policy's first
     */
    List<List<IamStatement>> documents(String workload, List<IamStatement> statements) {
        if (counts.isEmpty()) {
            return List.of(statements);
        }
        int total = counts.get().stream().mapToInt(Integer::intValue).sum();
        if (total != statements.size()) {
            throw InvalidInputException.of("grants of " + workload, statements.size() + " statements once known",
                    "as many statements as the grants' longest form gave at preview (" + total + "), which laid out the role's policies");
        }
        var documents = new ArrayList<List<IamStatement>>();
        int start = 0;
        for (int count : counts.get()) {
            documents.add(List.copyOf(statements.subList(start, start + count)));
            start += count;
        }
        return documents;
    }

    /**
     * A spilled managed policy's document, checked exactly once its statements are known.
     *
     * @param workload   whom the role is for, for messages
     * @param name       the policy's child name
     * @param statements its statements, wildcards already refused
     * @return the policy document
     */
    static String managedDocument(String workload, String name, List<IamStatement> statements) {
        var json = TrustPolicies.permissions(statements);
        var length = TrustPolicies.iamLength(json);
        if (length > MANAGED_POLICY_MAX_SIZE) {
            throw InvalidInputException.of("grants of " + workload + " in policy " + name, length + " characters",
                    "at most " + MANAGED_POLICY_MAX_SIZE + " characters without whitespace in a customer-managed policy (IAM's quota)");
        }
        return json;
    }

    private static int length(List<IamStatement> statements) {
        return TrustPolicies.iamLength(TrustPolicies.permissions(statements));
    }
}
