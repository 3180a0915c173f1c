package dev.keyless.preview.engine;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything one run of a program registered, in registration order.
 *
 * @param project      the Pulumi project name
 * @param stack        the stack name
 * @param resources    the resources, the stack first
 * @param stackOutputs the program's exports, secrets marked
 * @param diagnostics  every message the program logged to the engine, in arrival order
 * @param failure      the exception the program ended with, if any
 */
public record RecordedDeployment(
        String project,
        String stack,
        List<RegisteredResource> resources,
        Map<String, Object> stackOutputs,
        List<Diagnostic> diagnostics,
        Optional<Throwable> failure) {

    /** @return whether the program ran to the end without an exception or a logged error */
    public boolean succeeded() {
        return failure.isEmpty() && errors().isEmpty();
    }

    /**
     * @param severity a severity
     * @return the messages logged with exactly that severity, in arrival order
     */
    public List<Diagnostic> diagnostics(Diagnostic.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).toList();
    }

    /** @return the text of every error the program logged, in arrival order */
    public List<String> errors() {
        return diagnostics(Diagnostic.Severity.ERROR).stream().map(Diagnostic::message).toList();
    }

    /**
     * Finds the one resource of a type with a logical name.
     *
     * @param type the type token, e.g. {@code aws:iam/role:Role}
     * @param name the logical name
     * @return the resource
     * @throws NoSuchElementException naming what was registered, when there is none
     */
    public RegisteredResource resource(String type, String name) {
        return find(type, name).orElseThrow(() -> new NoSuchElementException(
                "no " + type + " named '" + name + "' was registered; " + type + " resources: "
                        + ofType(type).stream().map(RegisteredResource::name).toList()));
    }

    /**
     * Looks for the one resource of a type with a logical name.
     *
     * @param type the type token
     * @param name the logical name
     * @return the resource, or empty
     */
    public Optional<RegisteredResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    /**
     * @param type the type token
     * @return every resource of that type, in registration order
     */
    public List<RegisteredResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * @param urn a URN
     * @return the resource with that URN
     * @throws NoSuchElementException when none was registered
     */
    public RegisteredResource byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no resource with URN " + urn));
    }

    /**
     * @param parent a resource
     * @return the resources whose parent it is
     */
    public List<RegisteredResource> childrenOf(RegisteredResource parent) {
        return resources.stream().filter(r -> r.parentUrn().equals(parent.urn())).toList();
    }
}
