package dev.keyless.audit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one preview, in the order the preview lists them: those whose step changes
 * something, which the audit judges, and every resource the stack will hold after the update,
 * which rules read for context (a bucket's versioning that stays the {@code same}, the access key a
 * new Secret is built from).
 */
public final class Plan {
    private final List<PlanResource> resources;
    private final List<PlanResource> held;
    private final Map<String, PlanResource> byUrn = new LinkedHashMap<>();

    /**
     * @param resources the judged resources: each URN once, with the new state of its first changing step
     * @param held      every resource the stack holds after the update, changed or not, each URN once
     */
    public Plan(List<PlanResource> resources, List<PlanResource> held) {
        this.resources = List.copyOf(resources);
        this.held = List.copyOf(held);
        held.forEach(r -> byUrn.putIfAbsent(r.urn(), r));
    }

    /** A plan whose every resource is judged. */
    public Plan(List<PlanResource> resources) {
        this(resources, resources);
    }

    /** The resources the audit judges, in the preview's order. */
    public List<PlanResource> resources() {
        return resources;
    }

    /** Every resource the stack holds after the update, judged or not. */
    public List<PlanResource> held() {
        return held;
    }

    /**
     * The resources of type {@code pkg:module:Name}, as {@link PlanResource#isType} matches it,
     * among all the stack holds, judged or not.
     */
    public List<PlanResource> ofType(String pkg, String module, String name) {
        return held.stream().filter(r -> r.isType(pkg, module, name)).toList();
    }

    /** The resource the stack holds under {@code urn}. */
    public Optional<PlanResource> find(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }
}
