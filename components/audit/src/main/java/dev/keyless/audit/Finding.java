package dev.keyless.audit;

import java.util.Comparator;

/**
 * One problem on one resource.
 *
 * @param rule  the rule that found it
 * @param urn   the resource's URN
 * @param value the offending value, short
 */
public record Finding(AuditRule rule, String urn, String value) {

    /** Most severe first, then by rule and resource, so reports are stable from run to run. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing((Finding f) -> f.severity()).reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::urn)
            .thenComparing(Finding::value);

    public String ruleId() {
        return rule.id();
    }

    public Severity severity() {
        return rule.severity();
    }

    public String fix() {
        return rule.fix();
    }
}
