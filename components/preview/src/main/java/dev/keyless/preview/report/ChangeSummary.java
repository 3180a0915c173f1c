package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many resources each plan applies to, the stack and providers included as Pulumi counts them. */
final class ChangeSummary {
    private ChangeSummary() {
    }

    /**
     * @param deployment what a program registered
     * @return operation name to count: always {@code create}, the others when they occur
     */
    static Map<String, Integer> counts(RecordedDeployment deployment) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var plan : Plan.values()) {
            int count = (int) deployment.resources().stream().filter(r -> Plan.of(r) == plan).count();
            if (count > 0 || plan == Plan.CREATE) {
                counts.put(plan.operation(), count);
            }
        }
        return counts;
    }

    /**
     * @param deployment what a program registered
     * @return the {@code Resources:} section's lines
     */
    static List<String> render(RecordedDeployment deployment) {
        var lines = new ArrayList<String>();
        lines.add("Resources:");
        counts(deployment).forEach((operation, count) -> lines.add(
                "    " + symbol(operation) + " " + count + " to " + operation));
        return lines;
    }

    private static String symbol(String operation) {
        for (var plan : Plan.values()) {
            if (plan.operation().equals(operation)) {
                return plan.symbol();
            }
        }
        return " ";
    }
}
