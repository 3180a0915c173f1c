package dev.keyless.preview.report;

import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** What the program logged, grouped by the resource it is about, as {@code pulumi preview} prints it. */
final class DiagnosticsSection {
    private DiagnosticsSection() {
    }

    /**
     * @param deployment what a program registered and logged
     * @return the section's lines, none when nothing was logged and the program did not fail
     */
    static List<String> render(RecordedDeployment deployment) {
        var byResource = new LinkedHashMap<String, List<Diagnostic>>();
        ReportedDiagnostics.of(deployment).forEach(d -> byResource.computeIfAbsent(label(deployment, d.urn()), k -> new ArrayList<>()).add(d));
        var lines = new ArrayList<String>();
        if (byResource.isEmpty()) {
            return lines;
        }
        lines.add("Diagnostics:");
        byResource.forEach((label, messages) -> {
            lines.add("  " + label + ":");
            for (var diagnostic : messages) {
                var text = diagnostic.message().stripTrailing().lines().toList();
                lines.add("    " + diagnostic.severity().label() + ": " + (text.isEmpty() ? "" : text.get(0)));
                text.stream().skip(1).forEach(line -> lines.add(("      " + line).stripTrailing()));
            }
            lines.add("");
        });
        lines.remove(lines.size() - 1);
        return lines;
    }

    // Messages without a resource are the stack's, as in Pulumi.
    private static String label(RecordedDeployment deployment, String urn) {
        var resource = deployment.resources().stream()
                .filter(r -> urn.isEmpty() ? r.isStack() : r.urn().equals(urn)).findFirst();
        if (resource.isPresent()) {
            return TypeNames.forDisplay(resource.get().type()) + " (" + resource.get().name() + ")";
        }
        return urn.isEmpty()
                ? RegisteredResource.STACK_TYPE + " (" + deployment.project() + "-" + deployment.stack() + ")"
                : urn;
    }
}
