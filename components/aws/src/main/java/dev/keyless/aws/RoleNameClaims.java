package dev.keyless.aws;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.ProgramClaims;
import dev.keyless.core.ProviderAnswers;

import java.util.Optional;

/**
 * One IAM role per name in an AWS account, whichever components create them: a second role with
 * one name fails at deploy ({@code EntityAlreadyExists}). IAM compares role names ignoring case
 * and whatever their path, and the account is the scope, not the provider's region.
 *
 * <p>The account is known before anything registers when the cluster's IAM OIDC provider ARN was
 * given as text ({@link AwsOidcCluster#knownAccountId()}). Otherwise it is the account of the AWS
 * provider the role is registered with, asked with {@code aws.getCallerIdentity} parented to the
 * same component, so the same provider answers: two roles under one provider meet in its account,
 * roles under providers of two accounts do not. The role's name waits for that answer, so a
 * clash stops the role before it is created, in a preview as in an update.
 */
final class RoleNameClaims {
    private static final String GET_CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";

    private RoleNameClaims() {
    }

    /**
     * @param roleName  the role's name
     * @param accountId the account the role is created in
     * @param component the claiming component's name
     */
    static void claim(String roleName, String accountId, String component) {
        ProgramClaims.current().claim(ProgramClaims.Claim.ignoringCase("roleName", "role name",
                "account '" + accountId + "'", roleName), component);
    }

    /**
     * @param roleName the role's name
     * @param owner    the component the role is a child of
     * @param provider the role's provider, when not the one {@code owner} passes on
     * @return the name, once the provider's account has been claimed for it
     */
    static Output<String> claimInProvidersAccount(String roleName, ComponentResource owner, Optional<Provider> provider) {
        return ProviderAnswers.once(GET_CALLER_IDENTITY, owner, provider, RoleNameClaims::callerAccount)
                .applyValue(accountId -> {
                    claim(roleName, accountId, owner.pulumiResourceName());
                    return roleName;
                });
    }

    /**
     * @param provider an AWS provider
     * @return its account, asked once for the program
     */
    static Output<String> accountOf(Provider provider) {
        return ProviderAnswers.once(GET_CALLER_IDENTITY, provider, RoleNameClaims::callerAccount);
    }

    private static Output<String> callerAccount(InvokeOptions options) {
        return AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.Empty, options).applyValue(identity -> identity.accountId());
    }
}
