package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Lays the resources out as the preview's tree shows them: each after its parent, siblings in
 * {@link SiblingOrder}. Every section of the report lists resources in this one order.
 */
final class TreeOrder {
    private TreeOrder() {
    }

    /**
     * A resource in its place in the tree.
     *
     * @param resource  the resource
     * @param connector the box-drawing lines that lead to it from the root, empty for a root
     */
    record Node(RegisteredResource resource, String connector) {
    }

    /**
     * @param deployment what a program registered
     * @return every resource, parents before children
     */
    static List<Node> of(RecordedDeployment deployment) {
        var order = new SiblingOrder(deployment);
        var urns = new HashSet<String>();
        deployment.resources().forEach(r -> urns.add(r.urn()));
        // Resources whose parent was never registered still show, at the top level.
        var roots = deployment.resources().stream().filter(r -> !urns.contains(r.parentUrn())).toList();
        var nodes = new ArrayList<Node>();
        for (var root : order.sort(roots)) {
            add(deployment, order, root, "", "", nodes);
        }
        return nodes;
    }

    /**
     * @param deployment what a program registered
     * @return every resource, parents before children
     */
    static List<RegisteredResource> resources(RecordedDeployment deployment) {
        return of(deployment).stream().map(Node::resource).toList();
    }

    private static void add(RecordedDeployment deployment, SiblingOrder order, RegisteredResource resource,
                            String connector, String childIndent, List<Node> nodes) {
        nodes.add(new Node(resource, connector));
        var children = order.sort(deployment.childrenOf(resource));
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            add(deployment, order, children.get(i), childIndent + (last ? "└─ " : "├─ "),
                    childIndent + (last ? "   " : "│  "), nodes);
        }
    }
}
