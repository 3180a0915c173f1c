package dev.keyless.azure;

import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The federated credentials one managed identity gets in this program, in program order. Entra ID
 * allows at most {@value #MAX_CREDENTIALS} per identity, each issuer and subject pair once, and
 * answers concurrent writes to one identity's credentials with 409 Conflict: the ledger checks the
 * first two before anything is registered (issuers known only at deploy time once known, see
 * {@link #trustKnown}) and hands each new credential the one it must follow.
 *
 * <p>An existing identity has one ledger per program, found by its resource id as Azure compares
 * ids (ignoring case), so every handle for it counts and chains together ({@link #ofExisting}).
 *
 * @see <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations">Workload identity federation: considerations and restrictions</a>
 */
final class CredentialLedger {
    /** Entra ID's limit of federated identity credentials on one managed identity. */
    static final int MAX_CREDENTIALS = 20;

    private final String identityLabel;
    private final List<Credential> credentials = new ArrayList<>();
    private final Map<String, Credential> knownTrusts = new HashMap<>();
    private Resource last;

    CredentialLedger(String identityLabel) {
        this.identityLabel = identityLabel;
    }

    /**
     * @param identity an existing identity
     * @return the program's one ledger for it, however many {@link SharedManagedIdentity} handles name it
     */
    static CredentialLedger ofExisting(AzureResourceIds.IdentityId identity) {
        return ProgramClaims.current().shared(CredentialLedger.class, identity.resourceId().toLowerCase(Locale.ROOT),
                () -> new CredentialLedger("managed identity '" + identity.name() + "'"));
    }

    /**
     * A credential to register.
     *
     * @param issuer    the issuer it trusts: an AKS cluster's, or any other for a federation
     * @param subject   the ServiceAccount's subject
     * @param name      the credential's explicit name, if any
     * @param component the component that asks for it
     * @param childName the credential's logical name, a child of the component
     */
    record Credential(OidcIssuer issuer, String subject, Optional<String> name, String component, String childName) {
        boolean sameTrust(Credential other) {
            if (!subject.equals(other.subject)) {
                return false;
            }
            if (issuer == other.issuer) {
                return true;
            }
            return issuer.plainIssuerUrl().isPresent() && issuer.plainIssuerUrl().equals(other.issuer.plainIssuerUrl());
        }
    }

    /** @return how the identity is named in messages */
    String identityLabel() {
        return identityLabel;
    }

    /**
     * Checks credentials as {@link #reserve} does, recording nothing.
     *
     * @param field   the option to name in messages
     * @param planned the credentials one component adds
     * @throws InvalidInputException when the identity would exceed the limit, or trust one issuer and subject twice
     */
    synchronized void check(String field, List<Credential> planned) {
        withPlanned(field, planned);
    }

    /**
     * Checks and records credentials, all or none.
     *
     * @param field   the option to name in messages
     * @param planned the credentials one component adds
     * @throws InvalidInputException when the identity would exceed the limit, or trust one issuer and subject twice
     */
    synchronized void reserve(String field, List<Credential> planned) {
        var all = withPlanned(field, planned);
        credentials.clear();
        credentials.addAll(all);
        // Issuers known now are what a later Output issuer must be compared with.
        for (var credential : planned) {
            credential.issuer().plainIssuerUrl().ifPresent(issuer -> knownTrusts.putIfAbsent(trustKey(issuer, credential), credential));
        }
    }

    private static String trustKey(String issuer, Credential credential) {
        return issuer + "\n" + credential.subject();
    }

    private List<Credential> withPlanned(String field, List<Credential> planned) {
        var all = new ArrayList<>(credentials);
        for (var credential : planned) {
            for (var earlier : all) {
                if (earlier.sameTrust(credential)) {
                    throw trustedTwice(field, credential, earlier);
                }
                if (credential.name().isPresent() && credential.name().get().equalsIgnoreCase(earlier.name().orElse(""))) {
                    // Azure compares resource names ignoring case: 'Shop-K8s' and 'shop-k8s' are one credential.
                    throw InvalidInputException.of("credentialName", credential.name().get(),
                            "a name no other federated credential of " + identityLabel + " has ('" + earlier.component() + "' uses it)");
                }
            }
            all.add(credential);
        }
        if (all.size() > MAX_CREDENTIALS) {
            throw InvalidInputException.of("federated credentials of " + identityLabel, all.size(),
                    "at most " + MAX_CREDENTIALS + " (Entra ID's limit per managed identity; trust fewer clusters or use another identity)");
        }
        return all;
    }

    /**
     * Records a reserved credential's issuer once it is known, refusing a second credential of this
     * identity with the same issuer and subject. An issuer that arrives as an {@code Output} (an
     * {@link AksCluster}'s, a StackReference's) can only be compared here; Entra ID compares issuers
     * exactly, so they are compared as strings, trailing '/' included.
     *
     * @param field      the option to name in messages
     * @param credential a credential {@link #reserve} accepted
     * @param issuer     its cluster's issuer, now known
     * @throws InvalidInputException when another credential of the identity trusts the same pair
     */
    synchronized void trustKnown(String field, Credential credential, String issuer) {
        var earlier = knownTrusts.putIfAbsent(trustKey(issuer, credential), credential);
        if (earlier != null && earlier != credential) {
            throw trustedTwice(field, credential, earlier);
        }
    }

    private InvalidInputException trustedTwice(String field, Credential credential, Credential earlier) {
        return InvalidInputException.of(field, credential.issuer().describe() + " for " + credential.subject(),
                "an issuer and subject no other federated credential of " + identityLabel + " trusts ('"
                        + earlier.component() + "' already trusts them; Entra ID allows each pair once per identity)");
    }

    /** @return the credential registered last, which the next one must wait for */
    synchronized Optional<Resource> last() {
        return Optional.ofNullable(last);
    }

    synchronized void registered(Resource credential) {
        last = credential;
    }
}
