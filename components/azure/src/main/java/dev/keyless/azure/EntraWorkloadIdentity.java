package dev.keyless.azure;

import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Entra Workload ID: a user-assigned managed identity with a federated identity
 * credential that trusts the cluster's issuer for exactly one ServiceAccount (subject
 * {@code system:serviceaccount:NS:NAME}, audiences exactly {@code ["api://AzureADTokenExchange"]}),
 * the ServiceAccount annotated {@code azure.workload.identity/client-id} and {@code tenant-id}, and
 * the pod template labelled {@code azure.workload.identity/use: "true"}, which the AKS webhook reads
 * to project the token. The default on AKS.
 *
 * <p>Wider trust is opt-in and named: {@link Builder#alsoTrustedBy} adds one credential per other
 * cluster for the same {@code namespace/name}. Credentials on one identity are created one after
 * another, since Entra ID answers concurrent writes with 409 Conflict. Tokens can fail
 * ({@code AADSTS70021}) for a short while after a credential is created, and role assignments can
 * take minutes to apply: the ServiceAccount waits for both to exist, and the workload should retry.
 *
 * @see <a href="https://learn.microsoft.com/azure/aks/workload-identity-overview">Use Microsoft Entra Workload ID with AKS</a>
 */
public final class EntraWorkloadIdentity implements IdentityMechanism {

    /** @return {@link AzureCloud#CLOUD} */
    @Override
    public final dev.keyless.core.Cloud cloud() {
        return AzureCloud.CLOUD;
    }

    /** The only audience Entra ID accepts for federated credentials in its public cloud. */
    public static final String AUDIENCE = "api://AzureADTokenExchange";
    /** The ServiceAccount annotation the webhook turns into {@code AZURE_CLIENT_ID}. */
    public static final String CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id";
    /** The ServiceAccount annotation the webhook turns into {@code AZURE_TENANT_ID}. */
    public static final String TENANT_ID_ANNOTATION = "azure.workload.identity/tenant-id";
    /** The pod label the webhook acts on; the value is the string "true". */
    public static final Map<String, String> POD_LABELS = Map.of("azure.workload.identity/use", "true");
    /** Tags that tell an auditor which workload an identity is for. */
    static final String NAMESPACE_TAG = "keyless-kubernetes-namespace";
    static final String SERVICE_ACCOUNT_TAG = "keyless-kubernetes-service-account";

    private final Optional<String> identityName;
    private final Optional<Output<String>> resourceGroupName;
    private final Optional<String> plainResourceGroupName;
    private final Optional<SharedManagedIdentity> existingIdentity;
    private final List<AzureOidcCluster> alsoTrustedBy;
    private final Optional<String> credentialName;

    private EntraWorkloadIdentity(Builder builder) {
        this.identityName = Optional.ofNullable(builder.identityName);
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
        this.plainResourceGroupName = Optional.ofNullable(builder.plainResourceGroupName);
        this.existingIdentity = Optional.ofNullable(builder.existingIdentity);
        this.alsoTrustedBy = List.copyOf(builder.alsoTrustedBy);
        this.credentialName = Optional.ofNullable(builder.credentialName);
    }

    /** @return Entra Workload ID with a new identity in the cluster's resource group */
    public static EntraWorkloadIdentity defaults() {
        return builder().build();
    }

    /** @return a builder for Entra Workload ID with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "Entra Workload ID";
    }

    @Override
    public IdentityPlan plan(BindingRequest request) {
        var binding = AzureBinding.of(request, displayName());
        if (alsoTrustedBy.contains(binding.cluster())) {
            throw InvalidInputException.of("alsoTrustedBy", binding.cluster().describe(), "a cluster other than the ServiceAccount's own");
        }
        if (new LinkedHashSet<>(alsoTrustedBy).size() != alsoTrustedBy.size()) {
            throw InvalidInputException.of("alsoTrustedBy", alsoTrustedBy.stream().map(OidcCluster::describe).toList(), "a list without repeats");
        }
        requireDistinctClusterNames();
        BlobAccess.requireOneResourceGroupPerAccount(binding.grants());
        Optional<Output<String>> identityGroup = Optional.empty();
        Optional<String> plainIdentityGroup = Optional.empty();
        CredentialLedger ledger;
        if (existingIdentity.isPresent()) {
            var reason = "an existing identity keeps its own name and resource group";
            identityName.ifPresent(n -> { throw InvalidInputException.conflict("existingIdentity", "identityName", reason); });
            resourceGroupName.ifPresent(n -> { throw InvalidInputException.conflict("existingIdentity", "resourceGroupName", reason); });
            ledger = existingIdentity.get().ledger();
        } else {
            identityGroup = Optional.of(resourceGroupName.or(() -> binding.cluster().resourceGroupName()).orElseThrow(() ->
                    InvalidInputException.missing("resourceGroupName", binding.cluster().describe()
                            + " names no resource group: give AdoptedAksClusterArgs.resourceGroupName(...) or "
                            + "EntraWorkloadIdentity.builder().resourceGroupName(...) for the new managed identity")));
            plainIdentityGroup = resourceGroupName.isPresent() ? plainResourceGroupName : binding.cluster().plainResourceGroupName();
            if (identityName.isEmpty()) {
                AzureNames.requireAutoNameFits("identityName", binding.childName("identity"), AzureNames.IDENTITY_NAME_RULE);
            }
            ledger = new CredentialLedger("managed identity '" + identityName.orElse(binding.childName("identity")) + "'");
        }
        var credentials = plannedCredentials(binding);
        var claims = ProgramClaims.current();
        ledger.check(ledgerField(), credentials);
        AzureClaims.claimAll(claims, plannedClaims(binding, credentials, plainIdentityGroup), binding.baseName());
        ledger.reserve(ledgerField(), credentials);
        var group = new IdentityGroup(identityGroup, plainIdentityGroup);
        // Values from other stacks (container names) are checked before anything of the binding
        // registers, as on GCP (GkeIdentity.plan): a bad one leaves no identity or credential behind.
        var checks = issuersOnceKnown(binding, ledger, credentials, claims);
        for (var grant : binding.grants()) {
            checks = checks.and(grant.deployTimeChecks());
        }
        return IdentityPlan.of(owner -> bind(owner, binding, group, ledger, credentials, claims), alsoTrustedBy, checks);
    }

    // Issuers that arrive as Outputs are compared once known, as a check the whole component waits
    // for (DeployTimeCheck): nothing of it registers when the trust is refused, and the refusal is
    // this rule's on every run, ahead of core's binding rule, which follows from the same clash.
    // Plain issuers were compared above.
    private DeployTimeCheck issuersOnceKnown(AzureBinding binding, CredentialLedger ledger,
                                             List<CredentialLedger.Credential> credentials, ProgramClaims claims) {
        if (credentials.stream().allMatch(c -> c.cluster().plainIssuerUrl().isPresent())) {
            return DeployTimeCheck.none();
        }
        return DeployTimeCheck.afterEarlierPassed(() -> Output.all(credentials.stream().map(c -> c.cluster().issuerUrl()).toList())
                .applyValue(known -> {
                    for (int i = 0; i < known.size(); i++) {
                        ledger.trustKnown(ledgerField(), credentials.get(i), known.get(i));
                        claims.claim(AzureClaims.trust(known.get(i), credentials.get(i).subject()), binding.baseName());
                    }
                    return known;
                }));
    }

    // What is known before deploy is claimed now; the rest once known, in bind().
    private List<ProgramClaims.Claim> plannedClaims(AzureBinding binding, List<CredentialLedger.Credential> credentials,
                                                    Optional<String> plainIdentityGroup) {
        var planned = new ArrayList<ProgramClaims.Claim>();
        for (var credential : credentials) {
            credential.cluster().plainIssuerUrl().ifPresent(issuer -> planned.add(AzureClaims.trust(issuer, credential.subject())));
        }
        plainIdentityGroup.ifPresent(group -> identityName.ifPresent(name -> planned.add(AzureClaims.identityName(group, name))));
        existingIdentity.ifPresent(existing -> binding.grants().forEach(grant -> planned.add(AzureClaims.grantOnIdentity(existing.resourceId(), grant))));
        return planned;
    }

    /** A new identity's resource group, and its value when known before deploy; empty for an existing identity. */
    private record IdentityGroup(Optional<Output<String>> group, Optional<String> plain) {
    }

    private String ledgerField() {
        return existingIdentity.isPresent() ? "existingIdentity" : "alsoTrustedBy";
    }

    // Other clusters' credentials and ServiceAccounts are keyed by the cluster's component name, which a
    // created and an adopted cluster may share: their children would have one URN.
    private void requireDistinctClusterNames() {
        var byName = new HashMap<String, AzureOidcCluster>();
        for (var other : alsoTrustedBy) {
            var earlier = byName.putIfAbsent(other.logicalName(), other);
            if (earlier != null) {
                throw InvalidInputException.of("alsoTrustedBy", other.describe(),
                        "a cluster whose component name no other alsoTrustedBy cluster has (" + earlier.describe()
                                + " has it too, and each names the children NAME-credential-CLUSTER and NAME-sa-CLUSTER)");
            }
        }
    }

    private List<CredentialLedger.Credential> plannedCredentials(AzureBinding binding) {
        var subject = binding.account().subject();
        var credentials = new ArrayList<CredentialLedger.Credential>();
        credentials.add(new CredentialLedger.Credential(binding.cluster(), subject, credentialName, binding.baseName()));
        for (var other : alsoTrustedBy) {
            var name = credentialName.map(n -> AzureNames.requireCredentialName("credentialName", n + "-" + other.logicalName()));
            credentials.add(new CredentialLedger.Credential(other, subject, name, binding.baseName()));
        }
        if (credentialName.isEmpty()) {
            for (var credential : credentials) {
                AzureNames.requireAutoNameFits("credentialName", credentialChildName(binding, credential), AzureNames.CREDENTIAL_NAME_RULE);
            }
        }
        return credentials;
    }

    private static String credentialChildName(AzureBinding binding, CredentialLedger.Credential credential) {
        return credential.cluster() == binding.cluster()
                ? binding.childName("credential")
                : binding.childName("credential-" + credential.cluster().logicalName());
    }

    private CloudBinding bind(ComponentResource owner, AzureBinding binding, IdentityGroup identityGroup,
                              CredentialLedger ledger, List<CredentialLedger.Credential> credentials, ProgramClaims claims) {
        var parent = CustomResourceOptions.builder().parent(owner).build();
        // Issuers that arrive as Outputs were checked before the component registered (issuersOnceKnown).
        var issuersKnownAtPlan = credentials.stream().allMatch(c -> c.cluster().plainIssuerUrl().isPresent());
        var checkedIssuers = Output.all(credentials.stream().map(c -> c.cluster().issuerUrl()).toList());
        ManagedIdentity identity;
        Output<String> groupOfIdentity;
        Output<String> nameOfIdentity;
        var waitFor = new ArrayList<Resource>();
        if (existingIdentity.isPresent()) {
            var existing = existingIdentity.get();
            var id = issuersKnownAtPlan ? Output.of(existing.resourceId()) : checkedIssuers.applyValue(ignored -> existing.resourceId());
            var read = UserAssignedIdentity.get(binding.childName("identity"), id, parent);
            identity = new ManagedIdentity(read.clientId(), read.principalId(), read.tenantId(), Optional.empty());
            groupOfIdentity = Output.of(existing.resourceGroupName());
            nameOfIdentity = Output.of(existing.name());
        } else {
            // A resource group known only at deploy time is checked for a same-named identity once known.
            var group = identityGroup.group().orElseThrow();
            var nameCheckedAtPlan = identityName.isEmpty() || identityGroup.plain().isPresent();
            if (!issuersKnownAtPlan || !nameCheckedAtPlan) {
                group = Output.tuple(group, checkedIssuers).applyValue(t -> {
                    identityName.ifPresent(name -> claims.claim(AzureClaims.identityName(t.t1, name), binding.baseName()));
                    return t.t1;
                });
            }
            var args = UserAssignedIdentityArgs.builder()
                    .resourceGroupName(group)
                    .tags(Map.of(NAMESPACE_TAG, binding.account().namespace(), SERVICE_ACCOUNT_TAG, binding.account().name()));
            identityName.ifPresent(args::resourceName);
            var created = new UserAssignedIdentity(binding.childName("identity"), args.build(), parent);
            identity = new ManagedIdentity(created.clientId(), created.principalId(), created.tenantId(), Optional.of(created));
            groupOfIdentity = group;
            nameOfIdentity = created.name();
            waitFor.add(created);
        }

        var ready = new ArrayList<Resource>();
        for (int i = 0; i < credentials.size(); i++) {
            var credential = credentials.get(i);
            var index = i;
            var options = CustomResourceOptions.builder().parent(owner);
            // Entra ID refuses concurrent credential writes on one identity: each follows the last.
            ledger.last().ifPresent(options::dependsOn);
            var args = FederatedIdentityCredentialArgs.builder()
                    .resourceGroupName(groupOfIdentity)
                    .resourceName(nameOfIdentity)
                    .issuer(issuersKnownAtPlan ? credential.cluster().issuerUrl() : checkedIssuers.applyValue(known -> known.get(index)))
                    .subject(credential.subject())
                    .audiences(AUDIENCE);
            credential.name().ifPresent(args::federatedIdentityCredentialResourceName);
            var registered = new FederatedIdentityCredential(credentialChildName(binding, credential), args.build(), options.build());
            ledger.registered(registered);
            ready.add(registered);
        }

        var grantContext = new GrantContext(owner, binding.baseName(), waitFor);
        for (var grant : binding.grants()) {
            ready.addAll(grant.bindTo(identity, grantContext));
        }
        return new CloudBinding(
                identity,
                Output.tuple(identity.clientId(), identity.tenantId())
                        .applyValue(t -> Map.of(CLIENT_ID_ANNOTATION, t.t1, TENANT_ID_ANNOTATION, t.t2)),
                POD_LABELS,
                Map.of(),
                Map.of(),
                ready);
    }

    /** Builds an {@link EntraWorkloadIdentity}. */
    public static final class Builder {
        private String identityName;
        private Output<String> resourceGroupName;
        private String plainResourceGroupName;
        private SharedManagedIdentity existingIdentity;
        private final List<AzureOidcCluster> alsoTrustedBy = new ArrayList<>();
        private String credentialName;

        private Builder() {
        }

        /**
         * The new managed identity's name. Defaults to azure-native's auto-name from {@code NAME-identity}.
         *
         * @param identityName 3 to 128 of {@code [A-Za-z0-9_-]}, starting with a letter or digit
         * @return this builder
         */
        public Builder identityName(String identityName) {
            this.identityName = AzureNames.requireIdentityName("identityName", identityName);
            return this;
        }

        /**
         * The resource group the new managed identity goes in. Defaults to the cluster's; required
         * for an adopted cluster that names none.
         *
         * @param resourceGroupName an existing resource group
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) {
            this.resourceGroupName = Output.of(AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName));
            this.plainResourceGroupName = resourceGroupName;
            return this;
        }

        /**
         * @param resourceGroupName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> resourceGroupName) {
            Checks.notNull("resourceGroupName", resourceGroupName, "a resource group name");
            this.resourceGroupName = resourceGroupName.applyValue(v -> AzureNames.requireResourceGroupName("resourceGroupName", v));
            this.plainResourceGroupName = null;
            return this;
        }

        /**
         * Binds to an existing identity instead of creating one: keyless adds its federated
         * credential and the role assignments. Pass the same object to every workload that shares
         * the identity. Excludes identityName and resourceGroupName.
         *
         * @param identity the identity
         * @return this builder
         */
        public Builder existingIdentity(SharedManagedIdentity identity) {
            this.existingIdentity = Checks.notNull("existingIdentity", identity, "a SharedManagedIdentity");
            return this;
        }

        /**
         * Lets the same {@code namespace/name} in another AKS cluster use the identity, e.g.
         * blue/green clusters: one more federated credential, {@code NAME-credential-CLUSTER}.
         * Defaults to none.
         *
         * @param cluster another AKS cluster
         * @return this builder
         */
        public Builder alsoTrustedBy(AzureOidcCluster cluster) {
            this.alsoTrustedBy.add(Checks.notNull("alsoTrustedBy", cluster, "an AKS cluster (AksCluster or AdoptedAksCluster)"));
            return this;
        }

        /**
         * The federated credential's name; those for {@link #alsoTrustedBy} clusters get
         * {@code -CLUSTER} appended. Defaults to azure-native's auto-name from {@code NAME-credential}.
         *
         * @param credentialName 3 to 120 of {@code [A-Za-z0-9_-]}, starting with a letter or digit
         * @return this builder
         */
        public Builder credentialName(String credentialName) {
            this.credentialName = AzureNames.requireCredentialName("credentialName", credentialName);
            return this;
        }

        /** @return the mechanism */
        public EntraWorkloadIdentity build() {
            return new EntraWorkloadIdentity(this);
        }
    }
}
