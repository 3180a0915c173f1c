package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM role options a platform team sets on every keyless role, shared by {@link IrsaIdentity}
 * and {@link PodIdentity}: name and path, permissions boundary, maximum session, extra managed
 * policies, or an existing role to use instead of creating one.
 */
final class RoleSettings {
    static final Duration MIN_SESSION = Duration.ofHours(1);
    static final Duration MAX_SESSION = Duration.ofHours(12);

    final Optional<String> roleName;
    final Optional<String> rolePath;
    final Optional<Output<String>> permissionsBoundaryArn;
    final Optional<Duration> maxSessionDuration;
    final List<ManagedPolicy> managedPolicies;
    final Optional<Output<String>> existingRoleArn;
    final boolean allowWildcardPermissions;
    final Optional<com.pulumi.aws.Provider> provider;
    final int managedPolicyQuota;
    final boolean grantsInSeparateRolePolicy;

    private RoleSettings(Builder<?> builder) {
        this.roleName = Optional.ofNullable(builder.roleName);
        this.rolePath = Optional.ofNullable(builder.rolePath);
        this.permissionsBoundaryArn = Optional.ofNullable(builder.permissionsBoundaryArn);
        this.maxSessionDuration = Optional.ofNullable(builder.maxSessionDuration);
        this.managedPolicies = List.copyOf(builder.managedPolicies);
        this.existingRoleArn = Optional.ofNullable(builder.existingRoleArn);
        this.allowWildcardPermissions = builder.allowWildcardPermissions;
        this.provider = Optional.ofNullable(builder.provider);
        this.managedPolicyQuota = builder.managedPolicyQuota;
        this.grantsInSeparateRolePolicy = builder.grantsInSeparateRolePolicy;
    }

    /**
     * @param owner the component the role is a child of
     * @return options for the role's resources: children of {@code owner}, through the explicit
     *     provider when one was given (otherwise {@code owner}'s, as for any child)
     */
    com.pulumi.resources.CustomResourceOptions childOptions(com.pulumi.resources.Resource owner) {
        var options = com.pulumi.resources.CustomResourceOptions.builder().parent(owner);
        provider.ifPresent(options::provider);
        return options.build();
    }

    /**
     * Checks the rules that combine options; each option's own value was checked by its setter.
     *
     * @param logicalRoleName the role's logical name, which Pulumi auto-names from when no name is set
     */
    void validate(String logicalRoleName) {
        var keys = new HashSet<String>();
        for (var policy : managedPolicies) {
            if (!keys.add(policy.key())) {
                throw InvalidInputException.of("managedPolicyArn", policy.key(),
                        "a policy whose name (or key) no other managed policy of the role has (attachments are keyed by it)");
            }
        }
        if (existingRoleArn.isPresent() && grantsInSeparateRolePolicy) {
            throw InvalidInputException.conflict("existingRoleArn", "grantsInSeparateRolePolicy",
                    "an existing role always gets its grants as a separate RolePolicy, as keyless does not manage its inline policies");
        }
        if (existingRoleArn.isPresent()) {
            String reason = "an existing role keeps its own name, path, boundary and session length";
            roleName.ifPresent(n -> { throw InvalidInputException.conflict("existingRoleArn", "roleName", reason); });
            rolePath.ifPresent(n -> { throw InvalidInputException.conflict("existingRoleArn", "rolePath", reason); });
            permissionsBoundaryArn.ifPresent(n -> { throw InvalidInputException.conflict("existingRoleArn", "permissionsBoundary", reason); });
            maxSessionDuration.ifPresent(n -> { throw InvalidInputException.conflict("existingRoleArn", "maxSessionDuration", reason); });
        } else if (roleName.isEmpty()) {
            IamNames.requireAutoNameFits("roleName", logicalRoleName);
        }
    }

    /**
     * @return the checks of ARNs from other stacks (boundary, managed policies, existing role),
     *     which the binding registers behind: a bad one leaves no role with half its attachments
     */
    DeployTimeCheck deployTimeChecks() {
        var checks = permissionsBoundaryArn.map(DeployTimeCheck::of).orElse(DeployTimeCheck.none());
        for (var policy : managedPolicies) {
            checks = checks.and(DeployTimeCheck.of(policy.arn()));
        }
        return checks.and(existingRoleArn.map(DeployTimeCheck::of).orElse(DeployTimeCheck.none()));
    }

