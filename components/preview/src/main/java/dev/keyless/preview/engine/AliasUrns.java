package dev.keyless.preview.engine;

import pulumirpc.Resource.RegisterResourceRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The former URNs a registration names through its aliases, resolved as the engine resolves them:
 * an alias given as a URN is that URN; an alias given as a spec takes the resource's own name, type,
 * project and stack where it names none, the resource's parent unless it names a parent URN or no
 * parent, and leaves the root stack's type out of the chain.
 *
 * <p>Read from pulumi/pulumi: {@code stepGenerator.collapseAliasToUrn} in
 * pkg/resource/deploy/step_generator.go. The engine also derives aliases for children from their
 * parent's aliases; those are not resolved here, so a test sees only what the program asked for.
 */
final class AliasUrns {
    private AliasUrns() {
    }

    /**
     * @param request the registration
     * @param project the project the program runs in
     * @param stack   the stack it runs in
     * @return the former URNs, in the order the program named them, without repeats
     */
    static List<String> of(RegisterResourceRequest request, String project, String stack) {
        var urns = new LinkedHashSet<String>(request.getAliasURNsList());
        for (var alias : request.getAliasesList()) {
            if (alias.hasUrn()) {
                urns.add(alias.getUrn());
                continue;
            }
            var spec = alias.getSpec();
            var name = spec.getName().isEmpty() ? request.getName() : spec.getName();
            var type = spec.getType().isEmpty() ? request.getType() : spec.getType();
            var parent = spec.getNoParent() ? "" : spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
            var aliasProject = spec.getProject().isEmpty() ? project : spec.getProject();
            var aliasStack = spec.getStack().isEmpty() ? stack : spec.getStack();
            urns.add("urn:pulumi:" + aliasStack + "::" + aliasProject + "::" + TypeChain.of(parent, type) + "::" + name);
        }
        return List.copyOf(new ArrayList<>(urns));
    }
}
