package dev.keyless.aws;

import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.keyless.core.EngineWarnings;

import java.util.List;

/**
 * The grants' inline policy carried by the role keyless creates ({@code inlinePolicies} on
 * {@code aws.iam.Role}) rather than by a separate {@code aws.iam.RolePolicy}: one resource and one
 * cloud call fewer per workload, with the same document. The role manages its inline policies
 * exclusively: one added out of band is removed on the role's next update.
 *
 * <p>Earlier versions registered the document as a {@code RolePolicy} named {@code NAME-grants}.
 * On a stack deployed that way, the next {@code pulumi up} updates the role in place, which puts
 * this policy, and deletes the old {@code RolePolicy} after every create and update, as Pulumi's
 * engine runs deletes of resources no longer in the program last (pkg/resource/deploy,
 * {@code deploymentExecutor.performDeletes} after the program's last registration,
 * {@code stepGenerator.GenerateDeletes}: https://github.com/pulumi/pulumi). That delete calls
 * {@code DeleteRolePolicy} with the old policy's name, so this policy's name must never be it:
 * see {@link #POLICY_NAME}.
 *
 * <p>The provider's update of a role deletes the inline policies it recorded and no longer finds in
 * the program before it puts the new ones, and its read records every inline policy the role has
 * (terraform-provider-aws internal/service/iam/role.go, {@code resourceRoleUpdate} and
 * {@code resourceRoleRead}). So a role refreshed or updated after its old {@code RolePolicy} was
 * made drops that policy just before it puts this one: a moment without the grants, which
 * {@code grantsInSeparateRolePolicy()} avoids; a role not refreshed since holds both for a moment.
 *
 * @see <a href="https://www.pulumi.com/registry/packages/aws/api-docs/iam/role/">aws.iam.Role inlinePolicies:
 *     exclusive; one empty block removes every inline policy</a>
 * @see <a href="https://github.com/pulumi/pulumi-aws/pull/4769">pulumi-aws keeps inlinePolicies undeprecated
 *     (terraform-provider-aws deprecated inline_policy in 5.68)</a>
 */
final class RoleInlineGrants {
    /**
     * The inline policy's name. Pulumi names the old {@code RolePolicy} from its logical name
     * {@code NAME-grants}: with a random hex suffix by default ({@code NAME-grants-1a2b3c4}), or
     * by an autonaming pattern that holds {@code NAME-grants} itself. Every such name contains
     * {@code -grants}; this one has no hyphen, so the old policy's delete can never remove it.
     */
    static final String POLICY_NAME = "KeylessGrants";

    /**
     * The largest inline policy an earlier stack can move onto its role within IAM's quota of
     * 10,240 characters for all of a role's inline policies together: the role puts this policy
     * while the old {@code RolePolicy}, as long, still exists.
     */
    static final int MOVABLE_SIZE = InlinePolicy.MAX_SIZE / 2;

    private RoleInlineGrants() {
    }

    /**
     * @param grants the role's grant documents
     * @return the role's {@code inlinePolicies}: the grants' policy; or, when the grants have no
     *     statement, one empty block, which removes any inline policy an earlier deployment left
     *     (with no block at all the provider would keep it, granting what is no longer asked)
     */
    static List<RoleInlinePolicyArgs> of(GrantDocuments grants) {
        return grants.inline()
                .map(policy -> RoleInlinePolicyArgs.builder().name(POLICY_NAME).policy(policy).build())
                .map(List::of)
                .orElseGet(() -> List.of(RoleInlinePolicyArgs.builder().build()));
    }

    /**
     * Warns, once the inline document is known (at once when it was built before registration),
     * when it is longer than {@link #MOVABLE_SIZE}: a stack deployed with the separate
     * {@code RolePolicy} cannot hold both copies while it moves, so IAM refuses the role's update
     * (the old policy stays, nothing is lost, the update fails).
     *
     * @param owner    the component, which the warning is shown beside
     * @param workload whom the role is for
     * @param grants   the role's grant documents
     */
    static void warnWhenTooLargeToMove(Resource owner, String workload, GrantDocuments grants) {
        if (grants.knownInline().isPresent()) {
            warnWhenTooLargeToMove(owner, workload, grants.knownInline().get());
            return;
        }
        grants.inline().ifPresent(inline -> inline.applyValue(json -> {
            warnWhenTooLargeToMove(owner, workload, json);
            return json;
        }));
    }

    private static void warnWhenTooLargeToMove(Resource owner, String workload, String json) {
        var length = TrustPolicies.iamLength(json);
        if (length > MOVABLE_SIZE) {
            EngineWarnings.warn(owner, "the role of " + workload + " carries an inline grant policy of " + length
                    + " characters, over half IAM's quota of " + InlinePolicy.MAX_SIZE + " for all of a role's inline policies: "
                    + "a stack that holds it as a separate RolePolicy (an earlier keyless) cannot hold both while it moves, "
                    + "and IAM refuses the role's update; there, set grantsInSeparateRolePolicy(), "
                    + "or run `pulumi refresh` before `pulumi up` (the role then drops the old policy just before it puts the new one)");
        }
    }
}
