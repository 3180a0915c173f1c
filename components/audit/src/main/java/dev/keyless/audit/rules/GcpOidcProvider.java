package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Workload Identity pool provider for an OIDC issuer, read once for the rules that judge it.
 *
 * @param issuer    the {@code oidc.issuerUri}, or empty when unset or unknown
 * @param condition the {@code attributeCondition}: null when unset, unknown or blank
 * @param unknown   whether the preview leaves the condition unknown, in whole or in part
 * @param mapping   the {@code attributeMapping}'s known entries
 */
record GcpOidcProvider(String issuer, String condition, boolean unknown, Map<String, String> mapping) {

    /** The provider {@code resource} is, or null for any other resource and for an AWS or SAML provider. */
    static GcpOidcProvider of(PlanResource resource) {
        if (!resource.isType("gcp", "iam", "WorkloadIdentityPoolProvider") || resource.get("oidc").isMissingNode()) {
            return null;
        }
        String issuer = resource.get("oidc").path("issuerUri").asText("");
        JsonNode condition = resource.get("attributeCondition");
        boolean unknown = Unknowns.isUnknown(condition) || condition.isTextual() && Unknowns.containsUnknown(condition.textValue());
        String text = condition.isTextual() && !condition.textValue().isBlank() && !unknown ? condition.textValue() : null;
        Map<String, String> mapping = new LinkedHashMap<>();
        resource.get("attributeMapping").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                mapping.put(e.getKey(), e.getValue().textValue());
            }
        });
        return new GcpOidcProvider(Unknowns.containsUnknown(issuer) ? "" : issuer, text, unknown, mapping);
    }

    /**
     * Whether it federates a CI system's jobs rather than a cluster's ServiceAccounts: its issuer is
     * a CI system's, or its condition names a pipeline's claims or subjects (a self-hosted GitLab).
     */
    boolean isCi() {
        return CiSubjects.isCiIssuerUrl(issuer) || condition != null && (condition.matches("(?s).*['\"](repo|project_path):.*")
                || condition.contains("assertion.repository") || condition.contains("assertion.project_path"));
    }
}
