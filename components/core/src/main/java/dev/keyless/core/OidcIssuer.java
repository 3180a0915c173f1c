package dev.keyless.core;

import com.pulumi.core.Output;

import java.net.URI;
import java.util.Optional;

/**
 * An OIDC issuer whose tokens a cloud can be told to trust: a cluster's ServiceAccount issuer
 * (EKS, GKE, AKS, or any cluster with a public discovery document), or a CI system's.
 *
 * <p>Clouds compare the issuer byte for byte with the tokens' {@code iss}: it is given exactly as
 * the issuer states it (AKS issuers end in '/', EKS and GKE issuers do not).
 */
public interface OidcIssuer {

    /** @return the issuer URL, exactly as the tokens' {@code iss} */
    Output<String> issuerUrl();

    /** @return the issuer when it is known before anything is registered (a plain value), for preview-time checks */
    default Optional<String> plainIssuerUrl() {
        return Optional.empty();
    }

    /** @return a short description for messages, e.g. {@code EKS cluster 'platform'} */
    String describe();

    /**
     * Any OIDC issuer by its URL: Jenkins with its OIDC provider plugin, Bitbucket Pipelines,
     * Buildkite, CircleCI. The URL is taken exactly, since clouds compare it byte for byte with
     * the tokens' {@code iss}.
     *
     * @param url the issuer URL, e.g. {@code https://jenkins.example.com/oidc}
     * @return the issuer
     * @throws InvalidInputException when the URL is not an https URL with a host and no query or fragment
     */
    static OidcIssuer of(String url) {
        return new PlainOidcIssuer(requireHttps("issuerUrl", url), "OIDC issuer " + url);
    }

    /**
     * The rule every issuer meets, in one place: an absolute {@code https} URL with a host, no
     * query and no fragment. (Whether a trailing '/' is allowed is each cloud's rule.)
     *
     * @param field the field or config path, for the message
     * @param url   the issuer URL
     * @return the URL
     * @throws InvalidInputException when it is not such a URL
     */
    static String requireHttps(String field, String url) {
        var rule = "an https URL with a host and no query or fragment, exactly as the tokens' 'iss' (e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE)";
        if (url == null) {
            throw InvalidInputException.of(field, null, rule);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw InvalidInputException.of(field, url, rule);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw InvalidInputException.of(field, url, rule);
        }
        return url;
    }
}
