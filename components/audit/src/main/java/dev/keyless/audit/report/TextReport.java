package dev.keyless.audit.report;

import dev.keyless.audit.Finding;
import dev.keyless.audit.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One line per finding, {@code SEVERITY RULE URN: value. Fix: fix}, then a summary line such as
 * {@code 3 findings: 1 critical, 2 high}, so a CI log reads top to bottom.
 */
public final class TextReport {
    private TextReport() {
    }

    /** The report of {@code findings}, each line ending in a newline. */
    public static String render(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(finding.severity().label()).append(' ').append(finding.ruleId()).append(' ')
                    .append(finding.urn()).append(": ").append(finding.value())
                    .append(". Fix: ").append(finding.fix()).append('\n');
        }
        return text.append(summary(findings)).append('\n').toString();
    }

    /** {@code N findings: n critical, n high, …}, most severe first, leaving out severities with none. */
    public static String summary(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            if (counts.containsKey(severity)) {
                parts.add(counts.get(severity) + " " + severity.label());
            }
        }
        String count = findings.size() + (findings.size() == 1 ? " finding" : " findings");
        return parts.isEmpty() ? count : count + ": " + String.join(", ", parts);
    }
}
