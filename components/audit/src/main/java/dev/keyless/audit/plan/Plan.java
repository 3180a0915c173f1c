package dev.keyless.audit.plan;

import java.util.List;

/**
 * The resources of one preview, in the order the preview lists them.
 *
 * @param resources every step's new state
 */
public record Plan(List<PlanResource> resources) {

    public Plan {
        resources = List.copyOf(resources);
    }

    /** The resources of type {@code pkg:module:Name}, as {@link PlanResource#isType} matches it. */
    public List<PlanResource> ofType(String pkg, String module, String name) {
        return resources.stream().filter(r -> r.isType(pkg, module, name)).toList();
    }
}
