package dev.keyless.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The credential configuration file Google's client libraries read through
 * {@code GOOGLE_APPLICATION_CREDENTIALS} to federate a workload: an {@code external_account}
 * whose subject token is the projected ServiceAccount token in a file. It holds no secret, only
 * where to find the token and whom to ask, so a ConfigMap carries it.
 *
 * <p>The fields are those {@code gcloud iam workload-identity-pools create-cred-config AUDIENCE
 * --credential-source-file=PATH [--service-account=EMAIL]} writes, as Google's External Account
 * Credentials specification defines them.
 *
 * @see <a href="https://google.aip.dev/auth/4117">AIP-4117: External Account Credentials</a>
 * @see <a href="https://cloud.google.com/sdk/gcloud/reference/iam/workload-identity-pools/create-cred-config">gcloud iam workload-identity-pools create-cred-config</a>
 */
final class CredentialConfiguration {
    static final String TYPE = "external_account";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    static final String STS_TOKEN_URL = "https://sts.googleapis.com/v1/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialConfiguration() {
    }

    /**
     * @param providerName the provider's full resource name without scheme,
     *                     {@code //iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER}:
     *                     the STS audience
     * @param tokenPath    the projected token's path
     * @param impersonated the Google service account to impersonate after the exchange, if any
     * @return the file's JSON
     */
    static String json(String providerName, String tokenPath, Optional<String> impersonated) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", TYPE);
        root.put("audience", providerName);
        root.put("subject_token_type", JWT_TOKEN_TYPE);
        root.put("token_url", STS_TOKEN_URL);
        impersonated.ifPresent(email -> root.put("service_account_impersonation_url", impersonationUrl(email)));
        var source = root.putObject("credential_source");
        source.put("file", tokenPath);
        // The projected token file holds the bare JWT.
        source.putObject("format").put("type", "text");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /**
     * @param email the Google service account
     * @return the IAM Credentials endpoint that issues its access tokens
     * @see <a href="https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken">generateAccessToken</a>
     */
    static String impersonationUrl(String email) {
        return "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken";
    }
}
