package dev.keyless.azure;

import dev.keyless.core.ProgramClaims;

import java.util.List;

/**
 * What Azure components claim program-wide through {@link ProgramClaims}: one trust of an issuer and
 * subject, whichever identities would hold it, one managed identity name per resource group, and
 * each grant once per existing identity.
 */
final class AzureClaims {
    private AzureClaims() {
    }

    /**
     * Two identities trusting one issuer and subject let the pods of each workload use either
     * identity. Entra ID compares issuers exactly, so the issuer is compared as given, trailing '/'
     * included.
     *
     * @param issuer  the OIDC issuer, known
     * @param subject the ServiceAccount's subject
     * @return the claim
     */
    static ProgramClaims.Claim trust(String issuer, String subject) {
        return ProgramClaims.Claim.exact("serviceAccount", "subject",
                "the federated credentials trusting OIDC issuer '" + issuer + "' (the pods of each could use the other's managed identity)",
                subject);
    }

    /**
     * Two managed identities of one name in one resource group are one resource to Azure: the
     * second create fails at deploy. Azure compares both names ignoring case.
     *
     * @param resourceGroup the identity's resource group, known
     * @param name          the identity's explicit name
     * @return the claim
     */
    static ProgramClaims.Claim identityName(String resourceGroup, String name) {
        return ProgramClaims.Claim.ignoringCase("identityName", "managed identity name", "resource group '" + resourceGroup + "'", name);
    }

    /**
     * One grant per existing identity: two workloads sharing the identity would each make the same
     * role assignment (its name is derived from scope, principal and role), the second create fails
     * at deploy, and removing either workload would take the other's access. Azure compares ids
     * ignoring case.
     *
     * @param identityResourceId the existing identity's resource id
     * @param grant              the grant, described by what it opens and how
     * @return the claim
     */
    static ProgramClaims.Claim grantOnIdentity(String identityResourceId, AzureGrant grant) {
        return ProgramClaims.Claim.ignoringCase("grants", "grant", "the grants of managed identity '" + identityResourceId + "'", grant.describe());
    }

    /**
     * Claims every value for a component, or none: each is checked before any is recorded, so a
     * refused component leaves no claim behind.
     *
     * @param claims    the program's claims
     * @param all       what the component claims
     * @param component the claiming component
     * @throws dev.keyless.core.InvalidInputException naming both components, when another holds one of them
     */
    static void claimAll(ProgramClaims claims, List<ProgramClaims.Claim> all, String component) {
        for (var claim : all) {
            if (claims.owner(claim).filter(owner -> !owner.equals(component)).isPresent()) {
                claims.claim(claim, component);
            }
        }
        all.forEach(claim -> claims.claim(claim, component));
    }
}
