package dev.keyless.audit;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * One check over the resources of a plan. A rule never reports a value the preview left unknown as
 * a problem on its own: each rule's javadoc says what it does with them.
 */
public interface AuditRule {

    /** A stable identifier, {@code KL} and three digits, that suppressions and dashboards can keep. */
    String id();

    /** How much a finding of this rule matters. */
    Severity severity();

    /** One line saying what the rule finds. */
    String title();

    /** What to change so the finding goes away. */
    String fix();

    /**
     * The offending values of {@code resource}, one per finding, shortened for a one-line report;
     * empty when the resource passes. {@code plan} gives rules that look across resources the others.
     */
    List<String> check(PlanResource resource, Plan plan);
}
