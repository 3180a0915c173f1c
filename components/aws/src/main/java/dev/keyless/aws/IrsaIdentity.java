package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.AlsoTrustedClusters;
import dev.keyless.core.Checks;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.EngineWarnings;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ServiceAccountRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM Roles for Service Accounts: an IAM role that trusts the cluster's IAM OIDC provider for
 * exactly one ServiceAccount ({@code StringEquals} on both {@code sub} and {@code aud}), and the
 * ServiceAccount annotated {@code eks.amazonaws.com/role-arn}. The default on EKS.
 *
 * <p>Wider trust is opt-in and named: {@link Builder#alsoTrustedBy} for the same ServiceAccount in
 * other clusters, {@link Builder#trustServiceAccountsMatching} for a name pattern (then
 * {@code StringLike} on the subject).
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html">IAM roles for service accounts</a>
 */
public final class IrsaIdentity extends AwsIdentity {
    /** IAM's default quota for a role's trust policy, in characters without whitespace. */
    public static final int DEFAULT_MAX_TRUST_POLICY_SIZE = 2048;
    /** The largest trust policy quota IAM grants on request. */
    public static final int LARGEST_TRUST_POLICY_QUOTA = 8192;
    /** The ServiceAccount annotation the EKS Pod Identity Webhook reads. */
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";

    private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9.*?-]{1,253}");

    private final List<AwsOidcCluster> alsoTrustedBy;
    private final Optional<String> serviceAccountPattern;
    private final int maxTrustPolicySize;
    private final Optional<String> roleAccountId;
    private final Optional<String> existingOidcProviderArn;

    private IrsaIdentity(Builder builder) {
        super(builder.roleSettings());
        this.alsoTrustedBy = List.copyOf(builder.alsoTrustedBy);
        this.serviceAccountPattern = Optional.ofNullable(builder.serviceAccountPattern);
        this.maxTrustPolicySize = builder.maxTrustPolicySize;
        this.roleAccountId = Optional.ofNullable(builder.roleAccountId);
        this.existingOidcProviderArn = Optional.ofNullable(builder.existingOidcProviderArn);
    }

    /** @return IRSA with a new role and default options */
    public static IrsaIdentity defaults() {
        return builder().build();
    }

    /** @return a builder for IRSA with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "IRSA";
    }

    @Override
    AwsBinding checked(dev.keyless.core.BindingRequest request) {
        var binding = AwsBinding.onEks(request, displayName());
        var named = roleAccountId.or(() -> existingOidcProviderArn.map(Arns::accountOf));
        return binding.inAccount(named.or(() -> clusterAccountUnlessOtherProvider(binding.eksCluster())));
    }

    @Override
    IdentityPlan plan(AwsBinding binding, GrantDocuments grants) {
        var account = binding.account();
        AlsoTrustedClusters.requireOthers(binding.eksCluster(), alsoTrustedBy);
        serviceAccountPattern.ifPresent(pattern -> requirePatternMatchesOwnName(pattern, account));
        if (role.existingRoleArn.isPresent()) {
            var reason = "keyless does not change an existing role's trust policy";
            if (!alsoTrustedBy.isEmpty()) {
                throw InvalidInputException.conflict("existingRoleArn", "alsoTrustedBy", reason);
            }
            if (serviceAccountPattern.isPresent()) {
                throw InvalidInputException.conflict("existingRoleArn", "trustServiceAccountsMatching", reason);
            }
        } else {
            checkTrustPolicySize(account, TrustPolicies.iamLength(TrustPolicies.webIdentity(
                    TrustSizeBound.longestIssuers(1 + alsoTrustedBy.size()), subject(account), serviceAccountPattern.isPresent())), true);
        }
        var clusters = new ArrayList<AwsOidcCluster>();
        clusters.add(binding.eksCluster());
        clusters.addAll(alsoTrustedBy);
        requireDistinctPlainIssuers(clusters);
        var roleAccount = CrossAccountTrust.plan(binding.eksCluster(), roleAccountId, existingOidcProviderArn, role, !alsoTrustedBy.isEmpty());
        if (roleAccount.isPresent() && role.existingRoleArn.isEmpty()) {
            // The role lives in another account than the cluster's provider: it trusts a provider of
            // its own account for the cluster's issuer, registered (once for the program) as it binds.
            var other = roleAccount.get();
            var issuerCheck = DeployTimeCheck.of(binding.eksCluster().issuerUrl().applyValue(url -> EksNames.requireIssuerUrl("issuerUrl", url)));
            return IdentityPlan.of(owner -> bind(owner, binding,
                    trustPolicy(binding.account(), clusters, c -> other.providerArn(issuerCheck)), grants), List.of(),
                    issuerCheck.and(other.check()));
        }
        // Issuers and providers given as text make the trust here, checked before anything
        // registers. Those from other stacks are known only at deploy time: the binding registers
        // nothing, the role included, until the trust they make is checked. A role whose account
        // is known only then must turn out to be in the cluster provider's account.
        var knownTrust = role.existingRoleArn.isPresent() ? Optional.<String>empty() : knownTrustPolicy(binding.account(), clusters);
        var trustPolicy = knownTrust.map(Output::of).orElseGet(() -> trustPolicy(binding.account(), clusters, AwsOidcCluster::oidcProviderArn));
        var checks = role.existingRoleArn.isPresent() || knownTrust.isPresent() ? DeployTimeCheck.none() : DeployTimeCheck.of(trustPolicy);
        checks = checks.and(CrossAccountTrust.sameAccountCheck(binding.eksCluster(), roleAccountId, role));
        return IdentityPlan.of(owner -> bind(owner, binding, trustPolicy, grants), alsoTrustedBy, checks);
    }

    private Output<String> trustPolicy(ServiceAccountRef account, List<AwsOidcCluster> clusters,
                                       java.util.function.Function<AwsOidcCluster, Output<String>> providerArn) {
        var issuers = clusters.stream()
                .map(c -> Output.tuple(providerArn.apply(c), c.issuerUrl()).applyValue(t -> TrustPolicies.TrustedIssuer.of(t.t1, t.t2)))
                .toList();
        return Output.all(issuers).applyValue(list -> trustPolicyOf(account, list, clusters));
    }

    /** @return the trust policy when every cluster's issuer and provider ARN were given as text */
    private Optional<String> knownTrustPolicy(ServiceAccountRef account, List<AwsOidcCluster> clusters) {
        if (!clusters.stream().allMatch(c -> c.plainIssuerUrl().isPresent() && c.plainOidcProviderArn().isPresent())) {
            return Optional.empty();
        }
        var issuers = clusters.stream()
                .map(c -> TrustPolicies.TrustedIssuer.of(c.plainOidcProviderArn().orElseThrow(), c.plainIssuerUrl().orElseThrow()))
                .toList();
        return Optional.of(trustPolicyOf(account, issuers, clusters));
    }

    private String trustPolicyOf(ServiceAccountRef account, List<TrustPolicies.TrustedIssuer> issuers, List<AwsOidcCluster> clusters) {
        requireDistinctIssuers(issuers.stream().map(TrustPolicies.TrustedIssuer::issuerHostPath).toList(), clusters);
        var json = TrustPolicies.webIdentity(issuers, subject(account), serviceAccountPattern.isPresent());
        // The bound checked at preview covers every EKS issuer; this is the exact figure.
        checkTrustPolicySize(account, TrustPolicies.iamLength(json), false);
        return json;
    }

    private CloudBinding bind(ComponentResource owner, AwsBinding binding, Output<String> trustPolicy, GrantDocuments grants) {
        if (serviceAccountPattern.filter("*"::equals).isPresent()) {
            EngineWarnings.warn(owner, "the role of " + binding.account().namespace() + "/" + binding.account().name()
                    + " trusts every ServiceAccount in namespace " + binding.account().namespace() + " (pattern '*')");
        }
        var role = FederatedRole.create(owner, binding, this.role, trustPolicy, grants);
        return new CloudBinding(
                role.identity(),
                role.identity().roleArn().applyValue(arn -> Map.of(ROLE_ARN_ANNOTATION, arn)),
                Map.of(),
                POD_ENV,
                Map.of(),
                role.attachments());
    }

    // Plain issuers are compared before anything is registered; the rest once known (trustPolicy).
    private static void requireDistinctPlainIssuers(List<AwsOidcCluster> clusters) {
        if (clusters.stream().allMatch(c -> c.plainIssuerUrl().isPresent())) {
            requireDistinctIssuers(clusters.stream().map(c -> c.plainIssuerUrl().orElseThrow()).toList(), clusters);
        }
    }

    // Two adopted clusters with one issuer would repeat a statement: one of them is adopted twice.
    private static void requireDistinctIssuers(List<String> issuers, List<AwsOidcCluster> clusters) {
        for (int i = 0; i < issuers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (issuers.get(i).equals(issuers.get(j))) {
                    throw InvalidInputException.of("alsoTrustedBy", clusters.get(i).describe(),
                            "a cluster with an issuer of its own, but it has the issuer of " + clusters.get(j).describe()
                                    + " (the same cluster adopted twice?)");
                }
            }
        }
    }

    private String subject(ServiceAccountRef account) {
        return serviceAccountPattern
                .map(pattern -> "system:serviceaccount:" + account.namespace() + ":" + pattern)
                .orElse(account.subject());
    }

    private void checkTrustPolicySize(ServiceAccountRef account, int length, boolean estimate) {
        TrustPolicies.requireTrustWithinQuota(account.namespace() + "/" + account.name(), length, maxTrustPolicySize, estimate);
    }

    private static void requirePatternMatchesOwnName(String pattern, ServiceAccountRef account) {
        var regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        if (!account.name().matches(regex)) {
            throw InvalidInputException.of("trustServiceAccountsMatching", pattern,
                    "a pattern that matches the ServiceAccount's own name '" + account.name() + "'");
        }
    }

    /** Builds an {@link IrsaIdentity}. */
    public static final class Builder extends RoleSettings.Builder<Builder> {
        private final List<AwsOidcCluster> alsoTrustedBy = new ArrayList<>();
        private String serviceAccountPattern;
        private int maxTrustPolicySize = DEFAULT_MAX_TRUST_POLICY_SIZE;
        private String roleAccountId;
        private String existingOidcProviderArn;

        private Builder() {
        }

        /**
         * The AWS account the role is created in, when it is not the account of the cluster's IAM
         * OIDC provider: a role can federate only a provider of its own account, so keyless then
         * creates a provider for the cluster's issuer in the role's account (through
         * {@link #provider}, which must be given) and trusts it. Defaults to the cluster
         * provider's account; with an explicit {@link #provider} and no account, the provider's
         * account is compared with the cluster's at deploy and a difference refused.
         *
         * @param accountId 12 digits
         * @return this builder
         */
        public Builder roleAccountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw InvalidInputException.of("roleAccountId", accountId, "an AWS account id of 12 digits");
            }
            this.roleAccountId = accountId;
            return this;
        }

        /**
         * An IAM OIDC provider for the cluster's issuer that already exists in the role's account,
         * to trust instead of the cluster's (IAM refuses a second provider for one URL in an
         * account). Its account is the role's. Defaults to the cluster's provider.
         *
         * @param providerArn {@code arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH}
         * @return this builder
         */
        public Builder existingOidcProviderArn(String providerArn) {
            this.existingOidcProviderArn = Arns.requireOidcProviderArn("existingOidcProviderArn", providerArn);
            return this;
        }

        /**
         * Lets the same {@code namespace/name} in another cluster assume the role, e.g. blue/green
         * clusters. Each adds one statement to the trust policy. Defaults to none.
         *
         * @param cluster another EKS cluster
         * @return this builder
         */
        public Builder alsoTrustedBy(AwsOidcCluster cluster) {
            this.alsoTrustedBy.add(Checks.notNull("alsoTrustedBy", cluster, "an EKS cluster (EksCluster or AdoptedEksCluster)"));
            return this;
        }

        /**
         * Widens trust from the one ServiceAccount to every ServiceAccount in its namespace whose
         * name matches a pattern, e.g. {@code jenkins-agent-*} for agents with generated names.
         * The trust policy then uses {@code StringLike} on the subject; the audience stays exact.
         * The pattern must match the ServiceAccount's own name. Defaults to exact trust.
         *
         * @param namePattern a name pattern with '*' or '?'
         * @return this builder
         */
        public Builder trustServiceAccountsMatching(String namePattern) {
            if (namePattern == null || !NAME_PATTERN.matcher(namePattern).matches() || !(namePattern.contains("*") || namePattern.contains("?"))) {
                throw InvalidInputException.of("trustServiceAccountsMatching", namePattern,
                        "a ServiceAccount name pattern of [a-z0-9.-] with at least one '*' or '?' (IAM StringLike)");
            }
            this.serviceAccountPattern = namePattern;
            return this;
        }

        /**
         * The trust policy size to check against, for accounts whose IAM quota was raised.
         * Defaults to {@value IrsaIdentity#DEFAULT_MAX_TRUST_POLICY_SIZE}.
         *
         * @param characters the quota, 2048 to 8192
         * @return this builder
         */
        public Builder maxTrustPolicySize(int characters) {
            if (characters < DEFAULT_MAX_TRUST_POLICY_SIZE || characters > LARGEST_TRUST_POLICY_QUOTA) {
                throw InvalidInputException.of("maxTrustPolicySize", characters,
                        "between 2048 (IAM's default quota) and 8192 (the largest IAM grants)");
            }
            this.maxTrustPolicySize = characters;
            return this;
        }

        /** @return the mechanism */
        public IrsaIdentity build() {
            return new IrsaIdentity(this);
        }
    }
}
