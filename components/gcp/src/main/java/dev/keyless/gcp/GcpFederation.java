package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProvider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs;
import com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.Checks;
import dev.keyless.core.Cloud;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.ConfigFile;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.KubernetesNames;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.PodNeeds;
import dev.keyless.core.ProgramClaims;
import dev.keyless.core.ProjectedToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Workload Identity Federation into Google Cloud from any OIDC issuer (an EKS or AKS cluster, a
 * self-managed one): the issuer's tokens for one ServiceAccount are exchanged at Google's STS
 * for Google credentials, with no key anywhere. GCP's default federation: a GCP grant on a
 * workload of another cloud's cluster gets it.
 *
 * <ul>
 *   <li>A workload identity pool per issuer and project, shared by every workload of the program
 *       federated from that issuer ({@code CLUSTER-gcp-pool-ID}, the cluster's child), protected.</li>
 *   <li>Per workload, an OIDC provider in that pool ({@code NAME-gcp-provider}) with
 *       {@code issuerUri} the issuer, {@code google.subject = assertion.sub}, and the condition
 *       {@code assertion.sub == 'system:serviceaccount:NS:SA'}: it admits this one ServiceAccount.</li>
 *   <li>Grants naming {@code principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/subject/SUBJECT},
 *       or, with {@link Builder#impersonating}, a Google service account the principal may impersonate.</li>
 *   <li>Pod needs: a projected token for the provider's audience, the credential configuration
 *       for Google's client libraries as a ConfigMap, and {@code GOOGLE_APPLICATION_CREDENTIALS}.</li>
 * </ul>
 *
 * <p>Why a provider per workload rather than per issuer: a provider's condition is what admits a
 * subject, and one written by the first workload cannot know the subjects of workloads added
 * later; a shared condition would be edited by every workload and widened by mistake. Each
 * provider admits exactly one subject, and the pool keeps the principals of one issuer together.
 *
 * @see <a href="https://cloud.google.com/iam/docs/workload-identity-federation-with-kubernetes">Workload Identity Federation with Kubernetes</a>
 */
public final class GcpFederation implements IdentityMechanism {
    /** Where the projected token is mounted. */
    public static final String TOKEN_DIRECTORY = "/var/run/secrets/keyless/gcp";
    /** Where the credential configuration is mounted. */
    public static final String CREDENTIALS_DIRECTORY = "/etc/keyless/gcp";
    /** The credential configuration's file name. */
    public static final String CREDENTIALS_FILE = "credentials.json";
    /** The variable Google's client libraries read the credential configuration's path from. */
    public static final String CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

    private final Optional<String> plainProject;
    private final Optional<Output<String>> givenProject;
    private final Optional<String> projectNumber;
    private final Optional<Provider> provider;
    private final Optional<String> poolId;
    private final Optional<String> providerId;
    private final boolean protectPool;
    private final Optional<ImpersonatedAccount> impersonated;
    private final Function<InvokeOptions, Output<String>> projectIdSource;
    private final BiFunction<Output<String>, InvokeOptions, Output<String>> projectNumberSource;

    private GcpFederation(Builder builder) {
        this.plainProject = Optional.ofNullable(builder.plainProject);
        this.givenProject = Optional.ofNullable(builder.givenProject);
        this.projectNumber = Optional.ofNullable(builder.projectNumber);
        this.provider = Optional.ofNullable(builder.provider);
        this.poolId = Optional.ofNullable(builder.poolId);
        this.providerId = Optional.ofNullable(builder.providerId);
        this.protectPool = builder.protectPool;
        this.impersonated = Optional.ofNullable(builder.impersonated);
        this.projectIdSource = builder.projectIdSource;
        this.projectNumberSource = builder.projectNumberSource;
    }

    /** @return direct federation, the project and its number from the gcp provider: GCP's default federation */
    public static GcpFederation defaults() {
        return builder().build();
    }

    /** @return a builder for federation with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "GCP Workload Identity Federation";
    }

    /** @return {@link GcpCloud#CLOUD} */
    @Override
    public Cloud cloud() {
        return GcpCloud.CLOUD;
    }

    @Override
    public IdentityPlan plan(BindingRequest request) {
        var grants = CloudMatch.grants(request.grants(), GcpGrant.class, "a GCP grant (GcsAccess)", displayName(),
                "a Google Cloud principal can only hold Google Cloud roles");
        var cluster = request.issuer();
        var trusted = requireOneExactSubject(request);
        var account = trusted.serviceAccount();
        var name = request.baseName();
        var issuerField = "issuer of " + cluster.describe();
        var plainIssuer = cluster.plainIssuerUrl().map(url -> OidcIssuer.requireHttps(issuerField, url));
        var subject = WorkloadIdentityPoolIds.requireSubject(account.isPresent() ? "namespace and name" : "subject", trusted.value());
        var providerField = providerId.isPresent() ? "providerId" : account.isPresent() ? "providerId (from the namespace and name)"
                : "providerId (from the component's name)";
        // A pipeline has no namespace: its provider is named after the component.
        var chosenProviderId = providerId.orElseGet(() -> account
                .map(a -> WorkloadIdentityPoolIds.deriveProviderId(a.namespace(), a.name()))
                .orElseGet(() -> WorkloadIdentityPoolIds.deriveProviderId("ci", name)));
        var configMapName = account.map(a -> a.name()).orElse(name) + "-gcp-credentials";
        if (account.isPresent()) {
            KubernetesNames.requireSubdomain("name (its ConfigMap " + configMapName + ")", configMapName);
        }
        var workload = account.map(a -> "Kubernetes ServiceAccount " + a.namespace() + "/" + a.name()).orElse(trusted.description());

        // One pool per issuer and project. While the issuer is known only at deploy, the cluster
        // stands for it: the pool id must be plain, as it is in the pool's and every principal's name.
        var issuerKey = plainIssuer.orElseGet(() -> "cluster " + cluster.describe());
        var chosenPoolId = poolId.orElseGet(() -> WorkloadIdentityPoolIds.derivePoolId(issuerKey));
        var project = ProjectSource.of(this);
        var pool = FederatedPool.join(project.key(), issuerKey, chosenPoolId, protectPool, name);
        pool.claimProvider(chosenProviderId, providerField, name);
        var accountId = impersonated.flatMap(ImpersonatedAccount::newAccountId)
                .map(id -> id.isEmpty() ? ServiceAccountIds.derive(name) : id);
        accountId.ifPresent(id -> plainProject.ifPresent(p -> ProgramClaims.current().claim(
                ServiceAccountIds.claim(impersonated.get().field(), p, id), name)));

        var projectLookup = new ProjectIdLookup(projectIdSource, provider, "project");
        Output<String> projectId = plainProject.map(Output::of)
                .or(() -> givenProject)
                .orElseGet(projectLookup::projectId);
        var numberLookup = new ProjectNumberLookup(projectId, projectNumberSource, provider);
        Output<String> number = projectNumber.map(Output::of).orElseGet(numberLookup::number);

        // Values known only at deploy are checked before the component registers anything.
        var checks = plainIssuer.isPresent() ? DeployTimeCheck.none()
                : DeployTimeCheck.of(cluster.issuerUrl().applyValue(url -> OidcIssuer.requireHttps(issuerField, url)));
        if (plainProject.isEmpty()) {
            checks = checks.and(DeployTimeCheck.afterEarlierPassed(() -> projectId));
            var sharedProject = pool.project();
            if (sharedProject != null) {
                checks = checks.and(DeployTimeCheck.afterEarlierPassed(() -> Output.tuple(sharedProject, projectId).applyValue(t -> {
                    if (!t.t1.equals(t.t2)) {
                        throw InvalidInputException.of("project", t.t2, "the project of the pool this workload shares ("
                                + chosenPoolId + " in '" + t.t1 + "'): give workloads of one issuer in other projects their own provider(...)");
                    }
                    return t.t2;
                })));
            }
        }
        checks = checks.and(pool.claimPoolId(projectId, plainProject, name));
        if (projectNumber.isEmpty()) {
            checks = checks.and(DeployTimeCheck.afterEarlierPassed(numberLookup::number));
        }
        for (var grant : grants) {
            checks = checks.and(grant.deployTimeChecks());
        }
        var planned = new Planned(name, workload, account.map(a -> a.namespace() + "/" + a.name()).orElse(trusted.description()),
                trusted, cluster, grants, pool, project,
                chosenProviderId, configMapName, accountId, projectId, number, projectLookup, numberLookup);
        var allChecks = checks;
        return IdentityPlan.of(owner -> bind(owner, planned, allChecks), List.of(), checks);
    }

    /**
     * @param poolChecks the plan's deploy-time checks: the pool registers outside the component,
     *                   so the component's gate does not hold it, and it waits for them itself,
     *                   as a namespace the cluster owns does
     */
    private CloudBinding bind(ComponentResource owner, Planned planned, DeployTimeCheck poolChecks) {
        if (plainProject.isEmpty() && givenProject.isEmpty()) {
            planned.projectLookup().runAs(owner);
        }
        if (projectNumber.isEmpty()) {
            planned.numberLookup().runAs(owner);
        }
        var cluster = planned.cluster();
        var parent = cluster instanceof Resource resource ? Optional.of(resource) : Optional.<Resource>empty();
        // An issuer that is no resource (a CI system's) names its pool after its host, so that two
        // such issuers' pools never share a name.
        var prefix = parent.map(Resource::pulumiResourceName).orElseGet(() -> cluster instanceof OidcCluster
                ? "keyless" : "keyless-" + cluster.plainIssuerUrl().map(GcpFederation::hostName).orElse("issuer"));
        var clusterReady = cluster instanceof OidcCluster c && c.readiness() != parent.orElse(null)
                ? List.of(c.readiness()) : List.<Resource>of();
        var pool = planned.pool().register(cluster, planned.projectId(), parent, provider,
                poolChecks.passed().applyValue(none -> clusterReady), prefix + "-gcp-pool" + planned.project().nameSuffix());

        var poolId = planned.pool().poolId();
        var audience = audience(poolId, planned.providerId());
        var options = CustomResourceOptions.builder().parent(owner).dependsOn(pool);
        provider.ifPresent(options::provider);
        var oidcProvider = new WorkloadIdentityPoolProvider(planned.baseName() + "-gcp-provider", WorkloadIdentityPoolProviderArgs.builder()
                .project(planned.projectId())
                .workloadIdentityPoolId(pool.workloadIdentityPoolId())
                .workloadIdentityPoolProviderId(planned.providerId())
                .displayName(WorkloadIdentityPoolIds.cut(planned.providerId(), WorkloadIdentityPoolIds.MAX_DISPLAY_NAME))
                .description(WorkloadIdentityPoolIds.cut(planned.workload() + " of " + cluster.describe(), WorkloadIdentityPoolIds.MAX_DESCRIPTION))
                .attributeMapping(Map.of("google.subject", "assertion.sub"))
                .attributeCondition(attributeCondition(planned.subject().value(), planned.subject().requiredClaims()))
                .oidc(WorkloadIdentityPoolProviderOidcArgs.builder()
                        .issuerUri(cluster.issuerUrl())
                        .allowedAudiences(List.of(audience))
                        .build())
                .build(),
                options.build());

        var principal = planned.number().applyValue(n -> principal(n, poolId, planned.subject().value()));
        var ready = new ArrayList<Resource>(List.of(oidcProvider));
        GcpPrincipal identity;
        Optional<Output<String>> impersonatedEmail;
        if (impersonated.isPresent()) {
            var account = ImpersonatedServiceAccount.register(owner, planned.baseName(), impersonated.get().existingEmail(),
                    Output.of(planned.accountId().orElse("")), planned.projectId(), principal,
                    planned.shortName(),
                    "Impersonated by " + planned.workload() + " through Workload Identity Federation from " + cluster.describe(),
                    List.of(oidcProvider), provider);
            identity = account.identity();
            impersonatedEmail = Optional.of(account.identity().email());
            ready.add(account.workloadIdentityUser());
        } else {
            identity = new WorkloadPrincipal(principal);
            impersonatedEmail = Optional.empty();
        }
        // A role binding naming a pool principal before the pool and its provider exist fails.
        var context = GrantContext.forGrants(owner, planned.baseName(), List.of(oidcProvider), planned.grants());
        for (var grant : planned.grants()) {
            ready.addAll(grant.bindTo(identity, context));
        }

        var token = new ProjectedToken("gcp-token", audience, TOKEN_DIRECTORY, "token", ProjectedToken.DEFAULT_EXPIRATION_SECONDS);
        var providerName = planned.number().applyValue(n -> providerName(n, poolId, planned.providerId()));
        var content = impersonatedEmail
                .map(email -> Output.tuple(providerName, email).applyValue(t -> CredentialConfiguration.json(t.t1, token.path(), Optional.of(t.t2))))
                .orElseGet(() -> providerName.applyValue(n -> CredentialConfiguration.json(n, token.path(), Optional.empty())));
        var file = new ConfigFile(planned.configMapName(), "gcp-credentials", CREDENTIALS_DIRECTORY, CREDENTIALS_FILE, content);
        var needs = new PodNeeds(Map.of(), Map.of(CREDENTIALS_ENV, Output.of(file.path())), Map.of(), List.of(token), List.of(file));
        return new CloudBinding(identity, Output.of(Map.of()), needs, ready,
                Optional.of(GcpPipelineLogin.of(providerName, audience, impersonatedEmail)));
    }

    /**
     * A provider's grants name one principal, {@code .../subject/SUBJECT}: one exact subject per
     * GCP identity. A pattern would need grants to a principal set of the whole pool, which every
     * other workload of the issuer shares, so it is refused rather than widened.
     */
    private static dev.keyless.core.Subject requireOneExactSubject(BindingRequest request) {
        if (request.subjects().size() != 1) {
            throw InvalidInputException.of("subjects", request.subjects().stream().map(dev.keyless.core.Subject::value).toList(),
                    "one subject for a GCP identity (its grants name one principal): give each subject its own identity");
        }
        var subject = request.subjects().get(0);
        if (subject.pattern()) {
            throw InvalidInputException.of("subject", subject.value(), "an exact subject for GCP: a principal names one subject, "
                    + "and a principal set of the pool would admit every workload of the issuer");
        }
        return subject;
    }

    private static String hostName(String url) {
        return java.net.URI.create(url).getHost().replaceAll("[^A-Za-z0-9-]+", "-");
    }

    /**
     * The one subject the provider admits, as a CEL string (quotes and backslashes escaped; a
     * ServiceAccount's subject has none).
     *
     * @see <a href="https://cloud.google.com/iam/docs/workload-identity-federation#conditions">Attribute conditions</a>
     */
    static String attributeCondition(String subject) {
        return "assertion.sub == '" + celString(subject) + "'";
    }

    /**
     * The subject and every pinned claim, e.g. GitHub's {@code repository_id}: the provider admits
     * a token only when all hold.
     *
     * @see <a href="https://github.com/google-github-actions/auth/blob/main/docs/SECURITY_CONSIDERATIONS.md">google-github-actions/auth: conditions on the numeric ids</a>
     */
    static String attributeCondition(String subject, Map<String, String> claims) {
        var condition = new StringBuilder(attributeCondition(subject));
        new java.util.TreeMap<>(claims).forEach((claim, value) ->
                condition.append(" && assertion.").append(claim).append(" == '").append(celString(value)).append("'"));
        return condition.toString();
    }

    // Kubernetes names hold none of these; GitHub environment names may.
    private static String celString(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    /**
     * The audience the provider accepts and the projected token carries. Google's default, the
     * provider's full resource name, holds the project number, which is known only at deploy,
     * while a projected token's audience is a plain pod-spec value: the provider names this
     * audience explicitly instead ({@code allowedAudiences}, at most 256 characters each). It is
     * the provider's own, so no other cloud's federation accepts the token.
     *
     * @see <a href="https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers#oidc">Oidc.allowedAudiences</a>
     */
    static String audience(String poolId, String providerId) {
        return "https://sts.googleapis.com/workloadIdentityPools/" + poolId + "/providers/" + providerId;
    }

    static String principal(String number, String poolId, String subject) {
        return "principal://iam.googleapis.com/projects/" + number + "/locations/global/workloadIdentityPools/" + poolId + "/subject/" + subject;
    }

    static String providerName(String number, String poolId, String providerId) {
        return "//iam.googleapis.com/projects/" + number + "/locations/global/workloadIdentityPools/" + poolId + "/providers/" + providerId;
    }

    private record Planned(String baseName, String workload, String shortName, dev.keyless.core.Subject subject, OidcIssuer cluster,
                           List<GcpGrant> grants, FederatedPool pool, ProjectSource project, String providerId,
                           String configMapName, Optional<String> accountId, Output<String> projectId, Output<String> number,
                           ProjectIdLookup projectLookup, ProjectNumberLookup numberLookup) {
    }

    /**
     * What names the pool's project before it is known: the project id when given, otherwise the
     * provider that resolves it, so that workloads in one project share one pool.
     *
     * @param key        the key, for sharing and messages
     * @param nameSuffix what the pool's Pulumi name carries to stay unique across projects
     */
    private record ProjectSource(String key, String nameSuffix) {
        static ProjectSource of(GcpFederation federation) {
            if (federation.plainProject.isPresent()) {
                return new ProjectSource("project '" + federation.plainProject.get() + "'", "-" + federation.plainProject.get());
            }
            if (federation.givenProject.isPresent()) {
                return new ProjectSource("the project given as an Output", "");
            }
            return federation.provider
                    .map(p -> new ProjectSource("the project of gcp provider '" + p.pulumiResourceName() + "'", "-" + p.pulumiResourceName()))
                    .orElseGet(() -> new ProjectSource("the default gcp provider's project", ""));
        }
    }

    /**
     * The Google service account a federated workload impersonates.
     *
     * @param newAccountId  the id of the account to create ("" to derive it from the component's name); empty for an existing one
     * @param existingEmail the existing account's email; empty for a new one
     * @param field         the option, for messages
     */
    private record ImpersonatedAccount(Optional<String> newAccountId, Optional<String> existingEmail, String field) {
    }

    /** Builds a {@link GcpFederation}. */
    public static final class Builder {
        private String plainProject;
        private Output<String> givenProject;
        private String projectNumber;
        private Provider provider;
        private String poolId;
        private String providerId;
        private boolean protectPool = true;
        private ImpersonatedAccount impersonated;
        private Function<InvokeOptions, Output<String>> projectIdSource = ProjectIdLookup.GET_CLIENT_CONFIG;
        private BiFunction<Output<String>, InvokeOptions, Output<String>> projectNumberSource = ProjectNumberLookup.GET_PROJECT;

        private Builder() {
        }

        /**
         * The project the pool, the provider and the grants' principal are in. Defaults to the
         * gcp provider's project ({@code gcp.organizations.getClientConfig}); a workload is
         * refused when neither names one.
         *
         * @param projectId the project ID
         * @return this builder
         */
        public Builder project(String projectId) {
            this.plainProject = GcpNames.requireProjectId("project", projectId);
            this.givenProject = null;
            return this;
        }

        /**
         * @param projectId e.g. a StackReference output; checked once known. Every workload of one
         *                  issuer given its project this way shares one pool, so all must name the same project.
         * @return this builder
         * @see #project(String)
         */
        public Builder project(Output<String> projectId) {
            Checks.notNull("project", projectId, "the project ID");
            this.givenProject = projectId.applyValue(v -> GcpNames.requireProjectId("project", v));
            this.plainProject = null;
            return this;
        }

        /**
         * The project's number, which principals and the provider's name carry. Defaults to
         * looking it up with {@code gcp.organizations.getProject}, which needs {@code resourcemanager.projects.get}.
         *
         * @param projectNumber digits only
         * @return this builder
         */
        public Builder projectNumber(String projectNumber) {
            this.projectNumber = GcpNames.requireProjectNumber("projectNumber", projectNumber);
            return this;
        }

        /**
         * The gcp provider that registers the pool, the provider and the impersonated account and
         * answers the project lookups. Grants register with the component's providers: give the
         * same provider to the {@code FederatedServiceAccount} ({@code providers(...)}) too.
         *
         * @param provider the gcp provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = Checks.notNull("provider", provider, "a com.pulumi.gcp.Provider");
            return this;
        }

        /**
         * The pool's id, for a program that must keep an id it already has. Defaults to
         * {@code keyless-} and a hash of the issuer, the same on every run. Every workload of the
         * issuer in the project shares the pool, so all must give the same id.
         *
         * @param poolId 4 to 32 characters of {@code [a-z0-9-]}, not starting with {@code gcp-}
         * @return this builder
         */
        public Builder poolId(String poolId) {
            this.poolId = WorkloadIdentityPoolIds.requireId("poolId", poolId);
            return this;
        }

        /**
         * The workload's provider id in the pool. Defaults to {@code NAMESPACE-NAME}, or, when that
         * is not a valid id, to it cut to fit plus a short hash of it, the same on every run.
         *
         * @param providerId 4 to 32 characters of {@code [a-z0-9-]}, not starting with {@code gcp-}
         * @return this builder
         */
        public Builder providerId(String providerId) {
            this.providerId = WorkloadIdentityPoolIds.requireId("providerId", providerId);
            return this;
        }

        /**
         * Whether the shared pool is protected from deletion (the default). A deleted pool is kept
         * for 30 days and its id cannot be reused meanwhile; turn protection off only for stacks
         * that are torn down on purpose, such as tests. Every workload of the pool must agree.
         *
         * @param protect false to let {@code pulumi destroy} delete the pool
         * @return this builder
         */
        public Builder protectPool(boolean protect) {
            this.protectPool = protect;
            return this;
        }

        /**
         * Grants go to a new Google service account ({@code NAME-gsa}, its id derived from the
         * component's name) which the workload's principal may impersonate
         * ({@code roles/iam.workloadIdentityUser}), for APIs that do not accept federated
         * principals. The credential configuration names the account.
         *
         * @return this builder
         */
        public Builder impersonatingNewServiceAccount() {
            this.impersonated = new ImpersonatedAccount(Optional.of(""), Optional.empty(), "accountId (from the component's name)");
            return this;
        }

        /**
         * As {@link #impersonatingNewServiceAccount()}, with the new account's id given.
         *
         * @param accountId 6 to 30 of {@code [a-z0-9-]}, starting with a letter
         * @return this builder
         */
        public Builder impersonatingNewServiceAccount(String accountId) {
            this.impersonated = new ImpersonatedAccount(Optional.of(ServiceAccountIds.requireId("accountId", accountId)),
                    Optional.empty(), "accountId");
            return this;
        }

        /**
         * Grants go to an existing, user-managed Google service account, which the workload's
         * principal may impersonate ({@code roles/iam.workloadIdentityUser} on it). It must hold no keys.
         *
         * @param email {@code NAME@PROJECT_ID.iam.gserviceaccount.com}
         * @return this builder
         */
        public Builder impersonating(String email) {
            this.impersonated = new ImpersonatedAccount(Optional.empty(),
                    Optional.of(ServiceAccountIds.requireEmail("impersonating", email)), "impersonating");
            return this;
        }

        // Tests stand in for Google Cloud's answers to the lookups.
        Builder projectIdSource(Function<InvokeOptions, Output<String>> source) {
            this.projectIdSource = source;
            return this;
        }

        Builder projectNumberSource(BiFunction<Output<String>, InvokeOptions, Output<String>> source) {
            this.projectNumberSource = source;
            return this;
        }

        /** @return the mechanism */
        public GcpFederation build() {
            return new GcpFederation(this);
        }
    }
}
