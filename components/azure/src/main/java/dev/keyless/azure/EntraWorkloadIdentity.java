package dev.keyless.azure;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.Checks;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.AlsoTrustedClusters;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    private final Optional<String> identityName;
    private final Optional<TrustedManagedIdentity.ResourceGroup> resourceGroupName;
    private final Optional<SharedManagedIdentity> existingIdentity;
    private final List<AzureOidcCluster> alsoTrustedBy;
    private final Optional<String> credentialName;

    private EntraWorkloadIdentity(Builder builder) {
        this.identityName = Optional.ofNullable(builder.identityName);
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
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
        AlsoTrustedClusters.requireOthers(binding.cluster(), alsoTrustedBy);
        var placement = TrustedManagedIdentity.placement(binding.baseName(), existingIdentity, identityName, resourceGroupName,
                Optional.empty(), () -> new TrustedManagedIdentity.ResourceGroup(
                        binding.cluster().resourceGroupName().orElseThrow(() -> InvalidInputException.missing("resourceGroupName",
                                binding.cluster().describe() + " names no resource group: give AdoptedAksClusterArgs.resourceGroupName(...) or "
                                        + "EntraWorkloadIdentity.builder().resourceGroupName(...) for the new managed identity")),
                        binding.cluster().plainResourceGroupName()));
        var ledgerField = existingIdentity.isPresent() ? "existingIdentity" : "alsoTrustedBy";
        // AKS issuers were checked by their clusters (AksIssuers); nothing more to check once known.
        var identity = TrustedManagedIdentity.plan(binding.baseName(), TrustedManagedIdentity.tagsOf(binding.account()), placement, plannedCredentials(binding),
                ledgerField, binding.grants(), UnaryOperator.identity(), Optional.empty());
        return IdentityPlan.of(owner -> bind(owner, identity), alsoTrustedBy, identity.deployTimeChecks());
    }

    private List<CredentialLedger.Credential> plannedCredentials(AzureBinding binding) {
        var subject = binding.account().subject();
        var credentials = new ArrayList<CredentialLedger.Credential>();
        credentials.add(new CredentialLedger.Credential(binding.cluster(), subject, credentialName, binding.baseName(),
                binding.childName("credential")));
        // Keyed as the core keys their ServiceAccounts: by component name, and by kind too where a
        // created and an adopted cluster share one.
        var keys = AlsoTrustedClusters.<AzureOidcCluster>childKeys(alsoTrustedBy, AzureOidcCluster::logicalName);
        for (int i = 0; i < alsoTrustedBy.size(); i++) {
            var other = alsoTrustedBy.get(i);
            var key = keys.get(i);
            var name = credentialName.map(n -> AzureNames.requireCredentialName("credentialName", n + "-" + key));
            credentials.add(new CredentialLedger.Credential(other, subject, name, binding.baseName(),
                    binding.childName("credential-" + key)));
        }
        if (credentialName.isEmpty()) {
            for (var credential : credentials) {
                AzureNames.requireAutoNameFits("credentialName", credential.childName(), AzureNames.CREDENTIAL_NAME_RULE);
            }
        }
        return credentials;
    }

    private static CloudBinding bind(ComponentResource owner, TrustedManagedIdentity planned) {
        var bound = planned.bind(owner);
        var identity = bound.identity();
        return new CloudBinding(
                identity,
                Output.tuple(identity.clientId(), identity.tenantId())
                        .applyValue(t -> Map.of(CLIENT_ID_ANNOTATION, t.t1, TENANT_ID_ANNOTATION, t.t2)),
                POD_LABELS,
                Map.of(),
                Map.of(),
                bound.ready());
    }

    /** Builds an {@link EntraWorkloadIdentity}. */
    public static final class Builder {
        private String identityName;
        private TrustedManagedIdentity.ResourceGroup resourceGroupName;
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
            this.resourceGroupName = TrustedManagedIdentity.ResourceGroup.of("resourceGroupName", resourceGroupName);
            return this;
        }

        /**
         * @param resourceGroupName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> resourceGroupName) {
            this.resourceGroupName = TrustedManagedIdentity.ResourceGroup.of("resourceGroupName", resourceGroupName);
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
         * A created and an adopted cluster of one component name are both allowed: each then adds
         * its kind, {@code NAME-credential-CLUSTER-aks-cluster} and
         * {@code NAME-credential-CLUSTER-adopted-aks-cluster}. Defaults to none.
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
