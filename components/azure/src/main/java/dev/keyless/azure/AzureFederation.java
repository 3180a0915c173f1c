package dev.keyless.azure;

import com.pulumi.azurenative.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.Checks;
import dev.keyless.core.Cloud;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.PodNeeds;
import dev.keyless.core.ProjectedToken;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Federation into Azure from any OIDC issuer: a ServiceAccount on EKS, GKE or a self-managed
 * cluster gets a user-assigned managed identity whose federated identity credential trusts the
 * cluster's issuer, exactly as the issuer states it (EKS and GKE issuers end without '/', AKS's
 * with one: it is never added or stripped), for exactly one subject
 * {@code system:serviceaccount:NS:NAME} and the audience {@value EntraWorkloadIdentity#AUDIENCE}.
 * The grants are role assignments to the identity, scoped as on AKS ({@link BlobAccess}). The
 * default for Azure grants of a workload on a cluster of another cloud.
 *
 * <p>No Azure workload identity webhook runs off AKS, so the pods carry what it would inject
 * ({@link #TOKEN_MOUNT_PATH}): a projected ServiceAccount token for that audience and
 * {@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}, {@code AZURE_FEDERATED_TOKEN_FILE} and
 * {@code AZURE_AUTHORITY_HOST}, which Azure's client libraries ({@code DefaultAzureCredential})
 * read. The ServiceAccount carries no Azure annotation and the pods no Azure label.
 *
 * <p>Credentials on one identity are created one after another and at most 20 of them, as on AKS
 * ({@link SharedManagedIdentity}); the ServiceAccount waits for the credential and every role
 * assignment. The identity needs a resource group, which a cluster of another cloud cannot give:
 * {@link Builder#resourceGroupName} or, when every grant names one plainly, the storage account's.
 *
 * <pre>{@code
 * new FederatedServiceAccount("exporter", FederatedServiceAccountArgs.builder()
 *         .cluster(eks).namespace("reports").name("exporter")
 *         .grant(BlobAccess.readOnly("reports-rg", "reportsacct", "daily"))   // identity in reports-rg
 *         .build());
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust-user-assigned-managed-identity">Configure a user-assigned managed identity to trust an external identity provider</a>
 */
public final class AzureFederation implements IdentityMechanism {
    /**
     * Where the Azure workload identity webhook mounts the token (pkg/webhook/consts.go,
     * {@code TokenFileMountPath}), so that images and docs written for AKS find it here too:
     * https://github.com/Azure/azure-workload-identity/blob/3e3904a0172b148a95e8740f5ceaf1465c6d0055/pkg/webhook/consts.go
     */
    public static final String TOKEN_MOUNT_PATH = "/var/run/secrets/azure/tokens";
    /** The token file's and its volume's name, as the webhook names both ({@code TokenFilePathName}). */
    public static final String TOKEN_FILE = "azure-identity-token";
    /** Microsoft Entra ID's public-cloud authority, the webhook's default {@code AZURE_AUTHORITY_HOST}. */
    public static final String PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com/";
    /** The variable naming the identity's client id. */
    public static final String CLIENT_ID_ENV = "AZURE_CLIENT_ID";
    /** The variable naming the identity's tenant. */
    public static final String TENANT_ID_ENV = "AZURE_TENANT_ID";
    /** The variable naming the projected token file. */
    public static final String TOKEN_FILE_ENV = "AZURE_FEDERATED_TOKEN_FILE";
    /** The variable naming the Entra authority to exchange the token at. */
    public static final String AUTHORITY_HOST_ENV = "AZURE_AUTHORITY_HOST";

    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{1,39}");
    private static final String LOCATION_RULE = "an Azure region name as 'az account list-locations --query [].name' lists it, e.g. westeurope";
    private static final String AUTHORITY_RULE = "an https URL of a Microsoft Entra authority with no path, query or fragment, "
            + "e.g. https://login.microsoftonline.us/ (Azure Government)";

    private final Optional<TrustedManagedIdentity.ResourceGroup> resourceGroupName;
    private final Optional<Output<String>> location;
    private final Optional<String> identityName;
    private final Optional<String> credentialName;
    private final Optional<SharedManagedIdentity> existingIdentity;
    private final String authorityHost;
    private final Optional<Provider> provider;

    private AzureFederation(Builder builder) {
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
        this.location = Optional.ofNullable(builder.location);
        this.identityName = Optional.ofNullable(builder.identityName);
        this.credentialName = Optional.ofNullable(builder.credentialName);
        this.existingIdentity = Optional.ofNullable(builder.existingIdentity);
        this.authorityHost = builder.authorityHost;
        this.provider = Optional.ofNullable(builder.provider);
    }

    /**
     * @return federation into Azure with a new identity in the resource group the grants name (refused,
     *     naming {@link Builder#resourceGroupName}, when they name none or several)
     */
    public static AzureFederation defaults() {
        return builder().build();
    }

    /** @return a builder for federation into Azure with options */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@link AzureCloud#CLOUD} */
    @Override
    public Cloud cloud() {
        return AzureCloud.CLOUD;
    }

    @Override
    public String displayName() {
        return "Azure federation";
    }

    @Override
    public IdentityPlan plan(BindingRequest request) {
        var issuer = request.issuer();
        requireExactSubjectsOnly(request);
        // A plain issuer is checked now; one known only at deploy time once known, before anything registers.
        issuer.plainIssuerUrl().ifPresent(url -> OidcIssuer.requireHttps("issuerUrl", url));
        var grants = CloudMatch.grants(request.grants(), AzureGrant.class, "an Azure grant (BlobAccess)", displayName(),
                "a managed identity can only hold Azure role assignments");
        TrustedManagedIdentity.requireGrantsUseProvider(grants, provider);
        var placement = TrustedManagedIdentity.placement(request.baseName(), existingIdentity, identityName, resourceGroupName,
                location, () -> resourceGroupOfGrants(issuer, grants));
        if (credentialName.isPresent() && request.subjects().size() > 1) {
            throw InvalidInputException.of("credentialName", credentialName.get(),
                    "left unset when the identity trusts several subjects: each gets its own credential, NAME-credential-KEY");
        }
        // One credential per subject; a single subject keeps the name a ServiceAccount's has always had.
        var credentials = new ArrayList<CredentialLedger.Credential>();
        for (var subject : request.subjects()) {
            var childName = request.subjects().size() == 1 ? request.childName("credential") : request.childName("credential-" + subject.key());
            var credential = new CredentialLedger.Credential(issuer, subject.value(), credentialName, request.baseName(), childName);
            if (credentialName.isEmpty()) {
                AzureNames.requireAutoNameFits("credentialName", credential.childName(), AzureNames.CREDENTIAL_NAME_RULE);
            }
            credentials.add(credential);
        }
        var identity = TrustedManagedIdentity.plan(request.baseName(), TrustedManagedIdentity.tagsOf(request.subjects()), placement, credentials,
                existingIdentity.isPresent() ? "existingIdentity" : "issuerUrl", grants,
                url -> OidcIssuer.requireHttps("issuerUrl", url), provider);
        return IdentityPlan.of(owner -> bind(owner, identity), List.of(), identity.deployTimeChecks());
    }

    /**
     * A federated identity credential matches issuer, subject and audience exactly: no wildcard,
     * and no condition on other claims (GitHub's {@code repository_id}), so both are refused
     * rather than silently unchecked.
     *
     * @see <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation#how-it-works">Workload identity federation: how it works</a>
     */
    private static void requireExactSubjectsOnly(BindingRequest request) {
        for (int i = 0; i < request.subjects().size(); i++) {
            var subject = request.subjects().get(i);
            if (subject.pattern()) {
                throw InvalidInputException.of("subjects[" + i + "]", subject.value(),
                        "an exact subject for Azure: a federated identity credential matches its subject exactly, with no wildcard");
            }
            if (!subject.requiredClaims().isEmpty()) {
                throw InvalidInputException.of("subjects[" + i + "]", subject.value() + " requiring " + subject.requiredClaims().keySet(),
                        "a subject with no claims beyond 'sub' for Azure: a federated identity credential checks only issuer, subject and audience "
                                + "(pin the repository ids on GCP only, or leave pinnedToIds(...) out)");
            }
        }
    }

    // A cluster of another cloud has no Azure resource group; the one every grant's storage account
    // is in is where the identity's access lives, so it is the one place that surprises no one.
    private static TrustedManagedIdentity.ResourceGroup resourceGroupOfGrants(OidcIssuer issuer, List<AzureGrant> grants) {
        var groups = new LinkedHashMap<String, String>();
        var allKnown = !grants.isEmpty();
        for (var grant : grants) {
            var group = grant instanceof BlobAccess blob ? blob.plainResourceGroupName() : Optional.<String>empty();
            // Azure compares resource group names ignoring case.
            group.ifPresent(g -> groups.putIfAbsent(g.toLowerCase(Locale.ROOT), g));
            allKnown &= group.isPresent();
        }
        if (allKnown && groups.size() == 1) {
            return TrustedManagedIdentity.ResourceGroup.of("resourceGroupName", groups.values().iterator().next());
        }
        var why = groups.size() > 1
                ? "the grants name the resource groups " + groups.values().stream().map(g -> "'" + g + "'").toList()
                : "no resource group is known from the grants (only grants by plain names give theirs)";
        throw InvalidInputException.missing("resourceGroupName", issuer.describe() + " is not an AKS cluster and " + why
                + ": give AzureFederation.builder().resourceGroupName(...) for the new managed identity, "
                + "as FederatedServiceAccountArgs.builder().mechanism(...)");
    }

    private CloudBinding bind(ComponentResource owner, TrustedManagedIdentity planned) {
        var bound = planned.bind(owner);
        var identity = bound.identity();
        var token = new ProjectedToken(TOKEN_FILE, EntraWorkloadIdentity.AUDIENCE, TOKEN_MOUNT_PATH, TOKEN_FILE,
                ProjectedToken.DEFAULT_EXPIRATION_SECONDS);
        var env = new LinkedHashMap<String, Output<String>>();
        env.put(CLIENT_ID_ENV, identity.clientId());
        env.put(TENANT_ID_ENV, identity.tenantId());
        env.put(TOKEN_FILE_ENV, Output.of(token.path()));
        env.put(AUTHORITY_HOST_ENV, Output.of(authorityHost));
        var needs = new PodNeeds(Map.of(), env, Map.of(), List.of(token), List.of());
        var identityId = identity.identity().map(made -> made.id())
                .orElseGet(() -> Output.of(existingIdentity.orElseThrow().resourceId()));
        var subscriptionId = identityId.applyValue(AzureFederation::subscriptionOf);
        return new CloudBinding(identity, Output.of(Map.of()), needs, bound.ready(),
                Optional.of(AzurePipelineLogin.of(identity.clientId(), identity.tenantId(), subscriptionId)));
    }

    // An identity's id is /subscriptions/SUBSCRIPTION/resourceGroups/...: the subscription a job logs in to.
    private static String subscriptionOf(String identityId) {
        var parts = identityId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("subscriptions")) {
                return parts[i + 1];
            }
        }
        throw new IllegalStateException("not an Azure resource id: " + identityId);
    }

    /** Builds an {@link AzureFederation}. */
    public static final class Builder {
        private TrustedManagedIdentity.ResourceGroup resourceGroupName;
        private Output<String> location;
        private String identityName;
        private String credentialName;
        private SharedManagedIdentity existingIdentity;
        private String authorityHost = PUBLIC_AUTHORITY_HOST;
        private Provider provider;

        private Builder() {
        }

        /**
         * The resource group the new managed identity goes in. Defaults to the one every grant's
         * storage account is in, when every grant names it as a plain value; required otherwise.
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
         * The new managed identity's region. Defaults to azure-native's: the provider's configured
         * {@code azure-native:location}, else the resource group's (pulumi-azure-native
         * provider/pkg/provider/provider.go, {@code getDefaultLocation}).
         *
         * @param location a region name, e.g. {@code westeurope}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = Output.of(requireLocation(location));
            return this;
        }

        /**
         * @param location e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder location(Output<String> location) {
            Checks.notNull("location", location, "an Azure region name");
            this.location = location.applyValue(Builder::requireLocation);
            return this;
        }

        private static String requireLocation(String location) {
            if (location == null || !LOCATION.matcher(location).matches()) {
                throw InvalidInputException.of("location", location, LOCATION_RULE);
            }
            return location;
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
         * The federated credential's name. Defaults to azure-native's auto-name from {@code NAME-credential}.
         *
         * @param credentialName 3 to 120 of {@code [A-Za-z0-9_-]}, starting with a letter or digit
         * @return this builder
         */
        public Builder credentialName(String credentialName) {
            this.credentialName = AzureNames.requireCredentialName("credentialName", credentialName);
            return this;
        }

        /**
         * Adds the credential to an existing identity instead of creating one, as
         * {@link EntraWorkloadIdentity.Builder#existingIdentity} does: the program counts and
         * orders every credential of the identity together, whichever mechanism adds it. Excludes
         * identityName, resourceGroupName and location.
         *
         * @param identity the identity
         * @return this builder
         */
        public Builder existingIdentity(SharedManagedIdentity identity) {
            this.existingIdentity = Checks.notNull("existingIdentity", identity, "a SharedManagedIdentity");
            return this;
        }

        /**
         * The Microsoft Entra authority the pods exchange their token at, for sovereign clouds.
         * Defaults to {@value #PUBLIC_AUTHORITY_HOST}.
         *
         * @param authorityHost e.g. {@code https://login.microsoftonline.us/} (Azure Government)
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            this.authorityHost = requireAuthorityHost(authorityHost);
            return this;
        }

        private static String requireAuthorityHost(String value) {
            if (value == null) {
                throw InvalidInputException.of("authorityHost", null, AUTHORITY_RULE);
            }
            try {
                var uri = new URI(value);
                var path = uri.getRawPath();
                if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && (path.isEmpty() || path.equals("/"))) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
            throw InvalidInputException.of("authorityHost", value, AUTHORITY_RULE);
        }

        /**
         * The azure-native provider the identity, credential and role assignments, and the
         * {@code getClientConfig} invoke of grants by names, go through (another subscription,
         * other credentials). Defaults to the workload component's.
         *
         * @param provider an azure-native provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = Checks.notNull("provider", provider, "a com.pulumi.azurenative.Provider");
            return this;
        }

        /** @return the mechanism */
        public AzureFederation build() {
            return new AzureFederation(this);
        }
    }
}
