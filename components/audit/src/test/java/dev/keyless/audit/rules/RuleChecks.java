package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Fixtures;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/** Applies one rule to every resource of a small inline plan. */
final class RuleChecks {
    private RuleChecks() {
    }

    /** {@code rule}'s findings over the plan of {@code steps}, as {@code NAME: value}. */
    static List<String> check(AuditRule rule, String... steps) {
        Plan plan = Fixtures.plan(steps);
        List<String> findings = new ArrayList<>();
        for (PlanResource resource : plan.resources()) {
            rule.check(resource, plan).forEach(value -> findings.add(resource.name() + ": " + value));
        }
        return findings;
    }

    /** One step with no extra state fields. */
    static String step(String type, String name, String inputs) {
        return Fixtures.step(type, name, inputs, "");
    }

    /** JSON text of {@code json} as a string value, for policies Pulumi carries as text. */
    static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
