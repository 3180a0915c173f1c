package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL027: a Workload Identity pool provider for an OIDC issuer with no {@code attributeCondition}.
 * Every token the issuer mints then enters the pool (for GitHub Actions, any repository's), and a
 * {@code principalSet://} grant on the pool, or an attribute mapped from a claim anyone controls,
 * lets it through. Checkov's CKV_GCP_125 finds the same in Terraform. A provider for AWS or SAML,
 * and an unknown condition, are not judged; a CI system's provider ({@link GcpOidcProvider#isCi})
 * is KL025's, which also judges what its condition pins.
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
        GcpOidcProvider provider = GcpOidcProvider.of(resource);
        if (provider == null || provider.unknown() || provider.condition() != null || provider.isCi()) {
            return List.of();
        }
        return List.of("issuer " + Values.shorten(provider.issuer().isEmpty() ? "unset" : provider.issuer()) + ": no attributeCondition");
    }
}