    /**
     * The role options every keyless identity on AWS takes.
     *
     * @param <B> the concrete builder
     */
    @SuppressWarnings("unchecked")
    abstract static class Builder<B extends Builder<B>> {
        private String roleName;
        private String rolePath;
        private Output<String> permissionsBoundaryArn;
        private Duration maxSessionDuration;
        private final List<ManagedPolicy> managedPolicies = new ArrayList<>();
        private final Set<String> plainPolicyArns = new HashSet<>();
        private Output<String> existingRoleArn;
        private boolean allowWildcardPermissions;
        private com.pulumi.aws.Provider provider;
        private int managedPolicyQuota = GrantPolicySplit.DEFAULT_ATTACHMENT_QUOTA;
        private boolean grantsInSeparateRolePolicy;

        /**
         * The role's name: 1 to 64 of {@code [A-Za-z0-9+=,.@_-]}. Defaults to Pulumi's auto-name
         * from {@code NAME-role}.
         *
         * @param roleName the name
         * @return this builder
         */
        public B roleName(String roleName) {
            this.roleName = IamNames.requireRoleName("roleName", roleName);
            return (B) this;
        }

        /**
         * The role's IAM path, e.g. {@code /workloads/}. Defaults to {@code /}.
         *
         * @param rolePath the path, starting and ending with '/'
         * @return this builder
         */
        public B rolePath(String rolePath) {
            this.rolePath = IamNames.requireRolePath("rolePath", rolePath);
            return (B) this;
        }

        /**
         * A permissions boundary the role is created with, as many organisations require.
         * Defaults to none.
         *
         * @param policyArn the boundary policy's ARN
         * @return this builder
         * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">Permissions boundaries</a>
         */
        public B permissionsBoundary(String policyArn) {
            this.permissionsBoundaryArn = Output.of(Arns.requirePolicyArn("permissionsBoundary", policyArn));
            return (B) this;
        }

        /**
         * @param policyArn the boundary policy's ARN, e.g. another stack's output; checked once known
         * @return this builder
         * @see #permissionsBoundary(String)
         */
        public B permissionsBoundary(Output<String> policyArn) {
            Checks.notNull("permissionsBoundary", policyArn, "a policy ARN");
            this.permissionsBoundaryArn = policyArn.applyValue(arn -> Arns.requirePolicyArn("permissionsBoundary", arn));
            return (B) this;
        }

        /**
         * The longest session the role allows, 1 to 12 hours. Defaults to IAM's 1 hour.
         *
         * @param duration the maximum session duration
         * @return this builder
         */
        public B maxSessionDuration(Duration duration) {
            Checks.notNull("maxSessionDuration", duration, "a Duration between 1 and 12 hours");
            if (duration.compareTo(MIN_SESSION) < 0 || duration.compareTo(MAX_SESSION) > 0 || duration.getNano() != 0) {
                throw InvalidInputException.of("maxSessionDuration", duration, "between 1 and 12 hours (IAM MaxSessionDuration)");
            }
            this.maxSessionDuration = duration;
            return (B) this;
        }

        /**
         * Attaches a managed policy besides the storage grants, e.g. a team's baseline policy.
         *
         * @param policyArn the policy's ARN
         * @return this builder
         */
        public B managedPolicyArn(String policyArn) {
            Arns.requirePolicyArn("managedPolicyArn", policyArn);
            // The same ARN twice is one attachment.
            if (plainPolicyArns.add(policyArn)) {
                managedPolicies.add(new ManagedPolicy(Arns.nameOf(policyArn), Output.of(policyArn)));
            }
            return (B) this;
        }

        /**
         * Attaches a managed policy whose ARN is known only at deploy time, e.g. another stack's
         * output, under a key of your choosing: the attachment is {@code NAME-managed-KEY}, so it
         * stays put when the list is reordered.
         *
         * @param key       1 to 128 of {@code [A-Za-z0-9+=,.@_-]}, unique among the role's policies
         * @param policyArn the policy's ARN; checked once known
         * @return this builder
         */
        public B managedPolicyArn(String key, Output<String> policyArn) {
            if (key == null || !key.matches("[\\w+=,.@-]{1,128}")) {
                throw InvalidInputException.of("managedPolicyArn key", key, "1 to 128 characters of [A-Za-z0-9+=,.@_-]");
            }
            Checks.notNull("managedPolicyArn", policyArn, "a policy ARN");
            managedPolicies.add(new ManagedPolicy(key, policyArn.applyValue(arn -> Arns.requirePolicyArn("managedPolicyArn", arn))));
            return (B) this;
        }

