package dev.keyless.testkit;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.ArrayList;
import java.util.List;

/**
 * Parents and dependencies between the resources of a {@link RecordedDeployment}, as the engine
 * received them: what decides order in a real {@code pulumi up}.
 */
public final class ResourceGraph {
    private final RecordedDeployment deployment;

    private ResourceGraph(RecordedDeployment deployment) {
        this.deployment = deployment;
    }

    /**
     * @param deployment a recorded run
     * @return its graph
     */
    public static ResourceGraph of(RecordedDeployment deployment) {
        return new ResourceGraph(deployment);
    }

    /**
     * @param resource a resource
     * @return its parent
     */
    public RegisteredResource parentOf(RegisteredResource resource) {
        return deployment.byUrn(resource.parentUrn());
    }

    /**
     * @param resource a resource
     * @return its ancestors, nearest first, ending with the stack
     */
    public List<RegisteredResource> ancestorsOf(RegisteredResource resource) {
        var ancestors = new ArrayList<RegisteredResource>();
        var current = resource;
        while (!current.parentUrn().isEmpty()) {
            current = parentOf(current);
            ancestors.add(current);
        }
        return ancestors;
    }

    /**
     * Whether the engine waits for {@code dependency} before creating {@code dependent}: a direct
     * {@code dependsOn} or an input computed from one of its outputs.
     *
     * @param dependent  the resource that must wait
     * @param dependency the resource it waits for
     * @return true when it waits
     */
    public boolean waitsFor(RegisteredResource dependent, RegisteredResource dependency) {
        var urn = dependency.urn();
        return dependent.dependencies().contains(urn)
                || dependent.propertyDependencies().values().stream().anyMatch(urns -> urns.contains(urn));
    }

    /**
     * Whether the engine waits for {@code dependency} before {@code dependent}, directly or through
     * other resources, or through a component whose children it waits for.
     *
     * @param dependent  the resource that must wait
     * @param dependency the resource it waits for
     * @return true when it waits, however indirectly
     */
    public boolean waitsForTransitively(RegisteredResource dependent, RegisteredResource dependency) {
        var seen = new java.util.HashSet<String>();
        var todo = new java.util.ArrayDeque<RegisteredResource>();
        todo.add(dependent);
        while (!todo.isEmpty()) {
            var current = todo.poll();
            if (!seen.add(current.urn())) {
                continue;
            }
            for (var candidate : deployment.resources()) {
                if (waitsFor(current, candidate)) {
                    if (candidate.urn().equals(dependency.urn()) || isDescendant(candidate, dependency)) {
                        return true;
                    }
                    todo.add(candidate);
                }
            }
        }
        return false;
    }

    private boolean isDescendant(RegisteredResource resource, RegisteredResource ancestor) {
        return ancestorsOf(resource).stream().anyMatch(a -> a.urn().equals(ancestor.urn()));
    }
}
