package dev.keyless.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two documents a self-managed cluster's issuer serves so that a cloud can validate its
 * ServiceAccount tokens, at the paths the API server itself serves them: the OIDC discovery
 * document at {@value #DISCOVERY_PATH} and the key set at {@value #JWKS_PATH}, under the issuer URL.
 *
 * <p>The discovery document has the fields the API server writes
 * (https://github.com/kubernetes/kubernetes/blob/v1.29.3/pkg/serviceaccount/openidmetadata.go):
 * {@code issuer}, {@code jwks_uri}, {@code response_types_supported} {@code ["id_token"]},
 * {@code subject_types_supported} {@code ["public"]} and {@code id_token_signing_alg_values_supported},
 * the algorithms of its keys.
 *
 * @param issuerUrl the issuer, exactly as the tokens' {@code iss} (the API server's {@code --service-account-issuer})
 * @param jwks      the keys
 */
public record IssuerDocuments(String issuerUrl, IssuerJwks jwks) {
    /** Where the discovery document is, relative to the issuer URL (OpenID Connect Discovery 1.0, section 4). */
    public static final String DISCOVERY_PATH = ".well-known/openid-configuration";
    /** Where the key set is, relative to the issuer URL: the path the API server serves it at. */
    public static final String JWKS_PATH = "openid/v1/jwks";
    /** The media type both documents are served with. */
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks the issuer.
     *
     * @throws InvalidInputException when the issuer is not an https URL, or ends in '/'
     */
    public IssuerDocuments {
        requireIssuer("issuerUrl", issuerUrl);
        Checks.notNull("jwks", jwks, "the issuer's keys");
    }

    /**
     * The rule for a published issuer, in one place: an https URL with no query, fragment or
     * trailing '/', since the documents' URLs are the issuer with a path appended.
     *
     * @param field the field, for the message
     * @param url   the issuer
     * @return the issuer
     */
    public static String requireIssuer(String field, String url) {
        OidcIssuer.requireHttps(field, url);
        if (url.endsWith("/")) {
            throw InvalidInputException.of(field, url, "an issuer URL without a trailing '/': the tokens' 'iss' and the documents' URLs are built from it");
        }
        return url;
    }

    /** @return the JWKS URL, the API server's {@code --service-account-jwks-uri} */
    public String jwksUri() {
        return issuerUrl + "/" + JWKS_PATH;
    }

    /** @return the discovery document as served */
    public String discoveryJson() {
        var document = new LinkedHashMap<String, Object>();
        document.put("issuer", issuerUrl);
        document.put("jwks_uri", jwksUri());
        document.put("response_types_supported", List.of("id_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported",
                jwks.keys().stream().map(key -> String.valueOf(key.getOrDefault("alg", "RS256"))).distinct().sorted().toList());
        return write(document);
    }

    /** @return the key set as served */
    public String jwksJson() {
        return jwks.toJson();
    }

    /** @return the API server flags that make its tokens match these documents */
    public ApiServerFlags apiServerFlags() {
        return ApiServerFlags.of(issuerUrl, jwksUri());
    }

    static String write(Map<String, ?> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an issuer document", e);
        }
    }
}
