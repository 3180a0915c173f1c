package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The form of an AKS OIDC issuer, checked on adopted clusters before anything trusts it. The
 * issuer is never "fixed": a federated credential must name exactly the {@code iss} the cluster
 * puts in its tokens, and AKS ends it with '/'. A value without that slash is refused rather than
 * completed, since completing it would hide a copy-paste error in the value's source.
 *
 * @see <a href="https://learn.microsoft.com/azure/aks/use-oidc-issuer">Create an OIDC provider on AKS</a>
 */
final class AksIssuers {
    static final String ISSUER_RULE = "an AKS OIDC issuer URL exactly as AKS reports it (az aks show --query oidcIssuerProfile.issuerUrl): "
            + "https://REGION.oic.prod-aks.azure.com/TENANT_ID/ID/ with its trailing '/' (a federated credential's issuer must equal the tokens' iss byte for byte)";
    private static final Pattern ISSUER = Pattern.compile(
            "https://[a-z0-9]+\\.oic\\.prod-aks\\.azure\\.com/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[A-Za-z0-9-]{1,64}/");

    private AksIssuers() {
    }

    static String requireIssuerUrl(String field, String value) {
        if (value == null || !ISSUER.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, ISSUER_RULE);
        }
        return value;
    }
}
