package dev.keyless.azure;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProgramClaims;
import dev.keyless.core.ServiceAccountRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The Azure side both Azure mechanisms register, in one place: a user-assigned managed identity
 * (new, or an existing {@link SharedManagedIdentity}), its federated identity credentials, created
 * one after another, and the role assignments of the workload's grants. {@link EntraWorkloadIdentity}
 * trusts AKS issuers with it, {@link AzureFederation} any other issuer; each adds what its pods need.
 *
 * <p>{@link #plan} checks and claims everything known before deploy (Entra ID's 20-credential cap,
 * one trust of an issuer and subject per identity and per program, identity names per resource
 * group, each grant once per existing identity); what is known only at deploy is its
 * {@link #deployTimeChecks()}, which the workload waits for before anything registers.
 */
final class TrustedManagedIdentity {
    /** Tags that tell an auditor which workload an identity is for. */
    static final String NAMESPACE_TAG = "keyless-kubernetes-namespace";
    static final String SERVICE_ACCOUNT_TAG = "keyless-kubernetes-service-account";
    /** The tag naming the subjects of an identity that is not a ServiceAccount's (a pipeline's). */
    static final String SUBJECTS_TAG = "keyless-oidc-subjects";
    // Azure tag values hold at most 256 characters.
    private static final int MAX_TAG_VALUE = 256;

    /** @return the tags of a ServiceAccount's identity: its namespace and name */
    static Map<String, String> tagsOf(ServiceAccountRef account) {
        return Map.of(NAMESPACE_TAG, account.namespace(), SERVICE_ACCOUNT_TAG, account.name());
    }

    /** @return the tags of an identity trusting these subjects: a ServiceAccount's as {@link #tagsOf(ServiceAccountRef)} */
    static Map<String, String> tagsOf(List<dev.keyless.core.Subject> subjects) {
        if (subjects.size() == 1 && subjects.get(0).serviceAccount().isPresent()) {
            return tagsOf(subjects.get(0).serviceAccount().get());
        }
        var value = String.join(" ", subjects.stream().map(dev.keyless.core.Subject::value).toList());
        return Map.of(SUBJECTS_TAG, value.length() <= MAX_TAG_VALUE ? value : value.substring(0, MAX_TAG_VALUE));
    }

    /** Where the identity is: a new one, or an existing one the program shares. */
    sealed interface Placement permits NewIdentity, ExistingIdentity {
    }

    /**
     * A new identity, {@code NAME-identity}.
     *
     * @param resourceGroup its resource group
     * @param name          its explicit name; azure-native's auto-name otherwise
     * @param location      its region; azure-native's default otherwise (see {@link AzureFederation.Builder#location})
     */
    record NewIdentity(ResourceGroup resourceGroup, Optional<String> name, Optional<Output<String>> location) implements Placement {
    }

    /** @param identity an existing identity, read and never created */
    record ExistingIdentity(SharedManagedIdentity identity) implements Placement {
    }

    /**
     * A resource group name, checked by Azure's rules in one place for both mechanisms' options.
     *
     * @param value the name, checked once known
     * @param plain the name when known before deploy, for the claims of the names that meet in it
     */
    record ResourceGroup(Output<String> value, Optional<String> plain) {
        /**
         * @param field the option, for the message
         * @param name  the resource group's name
         * @return the checked name
         */
        static ResourceGroup of(String field, String name) {
            return new ResourceGroup(Output.of(AzureNames.requireResourceGroupName(field, name)), Optional.of(name));
        }

        /**
         * @param field the option, for the message
         * @param name  the resource group's name, e.g. a StackReference output; checked once known
         * @return the name, checked once known
         */
        static ResourceGroup of(String field, Output<String> name) {
            Checks.notNull(field, name, "a resource group name");
            return new ResourceGroup(name.applyValue(v -> AzureNames.requireResourceGroupName(field, v)), Optional.empty());
        }
    }

    /**
     * Where the identity goes, from a mechanism's options.
     *
     * @param component    the workload component's name; a new identity is its child {@code NAME-identity}
     * @param existing     the existing identity to use, if given
     * @param identityName the new identity's explicit name, if given
     * @param givenGroup   the resource group option, if given
     * @param location     the new identity's region, if given
     * @param defaultGroup the resource group when none is given; throws, naming the option, when there is none
     * @return the placement
     * @throws InvalidInputException when an existing identity is combined with options for a new one,
     *     or the identity's auto-name would break Azure's rules
     */
    static Placement placement(String component, Optional<SharedManagedIdentity> existing, Optional<String> identityName,
                               Optional<ResourceGroup> givenGroup, Optional<Output<String>> location,
                               Supplier<ResourceGroup> defaultGroup) {
        if (existing.isPresent()) {
            var reason = "an existing identity keeps its own name and resource group";
            identityName.ifPresent(n -> { throw InvalidInputException.conflict("existingIdentity", "identityName", reason); });
            givenGroup.ifPresent(n -> { throw InvalidInputException.conflict("existingIdentity", "resourceGroupName", reason); });
            location.ifPresent(n -> { throw InvalidInputException.conflict("existingIdentity", "location", "an existing identity keeps its own location"); });
            return new ExistingIdentity(existing.get());
        }
        var group = givenGroup.orElseGet(defaultGroup);
        if (identityName.isEmpty()) {
            AzureNames.requireAutoNameFits("identityName", component + "-identity", AzureNames.IDENTITY_NAME_RULE);
        }
        return new NewIdentity(group, identityName, location);
    }

    /** What {@link #bind} registered: the identity, and what the ServiceAccount must wait for. */
    record Bound(ManagedIdentity identity, List<Resource> ready) {
    }

    private final String component;
    private final Map<String, String> tags;
    private final Placement placement;
    private final List<CredentialLedger.Credential> credentials;
    private final List<AzureGrant> grants;
    private final Optional<Provider> provider;
    private final CredentialLedger ledger;
    private final ProgramClaims claims;
    private final DeployTimeCheck checks;

    private TrustedManagedIdentity(String component, Map<String, String> tags, Placement placement,
                                   List<CredentialLedger.Credential> credentials, List<AzureGrant> grants,
                                   Optional<Provider> provider, CredentialLedger ledger, ProgramClaims claims, DeployTimeCheck checks) {
        this.component = component;
        this.tags = tags;
        this.placement = placement;
        this.credentials = List.copyOf(credentials);
        this.grants = List.copyOf(grants);
        this.provider = provider;
        this.ledger = ledger;
        this.claims = claims;
        this.checks = checks;
    }

    /**
     * Checks and claims the identity, its credentials and grants; registers nothing.
     *
     * @param component   the workload component's name, the prefix of the children's names
     * @param tags        the new identity's tags: whom it is for ({@link #tagsOf})
     * @param placement   where the identity is
     * @param credentials the credentials to add, each with its issuer and child name
     * @param ledgerField the option to name when the identity's credentials break Entra ID's rules
     * @param grants      the workload's Azure grants
     * @param issuerRule  the rule an issuer known only at deploy time must meet, checked once known
     *                    (an issuer known before deploy was checked by the caller)
     * @param provider    the explicit azure-native provider, if any
     * @return the plan
     * @throws InvalidInputException when a rule is broken
     */
    static TrustedManagedIdentity plan(String component, Map<String, String> tags, Placement placement,
                                       List<CredentialLedger.Credential> credentials, String ledgerField, List<AzureGrant> grants,
                                       UnaryOperator<String> issuerRule, Optional<Provider> provider) {
        BlobAccess.requireOneResourceGroupPerAccount(grants);
        var ledger = placement instanceof ExistingIdentity existing
                ? existing.identity().ledger()
                : new CredentialLedger("managed identity '" + ((NewIdentity) placement).name().orElse(component + "-identity") + "'");
        var claims = ProgramClaims.current();
        ledger.check(ledgerField, credentials);
        AzureClaims.claimAll(claims, plannedClaims(placement, credentials, grants), component);
        ledger.reserve(ledgerField, credentials);
        // Values from other stacks (issuers, container names) are checked before anything of the
        // binding registers, as on GCP (GkeIdentity.plan): a bad one leaves no identity or credential behind.
        var checks = issuersOnceKnown(component, ledger, ledgerField, credentials, claims, issuerRule);
        for (var grant : grants) {
            checks = checks.and(grant.deployTimeChecks());
        }
        return new TrustedManagedIdentity(component, tags, placement, credentials, grants, provider, ledger, claims, checks);
    }

    /** @return the rules on values known only at deploy time: the workload registers nothing until they pass */
    DeployTimeCheck deployTimeChecks() {
        return checks;
    }

    // What is known before deploy is claimed now; the rest once known (issuersOnceKnown, bind).
    private static List<ProgramClaims.Claim> plannedClaims(Placement placement, List<CredentialLedger.Credential> credentials,
                                                           List<AzureGrant> grants) {
        var planned = new ArrayList<ProgramClaims.Claim>();
        for (var credential : credentials) {
            credential.issuer().plainIssuerUrl().ifPresent(issuer -> planned.add(AzureClaims.trust(issuer, credential.subject())));
        }
        if (placement instanceof NewIdentity created) {
            created.resourceGroup().plain().ifPresent(group ->
                    created.name().ifPresent(name -> planned.add(AzureClaims.identityName(group, name))));
        } else if (placement instanceof ExistingIdentity existing) {
            grants.forEach(grant -> planned.add(AzureClaims.grantOnIdentity(existing.identity().resourceId(), grant)));
        }
        return planned;
    }

    // Issuers that arrive as Outputs are checked and compared once known, as a check the whole
    // component waits for (DeployTimeCheck): nothing of it registers when the trust is refused, and
    // the refusal is this rule's on every run, ahead of core's binding rule, which follows from the
    // same clash. Plain issuers were compared in plan().
    private static DeployTimeCheck issuersOnceKnown(String component, CredentialLedger ledger, String ledgerField,
                                                    List<CredentialLedger.Credential> credentials, ProgramClaims claims,
                                                    UnaryOperator<String> issuerRule) {
        if (issuersKnownAtPlan(credentials)) {
            return DeployTimeCheck.none();
        }
        return DeployTimeCheck.afterEarlierPassed(() -> Output.all(credentials.stream().map(c -> c.issuer().issuerUrl()).toList())
                .applyValue(known -> {
                    for (int i = 0; i < known.size(); i++) {
                        issuerRule.apply(known.get(i));
                        ledger.trustKnown(ledgerField, credentials.get(i), known.get(i));
                        claims.claim(AzureClaims.trust(known.get(i), credentials.get(i).subject()), component);
                    }
                    return known;
                }));
    }

    private static boolean issuersKnownAtPlan(List<CredentialLedger.Credential> credentials) {
        return credentials.stream().allMatch(c -> c.issuer().plainIssuerUrl().isPresent());
    }

    /**
     * Registers the identity (or reads the existing one), then its credentials one after another,
     * and the grants' role assignments once the identity exists.
     *
     * @param owner the workload component, the parent of everything registered
     * @return the identity and what the ServiceAccount must wait for: every credential and role assignment
     */
    Bound bind(ComponentResource owner) {
        var parent = options(owner).build();
        // Issuers that arrive as Outputs were checked before the component registered (issuersOnceKnown).
        var knownAtPlan = issuersKnownAtPlan(credentials);
        var checkedIssuers = Output.all(credentials.stream().map(c -> c.issuer().issuerUrl()).toList());
        ManagedIdentity identity;
        Output<String> groupOfIdentity;
        Output<String> nameOfIdentity;
        var waitFor = new ArrayList<Resource>();
        if (placement instanceof ExistingIdentity existingPlacement) {
            var existing = existingPlacement.identity();
            var id = knownAtPlan ? Output.of(existing.resourceId()) : checkedIssuers.applyValue(ignored -> existing.resourceId());
            var read = UserAssignedIdentity.get(component + "-identity", id, parent);
            identity = new ManagedIdentity(read.clientId(), read.principalId(), read.tenantId(), Optional.empty());
            groupOfIdentity = Output.of(existing.resourceGroupName());
            nameOfIdentity = Output.of(existing.name());
        } else {
            var created = (NewIdentity) placement;
            // A resource group known only at deploy time is checked for a same-named identity once known.
            var group = created.resourceGroup().value();
            var nameCheckedAtPlan = created.name().isEmpty() || created.resourceGroup().plain().isPresent();
            if (!knownAtPlan || !nameCheckedAtPlan) {
                group = Output.tuple(group, checkedIssuers).applyValue(t -> {
                    created.name().ifPresent(name -> claims.claim(AzureClaims.identityName(t.t1, name), component));
                    return t.t1;
                });
            }
            var args = UserAssignedIdentityArgs.builder()
                    .resourceGroupName(group)
                    .tags(tags);
            created.name().ifPresent(args::resourceName);
            created.location().ifPresent(args::location);
            var made = new UserAssignedIdentity(component + "-identity", args.build(), parent);
            identity = new ManagedIdentity(made.clientId(), made.principalId(), made.tenantId(), Optional.of(made));
            groupOfIdentity = group;
            nameOfIdentity = made.name();
            waitFor.add(made);
        }

        var ready = new ArrayList<Resource>();
        for (int i = 0; i < credentials.size(); i++) {
            var credential = credentials.get(i);
            var index = i;
            var options = options(owner);
            // Entra ID refuses concurrent credential writes on one identity: each follows the last.
            ledger.last().ifPresent(options::dependsOn);
            var args = FederatedIdentityCredentialArgs.builder()
                    .resourceGroupName(groupOfIdentity)
                    .resourceName(nameOfIdentity)
                    .issuer(knownAtPlan ? credential.issuer().issuerUrl() : checkedIssuers.applyValue(known -> known.get(index)))
                    .subject(credential.subject())
                    .audiences(EntraWorkloadIdentity.AUDIENCE);
            credential.name().ifPresent(args::federatedIdentityCredentialResourceName);
            var registered = new FederatedIdentityCredential(credential.childName(), args.build(), options.build());
            ledger.registered(registered);
            ready.add(registered);
        }

        // Carries a managed container's grant over from the key it had before keys were made injective.
        var grantContext = GrantContext.forGrants(owner, component, waitFor, grants);
        for (var grant : grants) {
            ready.addAll(grant instanceof BlobAccess blob ? blob.bindTo(identity, grantContext, provider) : grant.bindTo(identity, grantContext));
        }
        return new Bound(identity, ready);
    }

    private CustomResourceOptions.Builder options(ComponentResource owner) {
        var options = CustomResourceOptions.builder().parent(owner);
        provider.ifPresent(options::provider);
        return options;
    }

    /**
     * A grant keyless does not know cannot be handed the explicit provider: its role assignments
     * would go through the default one, to whatever subscription that is configured for.
     *
     * @param grants   the workload's Azure grants
     * @param provider the explicit provider, if any
     * @throws InvalidInputException naming the first grant that cannot use it
     */
    static void requireGrantsUseProvider(List<AzureGrant> grants, Optional<Provider> provider) {
        if (provider.isEmpty()) {
            return;
        }
        for (int i = 0; i < grants.size(); i++) {
            if (!(grants.get(i) instanceof BlobAccess)) {
                throw InvalidInputException.of("grants[" + i + "]", grants.get(i).describe(),
                        "a grant that registers through the mechanism's explicit provider (BlobAccess) when provider(...) is given");
            }
        }
    }
}
