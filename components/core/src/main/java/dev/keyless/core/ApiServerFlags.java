package dev.keyless.core;

import java.util.List;

/**
 * The kube-apiserver flags a self-managed cluster needs so the tokens it signs match its published
 * issuer (https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/):
 * {@code --service-account-issuer} is the tokens' {@code iss}, {@code --service-account-jwks-uri}
 * the key set URL its own discovery document names, and {@code --api-audiences} the audiences the
 * API server accepts for itself.
 *
 * <p>{@code --api-audiences} is the issuer, as the API server defaults it, and never a cloud's
 * audience: the federations project tokens with their cloud's audience ({@code sts.amazonaws.com},
 * a workload pool provider, {@code api://AzureADTokenExchange}) and the API server issues those
 * whatever this flag holds; listing a cloud's audience here would let a token meant for that cloud
 * also authenticate to the cluster.
 *
 * @param issuer       {@code --service-account-issuer}
 * @param jwksUri      {@code --service-account-jwks-uri}
 * @param apiAudiences {@code --api-audiences}
 */
public record ApiServerFlags(String issuer, String jwksUri, List<String> apiAudiences) {

    /** Copies the audiences. */
    public ApiServerFlags {
        apiAudiences = List.copyOf(apiAudiences);
    }

    /**
     * @param issuer  the issuer URL
     * @param jwksUri the key set URL
     * @return the flags, the API audience being the issuer
     */
    public static ApiServerFlags of(String issuer, String jwksUri) {
        return new ApiServerFlags(issuer, jwksUri, List.of(issuer));
    }

    /** @return the flags as kube-apiserver arguments, e.g. {@code --service-account-issuer=https://...} */
    public List<String> arguments() {
        return List.of(
                "--service-account-issuer=" + issuer,
                "--service-account-jwks-uri=" + jwksUri,
                "--api-audiences=" + String.join(",", apiAudiences));
    }
}
