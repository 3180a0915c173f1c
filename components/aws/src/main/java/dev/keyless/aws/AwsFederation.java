package dev.keyless.aws;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.ProviderAnswers;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.PodNeeds;
import dev.keyless.core.ProjectedToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Federation into AWS from any OIDC issuer: a GKE or AKS cluster, a self-managed cluster with a
 * public discovery document. The default for AWS grants of a workload whose cluster is not on AWS.
 *
 * <ul>
 *   <li>An IAM OIDC provider for the cluster's issuer, client id {@code sts.amazonaws.com}: one per
 *       issuer per account, shared by every workload of the program, a child of the cluster
 *       ({@code CLUSTER-aws-oidc-provider}); or an existing one ({@link Builder#existingOidcProviderArn}).</li>
 *   <li>An IAM role trusting exactly the ServiceAccount: {@code StringEquals} on
 *       {@code ISSUER_HOSTPATH:sub} and {@code ISSUER_HOSTPATH:aud = sts.amazonaws.com}, action
 *       {@code sts:AssumeRoleWithWebIdentity}; the grants as its inline policy, spilling past IAM's quota as IRSA's do.</li>
 *   <li>What the pods need, since no webhook injects it off EKS: a projected ServiceAccount token with
 *       audience {@code sts.amazonaws.com}, and {@code AWS_ROLE_ARN}, {@code AWS_WEB_IDENTITY_TOKEN_FILE},
 *       {@code AWS_REGION}, {@code AWS_SDK_LOAD_CONFIG=true}. The ServiceAccount gets no annotation.</li>
 * </ul>
 * A wider trust (a subject pattern) is not offered: each workload gets a role of its own.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html">Create an OpenID Connect identity provider in IAM</a>
 * @see <a href="https://github.com/aws/amazon-eks-pod-identity-webhook/blob/master/SELF_HOSTED_SETUP.md">Self-hosted Kubernetes: what the webhook would inject</a>
 */
public final class AwsFederation extends AwsIdentity {
    /** The projected token's volume, named as the EKS Pod Identity Webhook names its own. */
    public static final String TOKEN_VOLUME = "aws-iam-token";
    /** Where the token is mounted: the path the EKS Pod Identity Webhook uses, which tools expect. */
    public static final String TOKEN_DIRECTORY = "/var/run/secrets/eks.amazonaws.com/serviceaccount";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private final Optional<String> region;
    private final Optional<String> existingOidcProviderArn;

    private AwsFederation(Builder builder) {
        super(builder.roleSettings());
        this.region = Optional.ofNullable(builder.region);
        this.existingOidcProviderArn = Optional.ofNullable(builder.existingOidcProviderArn);
    }

    /** @return federation with a new role, a shared IAM OIDC provider and default options */
    public static AwsFederation defaults() {
        return builder().build();
    }

    /** @return a builder for federation with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "AWS federation";
    }

    @Override
    AwsBinding checked(BindingRequest request) {
        // The role's account is known before anything registers when the provider is named by ARN.
        return AwsBinding.federated(request, displayName()).inAccount(existingOidcProviderArn.map(Arns::accountOf));
    }

    @Override
    IdentityPlan plan(AwsBinding binding, GrantDocuments grants) {
        var cluster = binding.issuer();
        var field = "issuerUrl of " + cluster.describe();
        requireNoClaimsBeyondSubject(binding);
        cluster.plainIssuerUrl().ifPresent(url -> IamOidcProviderUrls.require(field, url));
        existingOidcProviderArn.ifPresent(arn -> cluster.plainIssuerUrl()
                .ifPresent(url -> CrossAccountTrust.requireProviderOfIssuer(arn, url)));
        if (role.existingRoleArn.isPresent()) {
            throw InvalidInputException.of("existingRoleArn", "an existing role",
                    "left unset for AwsFederation, which creates its role so that the trust names exactly the ServiceAccount and the issuer's provider");
        }
        // An issuer from another stack or a cluster created here is checked once known, and the
        // component registers nothing until it passed; a plain one was checked above.
        var issuerCheck = cluster.plainIssuerUrl().isPresent() ? DeployTimeCheck.none()
                : DeployTimeCheck.of(cluster.issuerUrl().applyValue(url -> {
                    IamOidcProviderUrls.require(field, url);
                    existingOidcProviderArn.ifPresent(arn -> CrossAccountTrust.requireProviderOfIssuer(arn, url));
                    return url;
                }));
        // Claimed now, so that a second cluster object with the same issuer is refused by the
        // same check on every run; registered only once the component binds.
        var claimed = existingOidcProviderArn.isPresent() ? Optional.<SharedOidcProviders.Claimed>empty()
                : Optional.of(SharedOidcProviders.claim(cluster, role.provider));
        var checks = issuerCheck.and(claimed.map(SharedOidcProviders.Claimed::check).orElse(DeployTimeCheck.none()));
        return IdentityPlan.of(owner -> bind(owner, binding, grants, claimed, issuerCheck), List.of(), checks);
    }

    private CloudBinding bind(ComponentResource owner, AwsBinding binding, GrantDocuments grants,
                              Optional<SharedOidcProviders.Claimed> claimed, DeployTimeCheck issuerCheck) {
        var provider = claimed.map(c -> c.register(issuerCheck));
        var providerArn = existingOidcProviderArn.map(Output::of).orElseGet(() -> provider.orElseThrow().arn());
        var trustPolicy = Output.tuple(providerArn, binding.issuer().issuerUrl()).applyValue(t -> {
            var json = TrustPolicies.webIdentity(new TrustPolicies.TrustedIssuer(t.t1, IamOidcProviderUrls.hostPath(t.t2)),
                    binding.subjects());
            TrustPolicies.requireTrustWithinQuota(binding.workload(), TrustPolicies.iamLength(json), IrsaIdentity.DEFAULT_MAX_TRUST_POLICY_SIZE, false);
            return json;
        });
        // The trust names the provider's ARN, so the role waits for the provider through its input.
        var federated = FederatedRole.create(owner, binding, role, trustPolicy, grants);
        var token = new ProjectedToken(TOKEN_VOLUME, AwsOidcCluster.STS_AUDIENCE, TOKEN_DIRECTORY, "token",
                ProjectedToken.DEFAULT_EXPIRATION_SECONDS);
        var env = new LinkedHashMap<String, Output<String>>();
        env.put("AWS_ROLE_ARN", federated.identity().roleArn());
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", Output.of(token.path()));
        var awsRegion = region.map(Output::of).orElseGet(() -> providersRegion(owner));
        env.put("AWS_REGION", awsRegion);
        POD_ENV.forEach((key, value) -> env.put(key, Output.of(value)));
        var ready = new ArrayList<Resource>(federated.attachments());
        provider.ifPresent(ready::add);
        return new CloudBinding(federated.identity(), Output.of(Map.of()),
                new PodNeeds(Map.of(), env, Map.of(), List.of(token), List.of()), ready,
                Optional.of(AwsPipelineLogin.of(federated.identity().roleArn(), awsRegion)));
    }

    /**
     * IAM's condition keys for an OIDC provider other than a few named ones (Google, Cognito,
     * Facebook, Amazon) are the issuer's {@code aud}, {@code sub} and {@code amr}: a role's trust
     * cannot check GitHub's {@code repository_id} or any other claim. Asked for, a pin would be
     * silently unchecked, so it is refused.
     *
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif">IAM: available keys for AWS OIDC federation</a>
     */
    private static void requireNoClaimsBeyondSubject(AwsBinding binding) {
        for (int i = 0; i < binding.subjects().size(); i++) {
            var subject = binding.subjects().get(i);
            if (!subject.requiredClaims().isEmpty()) {
                throw InvalidInputException.of("subjects[" + i + "]", subject.value() + " requiring " + subject.requiredClaims().keySet(),
                        "a subject with no claims beyond 'sub' for AWS: an IAM role's trust can check only the issuer's 'aud' and 'sub' "
                                + "(pin the repository ids on GCP only, or leave pinnedToIds(...) out)");
            }
        }
    }

    // The region of the provider the role is made through: STS is called there.
    private Output<String> providersRegion(ComponentResource owner) {
        return ProviderAnswers.once("aws:index/getRegion:getRegion", owner, role.provider,
                options -> AwsFunctions.getRegion(GetRegionArgs.builder().build(), options).applyValue(r -> r.name()));
    }

    /** Builds an {@link AwsFederation}. */
    public static final class Builder extends RoleSettings.Builder<Builder> {
        private String region;
        private String existingOidcProviderArn;

        private Builder() {
        }

        /**
         * The region the pods call STS in ({@code AWS_REGION}). Defaults to the region of the AWS
         * provider the role is created through.
         *
         * @param region an AWS region, e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw InvalidInputException.of("region", region, "an AWS region such as eu-west-1");
            }
            this.region = region;
            return this;
        }

        /**
         * Trusts an IAM OIDC provider for the issuer that already exists in the role's account
         * instead of creating one: IAM refuses a second provider for one URL in an account.
         * Defaults to a provider keyless creates, shared by the program's workloads.
         *
         * @param providerArn {@code arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH}
         * @return this builder
         */
        public Builder existingOidcProviderArn(String providerArn) {
            this.existingOidcProviderArn = Arns.requireOidcProviderArn("existingOidcProviderArn", providerArn);
            return this;
        }

        /** @return the mechanism */
        public AwsFederation build() {
            return new AwsFederation(this);
        }
    }
}
