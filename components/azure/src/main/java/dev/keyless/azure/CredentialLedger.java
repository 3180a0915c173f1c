package dev.keyless.azure;

import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The federated credentials one managed identity gets in this program, in program order. Entra ID
 * allows at most {@value #MAX_CREDENTIALS} per identity, each issuer and subject pair once, and
 * answers concurrent writes to one identity's credentials with 409 Conflict: the ledger checks the
 * first two before anything is registered and hands each new credential the one it must follow.
 *
 * @see <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations">Workload identity federation: considerations and restrictions</a>
 */
final class CredentialLedger {
    /** Entra ID's limit of federated identity credentials on one managed identity. */
    static final int MAX_CREDENTIALS = 20;

    private final String identityLabel;
    private final List<Credential> credentials = new ArrayList<>();
    private Resource last;

    CredentialLedger(String identityLabel) {
        this.identityLabel = identityLabel;
    }

    /**
     * A credential to register.
     *
     * @param cluster   the cluster whose issuer it trusts
     * @param subject   the ServiceAccount's subject
     * @param name      the credential's explicit name, if any
     * @param component the component that asks for it
     */
    record Credential(AzureOidcCluster cluster, String subject, Optional<String> name, String component) {
        boolean sameTrust(Credential other) {
            if (!subject.equals(other.subject)) {
                return false;
            }
            if (cluster == other.cluster) {
                return true;
            }
            return cluster.plainIssuerUrl().isPresent() && cluster.plainIssuerUrl().equals(other.cluster.plainIssuerUrl());
        }
    }

    /**
     * Checks and records credentials, all or none.
     *
     * @param field   the option to name in messages
     * @param planned the credentials one component adds
     * @throws InvalidInputException when the identity would exceed the limit, or trust one issuer and subject twice
     */
    synchronized void reserve(String field, List<Credential> planned) {
        var all = new ArrayList<>(credentials);
        for (var credential : planned) {
            for (var earlier : all) {
                if (earlier.sameTrust(credential)) {
                    throw InvalidInputException.of(field, credential.cluster().describe() + " for " + credential.subject(),
                            "an issuer and subject no other federated credential of " + identityLabel + " trusts ('"
                                    + earlier.component() + "' already trusts them; Entra ID allows each pair once per identity)");
                }
                if (credential.name().isPresent() && credential.name().equals(earlier.name())) {
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
        credentials.clear();
        credentials.addAll(all);
    }

    /** @return the credential registered last, which the next one must wait for */
    synchronized Optional<Resource> last() {
        return Optional.ofNullable(last);
    }

    synchronized void registered(Resource credential) {
        last = credential;
    }
}
