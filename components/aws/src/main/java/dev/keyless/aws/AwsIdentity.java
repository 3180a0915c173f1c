package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;

import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * What every AWS mechanism shares: an IAM role with {@link RoleSettings}, checked against an EKS
 * cluster and AWS grants once, here, before the mechanism plans its own part.
 */
public abstract sealed class AwsIdentity implements IdentityMechanism permits IrsaIdentity, PodIdentity, AwsFederation {

    /** @return {@link AwsCloud#CLOUD} */
    @Override
    public final dev.keyless.core.Cloud cloud() {
        return AwsCloud.CLOUD;
    }

    /**
     * Older AWS SDKs (Go v1 {@code session.New()}, as in ChartMuseum) read neither the web
     * identity token nor the Pod Identity container credentials without it.
     */
    public static final Map<String, String> POD_ENV = Map.of("AWS_SDK_LOAD_CONFIG", "true");

    final RoleSettings role;

    AwsIdentity(RoleSettings role) {
        this.role = role;
    }

    @Override
    public final IdentityPlan plan(BindingRequest request) {
        var binding = checked(request);
        role.validate(binding.childName("role"));
        claimRoleNameInKnownAccount(binding);
        var grants = FederatedRole.grantDocuments(binding, role, splitLongestStatements(binding));
        var plan = plan(binding, grants);
        // The exact policies are known once the grants' statements are: nothing of the binding is
        // registered before they passed, the role included.
        var checks = role.deployTimeChecks().and(plan.deployTimeChecks()).and(grants.check());
        return IdentityPlan.of(plan::bind, plan.alsoTrustedIn(), checks);
    }

    // A role named by the user claims its name before anything registers when the account is
    // known; otherwise FederatedRole claims it in the provider's account (RoleNameClaims).
    private void claimRoleNameInKnownAccount(AwsBinding binding) {
        if (role.existingRoleArn.isEmpty()) {
            role.roleName.ifPresent(name -> binding.roleAccountId()
                    .ifPresent(account -> RoleNameClaims.claim(name, account, binding.baseName())));
        }
    }

    // Wildcards and IAM's size quotas are checked here on the grants' longest form, which lays the
    // statements out over the inline policy and any spilled managed policies, and exactly once the
    // statements are known (FederatedRole). A grant that cannot give its longest form keeps them all
    // inline: how many policies there are must be known before anything registers.
    private GrantPolicySplit splitLongestStatements(AwsBinding binding) {
        var statements = new ArrayList<IamStatement>();
        for (var grant : binding.grants()) {
            var longest = grant.longestStatements();
            if (longest.isEmpty()) {
                return GrantPolicySplit.inlineOnly();
            }
            statements.addAll(longest.get());
        }
        InlinePolicy.requireNoWildcards(statements, role.allowWildcardPermissions);
        return GrantPolicySplit.of(binding.workload(), statements, FederatedRole.managedPolicies(binding, role).size(),
                role.managedPolicyQuota);
    }

    /**
     * @param request the request as the component gives it
     * @return the request checked for this mechanism (its cluster, AWS grants) with the role's
     *     account where it is known before anything registers
     */
    abstract AwsBinding checked(BindingRequest request);

    /**
     * The role's account when the mechanism does not say: the account of the EKS cluster's IAM OIDC
     * provider, unless an explicit provider may be of another account.
     */
    final java.util.Optional<String> clusterAccountUnlessOtherProvider(AwsOidcCluster cluster) {
        return role.provider.isPresent() ? java.util.Optional.empty() : cluster.knownAccountId();
    }

    /**
     * @param binding      the request, its cluster and grants already checked for AWS
     * @param grants  the role's grant policies ({@link FederatedRole#grantDocuments})
     * @return the mechanism's checked plan
     */
    abstract IdentityPlan plan(AwsBinding binding, GrantDocuments grants);
}
