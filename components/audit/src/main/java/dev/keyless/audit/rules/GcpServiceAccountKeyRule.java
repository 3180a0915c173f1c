package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL002: a Google service-account key. The resource is the finding; its values, known or not, are
 * only shown.
 */
public final class GcpServiceAccountKeyRule implements AuditRule {
    @Override public String id() { return "KL002"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Google service-account key (a static credential)"; }
    @Override public String fix() {
        return "Remove the key; bind the Kubernetes ServiceAccount with GKE Workload Identity (keyless GkeWorkloadIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("gcp", "serviceaccount", "Key")) {
            return List.of();
        }
        String account = resource.text("serviceAccountId");
        return List.of("key for " + (account == null ? "?" : Values.shorten(account)));
    }
}
