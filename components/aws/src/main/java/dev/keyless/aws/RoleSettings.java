package dev.keyless.aws;

import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
    final Optional<String> permissionsBoundaryArn;
    final Optional<Duration> maxSessionDuration;
    final List<String> managedPolicyArns;
    final Optional<String> existingRoleArn;
    final boolean allowWildcardPermissions;

    private RoleSettings(Builder<?> builder) {
        this.roleName = Optional.ofNullable(builder.roleName);
        this.rolePath = Optional.ofNullable(builder.rolePath);
        this.permissionsBoundaryArn = Optional.ofNullable(builder.permissionsBoundaryArn);
        this.maxSessionDuration = Optional.ofNullable(builder.maxSessionDuration);
        this.managedPolicyArns = List.copyOf(builder.managedPolicyArns);
        this.existingRoleArn = Optional.ofNullable(builder.existingRoleArn);
        this.allowWildcardPermissions = builder.allowWildcardPermissions;
    }

    /**
     * Checks the rules that combine options; each option's own value was checked by its setter.
     *
     * @param logicalRoleName the role's logical name, which Pulumi auto-names from when no name is set
     */
    void validate(String logicalRoleName) {
        var policyNames = new HashSet<String>();
        for (var arn : managedPolicyArns) {
            if (!policyNames.add(Arns.nameOf(arn))) {
                throw InvalidInputException.of("managedPolicyArn", arn,
                        "a policy whose name no other managed policy of the role has (attachments are keyed by name)");
            }
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
     * The role options every keyless identity on AWS takes.
     *
     * @param <B> the concrete builder
     */
    @SuppressWarnings("unchecked")
    abstract static class Builder<B extends Builder<B>> {
        private String roleName;
        private String rolePath;
        private String permissionsBoundaryArn;
        private Duration maxSessionDuration;
        private final Set<String> managedPolicyArns = new LinkedHashSet<>();
        private String existingRoleArn;
        private boolean allowWildcardPermissions;

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
            this.permissionsBoundaryArn = Arns.requirePolicyArn("permissionsBoundary", policyArn);
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
            this.managedPolicyArns.add(Arns.requirePolicyArn("managedPolicyArn", policyArn));
            return (B) this;
        }

        /**
         * Uses an existing role instead of creating one. keyless attaches the grants to it (an
         * inline policy) and binds the ServiceAccount; the role's trust policy stays its owner's
         * and must already trust this ServiceAccount (IRSA) or {@code pods.eks.amazonaws.com}
         * (Pod Identity). Excludes roleName, rolePath, permissionsBoundary and maxSessionDuration.
         *
         * @param roleArn the role's ARN
         * @return this builder
         */
        public B existingRoleArn(String roleArn) {
            this.existingRoleArn = Arns.requireRoleArn("existingRoleArn", roleArn);
            return (B) this;
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

        RoleSettings roleSettings() {
            return new RoleSettings(this);
        }
    }
}
