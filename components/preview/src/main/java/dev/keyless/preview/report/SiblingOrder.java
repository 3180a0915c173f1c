package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders the children of one parent so that each comes after the siblings it depends on, and
 * otherwise puts providers first, then sorts by name.
 *
 * <p>A program registers resources concurrently, so arrival order changes from run to run; a
 * reviewer comparing two previews needs the same resources in the same places.
 */
final class SiblingOrder {
    private static final Comparator<RegisteredResource> BY_NAME = Comparator
            .comparing((RegisteredResource r) -> !r.isStack())
            .thenComparing(r -> !r.isProvider())
            .thenComparing(RegisteredResource::name)
            .thenComparing(RegisteredResource::type)
            .thenComparing(RegisteredResource::urn);

    private final Map<String, RegisteredResource> byUrn = new HashMap<>();
    private final Map<String, List<RegisteredResource>> childrenByParent = new HashMap<>();

    SiblingOrder(RecordedDeployment deployment) {
        for (var resource : deployment.resources()) {
            byUrn.put(resource.urn(), resource);
            childrenByParent.computeIfAbsent(resource.parentUrn(), parent -> new ArrayList<>()).add(resource);
        }
    }

    /**
     * @param siblings resources that share a parent
     * @return the same resources, dependencies first
     */
    List<RegisteredResource> sort(List<RegisteredResource> siblings) {
        var urns = new HashSet<String>();
        siblings.forEach(s -> urns.add(s.urn()));
        var waitingFor = new HashMap<String, Set<String>>();
        for (var sibling : siblings) {
            var needs = new HashSet<String>();
            for (var dependency : dependenciesWithin(sibling)) {
                siblingOwning(dependency, urns).filter(owner -> !owner.equals(sibling.urn())).ifPresent(needs::add);
            }
            waitingFor.put(sibling.urn(), needs);
        }
        var ordered = new ArrayList<RegisteredResource>();
        var placed = new HashSet<String>();
        var remaining = new TreeSet<>(BY_NAME);
        remaining.addAll(siblings);
        while (!remaining.isEmpty()) {
            // The first by name whose dependencies are placed; with a cycle, the first by name.
            var next = remaining.stream().filter(r -> placed.containsAll(waitingFor.get(r.urn()))).findFirst()
                    .orElse(remaining.first());
            remaining.remove(next);
            ordered.add(next);
            placed.add(next.urn());
        }
        return ordered;
    }

    // A component depends on what any resource inside it depends on.
    private Set<String> dependenciesWithin(RegisteredResource root) {
        var dependencies = new LinkedHashSet<String>();
        var pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            var resource = pending.remove(pending.size() - 1);
            dependencies.addAll(resource.dependencies());
            resource.propertyDependencies().values().forEach(dependencies::addAll);
            if (!resource.providerUrn().isEmpty()) {
                dependencies.add(resource.providerUrn());
            }
            pending.addAll(childrenByParent.getOrDefault(resource.urn(), List.of()));
        }
        return dependencies;
    }

    // The sibling that is the dependency or one of its ancestors.
    private Optional<String> siblingOwning(String urn, Set<String> siblings) {
        var current = urn;
        var seen = new HashSet<String>();
        while (current != null && !current.isEmpty() && seen.add(current)) {
            if (siblings.contains(current)) {
                return Optional.of(current);
            }
            var resource = byUrn.get(current);
            current = resource == null ? null : resource.parentUrn();
        }
        return Optional.empty();
    }
}