        /**
         * Uses an existing role instead of creating one. keyless attaches the grants to it (a
         * separate inline {@code RolePolicy}, as it does not own the role's other inline policies)
         * and binds the ServiceAccount; the role's trust policy stays its owner's
         * and must already trust this ServiceAccount (IRSA) or {@code pods.eks.amazonaws.com}
         * (Pod Identity). Excludes roleName, rolePath, permissionsBoundary and maxSessionDuration.
         *
         * @param roleArn the role's ARN
         * @return this builder
         */
        public B existingIdentity(String roleArn) {
            this.existingRoleArn = Output.of(Arns.requireRoleArn("existingRoleArn", roleArn));
            return (B) this;
        }

        /**
         * @param roleArn the role's ARN, e.g. another stack's output; checked once known
         * @return this builder
         * @see #existingIdentity(String)
         */
        public B existingIdentity(Output<String> roleArn) {
            Checks.notNull("existingRoleArn", roleArn, "an IAM role ARN");
            this.existingRoleArn = roleArn.applyValue(arn -> Arns.requireRoleArn("existingRoleArn", arn));
            return (B) this;
        }

        /**
         * @param roleArn the role's ARN
         * @return this builder
         * @deprecated use {@link #existingIdentity(String)}, the name every cloud's mechanism uses
         */
        @Deprecated
        public B existingRoleArn(String roleArn) {
            return existingIdentity(roleArn);
        }

        /**
         * @param roleArn the role's ARN, e.g. another stack's output; checked once known
         * @return this builder
         * @deprecated use {@link #existingIdentity(Output)}, the name every cloud's mechanism uses
         */
        @Deprecated
        public B existingRoleArn(Output<String> roleArn) {
            return existingIdentity(roleArn);
        }

        /**
         * Lets grants hold wildcard actions or resources ({@code s3:*}, {@code *}) or
         * {@code NotAction}/{@code NotResource}. keyless's own grants never need it; a custom
         * {@link AwsGrant} that does must be allowed by name. Defaults to refusing them.
         *
         * @return this builder
         */
        public B allowWildcardPermissions() {
            this.allowWildcardPermissions = true;
            return (B) this;
        }

        /**
         * The AWS provider the role and its policies are created through, e.g. one for another
         * account. Defaults to the provider the component inherits (the stack's default one unless
         * the component was given {@code providers}).
         *
         * @param provider the AWS provider
         * @return this builder
         */
        public B provider(com.pulumi.aws.Provider provider) {
            this.provider = Checks.notNull("provider", provider, "a com.pulumi.aws.Provider");
            return (B) this;
        }

        /**
         * The account's quota of managed policies attached to one role, when it was raised on
         * request. keyless counts against it the role's managed policies, those its grants carry
         * and the customer-managed policies its grant statements spill into once they outgrow the
         * inline policy; an existing role's other attachments are its owner's to count. Defaults to
         * IAM's 10.
         *
         * @param quota 1 to 20
         * @return this builder
         * @see <a href="https://repost.aws/knowledge-center/iam-increase-policy-size">Raising the managed policy quota (at most 20)</a>
         */
        public B managedPolicyQuota(int quota) {
            if (quota < 1 || quota > GrantPolicySplit.MAX_ATTACHMENT_QUOTA) {
                throw InvalidInputException.of("managedPolicyQuota", quota,
                        "between 1 and " + GrantPolicySplit.MAX_ATTACHMENT_QUOTA + " (IAM's quota of managed policies per role: 10 by default, at most 20)");
            }
            this.managedPolicyQuota = quota;
            return (B) this;
        }

        /**
         * Keeps the grants' inline policy a separate {@code aws.iam.RolePolicy} ({@code NAME-grants}),
         * as earlier versions made it, instead of the role carrying it in its own
         * {@code inlinePolicies}. For a stack deployed that way whose inline policy is longer than
         * half IAM's quota of 10,240 characters (both copies would exist while it moves, past the
         * quota), or a role whose inline policies something else also manages (the role manages
         * its own exclusively). Defaults to the role carrying the policy: one resource fewer.
         *
         * @return this builder
         */
        public B grantsInSeparateRolePolicy() {
            this.grantsInSeparateRolePolicy = true;
            return (B) this;
        }

        RoleSettings roleSettings() {
            return new RoleSettings(this);
        }
    }
}
