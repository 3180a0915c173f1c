package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every workload's trust chain as a Mermaid flowchart, for reviewers who would rather look than
 * read: in the text report, and as a Markdown document GitHub renders ({@code --diagram FILE}).
 */
public final class TrustChains {
    private TrustChains() {
    }

    /**
     * @param deployment what a program registered
     * @return per {@code keyless:core:FederatedServiceAccount}, by logical name in the report's
     *     order, its flowchart's text
     */
    public static Map<String, String> diagrams(RecordedDeployment deployment) {
        var diagrams = new LinkedHashMap<String, String>();
        var ordered = TreeOrder.resources(deployment);
        for (var resource : ordered) {
            if (resource.type().equals(TrustChainDiagram.COMPONENT_TYPE)) {
                diagrams.put(resource.name(), TrustChainDiagram.of(ordered, resource));
            }
        }
        return diagrams;
    }

    /**
     * @param deployment what a program registered
     * @return a Markdown document: a heading per workload, its flowchart in a {@code mermaid} block
     */
    public static String markdown(RecordedDeployment deployment) {
        var text = new StringBuilder("# Trust chains of " + deployment.project() + " (" + deployment.stack() + ")\n");
        var diagrams = diagrams(deployment);
        if (diagrams.isEmpty()) {
            text.append("\nThe program registers no ").append(TrustChainDiagram.COMPONENT_TYPE).append(".\n");
        }
        diagrams.forEach((workload, diagram) -> text.append("\n## ").append(workload).append("\n\n```mermaid\n")
                .append(diagram).append("```\n"));
        return text.toString();
    }

    /**
     * @param deployment what a program registered
     * @return the report's section, none when no workload identity was registered
     */
    static List<String> render(RecordedDeployment deployment) {
        var section = new ReviewSection("Trust chains (Mermaid):");
        diagrams(deployment).forEach((workload, diagram) ->
                section.add(TrustChainDiagram.COMPONENT_TYPE + "  " + workload, diagram));
        return section.lines();
    }
}
