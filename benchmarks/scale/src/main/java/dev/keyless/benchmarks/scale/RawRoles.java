package dev.keyless.benchmarks.scale;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.resources.Resource;

/**
 * A hand-written IAM role and its one grant policy, shaped as keyless shapes it: a separate
 * {@code RolePolicy} (the default), or the role's own {@code inlinePolicies} when
 * {@code scale:roleInlinePolicy} is true, so the twin keeps the same resources whichever shape the
 * keyless side has.
 */
final class RawRoles {
    /** The name keyless gives the inline policy on the role. */
    static final String GRANTS_POLICY = "keyless-grants";
    private static boolean inlinePolicy;

    private RawRoles() {
    }

    static void configure(boolean roleCarriesPolicy) {
        inlinePolicy = roleCarriesPolicy;
    }

    /**
     * @param role   the role, its trust set
     * @param policy the grant policy document
     * @return the role, and what whatever uses it waits for: the role itself once it carries the
     *     policy, the separate policy otherwise
     */
    static Granted register(String name, RoleArgs.Builder role, String policy) {
        if (inlinePolicy) {
            var created = new Role(name + "-role", role
                    .inlinePolicies(RoleInlinePolicyArgs.builder().name(GRANTS_POLICY).policy(policy).build())
                    .build());
            return new Granted(created, created);
        }
        var created = new Role(name + "-role", role.build());
        var grants = new RolePolicy(name + "-grants", RolePolicyArgs.builder().role(created.name()).policy(policy).build());
        return new Granted(created, grants);
    }

    /**
     * @param role   the role
     * @param ready  what to wait for before the role can do its job
     */
    record Granted(Role role, Resource ready) {
    }
}
