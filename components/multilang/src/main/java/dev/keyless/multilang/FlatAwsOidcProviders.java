package dev.keyless.multilang;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import dev.keyless.aws.AwsFederation;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProgramClaims;

import java.util.List;
import java.util.Optional;

/**
 * One IAM OIDC provider per issuer in the default AWS provider's account across the flat
 * components of a stack. The typed API shares one provider among a program's components; each
 * Construct is a deployment of its own and cannot hand its resource to another, and which of two
 * independent components is constructed first is not fixed. So the stack's first flat component
 * that federates an issuer into AWS creates the provider, and a later one is refused, naming both,
 * unless it trusts that provider by {@value #EXISTING}. IAM refuses a second provider for one URL
 * in an account (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html).
 */
final class FlatAwsOidcProviders {
    /** The input naming an IAM OIDC provider of the issuer that another component creates. */
    static final String EXISTING = "existingAwsOidcProviderArn";
    /** The output carrying the ARN of the provider the component's AWS role trusts. */
    static final String OUTPUT = "awsOidcProviderArn";
    private static final String ACCOUNT = "the default AWS provider's account";

    private FlatAwsOidcProviders() {
    }

    /**
     * @param arn    the {@value #EXISTING} input
     * @param grants the component's grants
     * @return AWS federation trusting the named provider, when given
     * @throws InvalidInputException when given without a grant on aws, or not an IAM OIDC provider's ARN
     */
    static Optional<IdentityMechanism> existing(FlatValue arn, List<AccessGrant> grants) {
        var given = arn.optionalString();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (grants.stream().noneMatch(FlatAwsOidcProviders::onAws)) {
            throw InvalidInputException.of(arn.path(), given.get(), "left out when no grant is on aws");
        }
        // That the provider is the issuer's is the typed mechanism's check, as it plans the role.
        try {
            return Optional.of(AwsFederation.builder().existingOidcProviderArn(given.get()).build());
        } catch (InvalidInputException e) {
            throw e.at(arn.path());
        }
    }

    /** @return whether the grant is on aws, so federated through the issuer's IAM OIDC provider off EKS */
    static boolean onAws(AccessGrant grant) {
        return grant.cloud().name().equals("aws");
    }

    /**
     * Claims the provider of an issuer for a component, or refuses it, naming the component that
     * creates it. The last check before registering, so a refused component claims nothing.
     *
     * @param arn       the component's {@value #EXISTING} input, for the message
     * @param kind      the component's kind as a refusal names it, e.g. {@code PipelineIdentity}
     * @param name      its name
     * @param issuerUrl the issuer's URL, known at preview
     * @throws InvalidInputException when another component of the stack creates that provider
     */
    static void claim(FlatValue arn, String kind, String name, String issuerUrl) {
        // The holder is "KIND 'NAME'", so a refusal says which component to look for.
        var component = kind + " '" + name + "'";
        var claims = ProgramClaims.current();
        var claim = ProgramClaims.Claim.exact(arn.path(), "IAM OIDC provider", ACCOUNT, issuerUrl);
        claims.owner(claim).filter(owner -> !owner.equals(component)).ifPresent(owner -> {
            var ownerName = owner.substring(owner.indexOf(" '") + 2, owner.length() - 1);
            throw InvalidInputException.missing(arn.path(), owner + " of this stack creates the IAM OIDC provider of "
                    + issuerUrl + " and IAM allows one per URL in an account, so '" + name + "' must trust that one: give '" + name + "' "
                    + arn.path() + " arn:aws:iam::ACCOUNT_ID:oidc-provider/" + hostPath(issuerUrl)
                    + " and make it depend on '" + ownerName + "'");
        });
        claims.claim(claim, component);
    }

    /**
     * The ARN IAM gives the provider of the issuer in the account the component's AWS resources
     * are made through: {@code arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST_PATH}
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html, IAM identifiers).
     *
     * @param owner     the component, whose provider the caller identity is read through
     * @param issuerUrl the issuer's URL
     * @return the provider's ARN
     */
    static Output<String> providerArn(Resource owner, Output<String> issuerUrl) {
        var caller = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), InvokeOptions.builder().parent(owner).build());
        return Output.tuple(caller, issuerUrl).applyValue(t -> "arn:" + t.t1.arn().split(":")[1] + ":iam::" + t.t1.accountId()
                + ":oidc-provider/" + hostPath(t.t2));
    }

    // The provider's ARN names the issuer without its scheme, as the typed mechanism compares them.
    private static String hostPath(String issuerUrl) {
        return issuerUrl.replaceFirst("^https://", "");
    }
}
