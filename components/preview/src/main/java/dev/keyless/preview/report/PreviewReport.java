package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a user reads after an offline preview: what {@code pulumi preview} would print, then the
 * documents a reviewer checks before approving a deploy (policies, access grants, Kubernetes objects,
 * Helm values) and each workload's trust chain as a Mermaid diagram.
 * Secrets print as {@code [secret]}, values only a real cloud knows as {@code [unknown]}.
 */
public final class PreviewReport {
    private PreviewReport() {
    }

    /**
     * Renders a run.
     *
     * @param deployment what the program registered and logged, and how it ended
     * @return the report, lines separated by {@code \n}, ending with one
     */
    public static String render(RecordedDeployment deployment) {
        var sections = new ArrayList<List<String>>();
        sections.add(List.of(header(deployment)));
        sections.add(ResourceTree.render(deployment));
        sections.add(DiagnosticsSection.render(deployment));
        sections.add(OutputsSection.render(deployment.stackOutputs()));
        sections.add(ChangeSummary.render(deployment));
        sections.add(PolicyDocuments.render(deployment));
        sections.add(AccessGrants.render(deployment));
        sections.add(TrustChains.render(deployment));
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
