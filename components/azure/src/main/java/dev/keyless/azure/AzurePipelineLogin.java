package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.PipelineLogin;

import java.util.LinkedHashMap;

/**
 * How a CI job logs in as an {@link AzureFederation} managed identity: GitHub Actions with
 * azure/login (audience {@code api://AzureADTokenExchange}, its default), GitLab CI with an
 * {@code id_tokens:} token for that audience given to {@code az login --federated-token}.
 *
 * @see <a href="https://github.com/Azure/login">Azure/login (client-id, tenant-id, subscription-id)</a>
 * @see <a href="https://docs.gitlab.com/ci/cloud_services/azure/">GitLab: configure OpenID Connect in Azure</a>
 */
final class AzurePipelineLogin {
    /** The GitLab CI variable the token is given in. */
    static final String GITLAB_TOKEN_VARIABLE = "AZURE_ID_TOKEN";

    private AzurePipelineLogin() {
    }

    static PipelineLogin of(Output<String> clientId, Output<String> tenantId, Output<String> subscriptionId) {
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("clientId", clientId);
        values.put("tenantId", tenantId);
        values.put("subscriptionId", subscriptionId);
        var gitHub = Output.tuple(clientId, tenantId, subscriptionId).applyValue(t -> String.join("\n",
                "- name: Log in to Azure",
                "  uses: azure/login@v2",
                "  with:",
                "    client-id: " + t.t1,
                "    tenant-id: " + t.t2,
                "    subscription-id: " + t.t3));
        var gitLab = Output.tuple(clientId, tenantId, subscriptionId).applyValue(t -> String.join("\n",
                "- az login --service-principal --username \"" + t.t1 + "\" --tenant \"" + t.t2 + "\" --federated-token \"$"
                        + GITLAB_TOKEN_VARIABLE + "\"",
                "- az account set --subscription \"" + t.t3 + "\""));
        return new PipelineLogin(values, gitHub, GITLAB_TOKEN_VARIABLE, EntraWorkloadIdentity.AUDIENCE, gitLab);
    }
}
