package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a user reads after an offline preview: what {@code pulumi preview} would print, then the
 * documents a reviewer checks before approving a deploy (policies, Kubernetes objects, Helm values).
 * Secrets print as {@code [secret]}, values only a real cloud knows as {@code [unknown]}.
 */
public final class PreviewReport {
    private PreviewReport() {
    }

    /**
     * Renders a run whose only diagnostics are its errors, such as an in-process run.
     *
     * @param deployment what the program registered
     * @return the report, lines separated by {@code \n}, ending with one
     */
    public static String render(RecordedDeployment deployment) {
        return render(deployment, Diagnostic.of(deployment));
    }

    /**
     * Renders a run.
     *
     * @param deployment  what the program registered
     * @param diagnostics what it logged, and why it stopped if it failed
     * @return the report, lines separated by {@code \n}, ending with one
     */
    public static String render(RecordedDeployment deployment, List<Diagnostic> diagnostics) {
        var sections = new ArrayList<List<String>>();
        sections.add(List.of(header(deployment)));
        sections.add(ResourceTree.render(deployment));
        sections.add(DiagnosticsSection.render(deployment, diagnostics));
        sections.add(OutputsSection.render(deployment.stackOutputs()));
        sections.add(ChangeSummary.render(deployment));
        sections.add(PolicyDocuments.render(deployment));
        sections.add(KubernetesObjects.render(deployment));
        sections.add(HelmReleases.render(deployment));
        var text = new StringBuilder();
        for (var section : sections) {
            if (!section.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                section.forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    /**
     * @param deployment what the program registered
     * @return the first line, which says plainly that nothing real happened
     */
    public static String header(RecordedDeployment deployment) {
        return "Previewing update (" + deployment.stack() + ") of project " + deployment.project()
                + " \u2014 offline, on a simulated cloud; no cloud was called";
    }
}
