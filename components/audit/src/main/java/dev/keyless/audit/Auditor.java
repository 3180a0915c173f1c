package dev.keyless.audit;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/** Applies a set of rules to every resource of a plan. */
public final class Auditor {
    private final List<AuditRule> rules;

    public Auditor(List<AuditRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules this auditor applies, in the order reports list them. */
    public List<AuditRule> rules() {
        return rules;
    }

    /** Every finding in {@code plan}, in {@link Finding#REPORT_ORDER}. */
    public List<Finding> audit(Plan plan) {
        List<Finding> findings = new ArrayList<>();
        for (PlanResource resource : plan.resources()) {
            for (AuditRule rule : rules) {
                for (String value : rule.check(resource, plan)) {
                    findings.add(new Finding(rule, resource.urn(), value));
                }
            }
        }
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }
}
