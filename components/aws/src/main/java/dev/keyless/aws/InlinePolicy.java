package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * The inline policy a keyless role holds its grants in (the first of them, when they spill into
 * managed policies: {@link GrantPolicySplit}), checked before IAM would refuse it or
 * it would grant more than its grants name: no wildcard action, no wildcard resource, no
 * {@code NotAction}/{@code NotResource} (unless the role allows wildcards by name), and within
 * IAM's quota for a role's inline policies.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM quotas: role policy size</a>
 */
final class InlinePolicy {
    /** IAM's quota for all inline policies of one role, in characters without whitespace. */
    static final int MAX_SIZE = 10_240;

    private InlinePolicy() {
    }

    /** As {@link #of(String, List, boolean, boolean)}, for a ServiceAccount's role. */
    static String of(dev.keyless.core.ServiceAccountRef account, List<IamStatement> statements, boolean allowWildcards, boolean estimate) {
        return of(account.namespace() + "/" + account.name(), statements, allowWildcards, estimate);
    }

    /**
     * @param workload         whom the role is for, for messages ({@code NS/NAME})
     * @param statements       the grants' statements
     * @param allowWildcards   whether the role allows wildcard permissions by name
     * @param estimate         whether the statements are an upper bound (preview) or exact (deploy)
     * @return the policy document
     */
    static String of(String workload, List<IamStatement> statements, boolean allowWildcards, boolean estimate) {
        requireNoWildcards(statements, allowWildcards);
        var json = TrustPolicies.permissions(statements);
        var length = TrustPolicies.iamLength(json);
        if (length > MAX_SIZE) {
            throw InvalidInputException.of("grants of " + workload,
                    length + " characters" + (estimate ? " (at preview, names not yet known counted at their longest)" : ""),
                    "at most " + MAX_SIZE + " characters without whitespace in the role's inline policy "
                            + "(IAM's quota; use fewer or shorter prefixes, or split the workload)");
        }
        return json;
    }

    /**
     * @param statements     statements of any of the role's grant policies
     * @param allowWildcards whether the role allows wildcard permissions by name
     */
    static void requireNoWildcards(List<IamStatement> statements, boolean allowWildcards) {
        if (!allowWildcards) {
            statements.forEach(InlinePolicy::requireNoWildcard);
        }
    }

    private static void requireNoWildcard(IamStatement statement) {
        if (statement.effect() != IamEffect.ALLOW) {
            return;
        }
        if (!statement.notActions().isEmpty() || !statement.notResources().isEmpty()) {
            throw wildcard("NotAction/NotResource (it allows everything else)");
        }
        for (var action : statement.actions()) {
            if (action.value().contains("*") || action.value().contains("?")) {
                throw wildcard("action " + action.value());
            }
        }
        for (var resource : statement.resources()) {
            var value = resource.value();
            // Actions that exist only on "*" (an ECR login token, listing hosted zones), and the
            // controllers' tag-conditioned changes, are admitted by name.
            if (value.equals("*") && AnyResourceActions.admits(statement)) {
                continue;
            }
            if (value.equals("*") || value.substring(value.lastIndexOf(':') + 1).startsWith("*")) {
                throw wildcard("resource " + value);
            }
        }
    }

    private static InvalidInputException wildcard(String what) {
        return InvalidInputException.of("grant statement", what,
                "an action and resource named exactly; wildcard permissions need the role option allowWildcardPermissions()");
    }
}
