package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;

import java.net.URI;

/**
 * IAM's rules on an OIDC provider's URL, for an issuer of any cloud that a role federates: an
 * https URL (core's rule), no port, no query, at most 255 characters. IAM keys the provider by the
 * URL without {@code https://}, and that host and path prefix the trust's condition keys
 * ({@code HOST/PATH:sub}, {@code HOST/PATH:aud}).
 *
 * <p>The issuer is kept exactly as the issuer states it, a trailing '/' included (AKS issuers end
 * in one): the tokens' {@code iss} must match the provider's URL.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html">CreateOpenIDConnectProvider: Url</a>
 */
final class IamOidcProviderUrls {
    /** IAM's length limit on an OIDC provider URL (OpenIDConnectProviderUrlType, 1 to 255). */
    static final int MAX_LENGTH = 255;
    static final String RULE = "an https issuer URL without port or query and at most " + MAX_LENGTH
            + " characters, as IAM takes an OIDC provider's URL";

    private IamOidcProviderUrls() {
    }

    /**
     * @param field the field or config path, for the message
     * @param url   the issuer
     * @return the issuer, unchanged
     */
    static String require(String field, String url) {
        OidcIssuer.requireHttps(field, url);
        if (url.length() > MAX_LENGTH || URI.create(url).getPort() != -1) {
            throw InvalidInputException.of(field, url, RULE);
        }
        return url;
    }

    /** @return the issuer without {@code https://}: the provider ARN's end and the condition keys' prefix */
    static String hostPath(String issuerUrl) {
        return issuerUrl.substring("https://".length());
    }
}
