package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * EKS's rules for cluster names, Kubernetes versions and OIDC issuers, for clusters keyless creates
 * and clusters it adopts. Every rule here is applied to plain values at the setter and to
 * {@code Output} values once they are known.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html">CreateCluster: name</a>
 */
final class EksNames {
    static final int MAX_CLUSTER_NAME = 100;
    static final String CLUSTER_NAME_RULE = "1 to 100 characters of [A-Za-z0-9_-], starting with a letter or digit (EKS cluster name)";
    static final String ISSUER_RULE = "an https issuer URL with a host and optional path, and no port, query, fragment, "
            + "wildcard or trailing '/', as EKS reports it (https://oidc.eks.REGION.amazonaws.com/id/ID)";
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private EksNames() {
    }

    static String requireClusterName(String field, String value) {
        if (!isClusterName(value)) {
            throw InvalidInputException.of(field, value, CLUSTER_NAME_RULE);
        }
        return value;
    }

    static boolean isClusterName(String value) {
        return value != null && CLUSTER_NAME.matcher(value).matches();
    }

    /**
     * An issuer IAM can trust and whose condition keys ({@code HOST/PATH:sub}) tokens will match:
     * a trailing slash, a port or a query would make keys no token carries.
     */
    static String requireIssuerUrl(String field, String value) {
        if (value == null || !isIssuer(value)) {
            throw InvalidInputException.of(field, value, ISSUER_RULE);
        }
        return value;
    }

    /** @return the issuer without {@code https://}, which prefixes IRSA's condition keys and ends the provider ARN */
    static String hostPath(String issuerUrl) {
        return issuerUrl.substring("https://".length());
    }

    private static boolean isIssuer(String value) {
        try {
            var uri = new URI(value);
            return "https".equals(uri.getScheme())
                    && uri.getRawUserInfo() == null && uri.getPort() == -1
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getHost() != null && HOST.matcher(uri.getHost()).matches()
                    && uri.getRawPath() != null && PATH.matcher(uri.getRawPath()).matches()
                    && value.equals("https://" + uri.getHost() + uri.getRawPath());
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
