package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;

/**
 * KL027: a Workload Identity pool provider for an OIDC issuer with no {@code attributeCondition}.
 * Every token the issuer mints then enters the pool (for GitHub Actions, any repository's), and a
 * {@code principalSet://} grant on the pool, or an attribute mapped from a claim anyone controls,
 * lets it through. Checkov's CKV_GCP_125 finds the same in Terraform. A provider for AWS or SAML,
 * and an unknown condition, are not judged.
 */
public final class GcpProviderConditionRule implements AuditRule {
    @Override public String id() { return "KL027"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Workload Identity pool provider for an OIDC issuer with no attributeCondition"; }
    @Override public String fix() {
        return "Set attributeCondition to the one subject, assertion.sub == 'SUBJECT' (keyless GcpFederation or PipelineIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("gcp", "iam", "WorkloadIdentityPoolProvider") || resource.get("oidc").isMissingNode()) {
            return List.of();
        }
        JsonNode condition = resource.get("attributeCondition");
        if (Unknowns.isUnknown(condition) || condition.isTextual() && !condition.textValue().isBlank()) {
            return List.of();
        }
        return List.of("issuer " + Values.shorten(resource.get("oidc").path("issuerUri").asText("unset")) + ": no attributeCondition");
    }
}
