package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step's {@code newState}, as Pulumi serializes a resource's state ({@code apitype.ResourceV3}):
 * its fields in Pulumi's order, and the ones Pulumi leaves out when empty or false left out too.
 * Nothing here is made up: a resource being created has no {@code id}.
 *
 * <p>No state has {@code outputs}: the digest keeps each step as its {@code ResourcePreEvent}
 * carried it ({@code ShowPreviewDigest} in pulumi/pulumi pkg/backend/display/json.go replaces a
 * step only after a refresh), and the step generator makes that state with {@code Outputs: nil}
 * for a registration and an empty map for a read ({@code generateResourceSteps} and
 * {@code GenerateReadSteps} in pkg/resource/deploy/step_generator.go).
 */
final class StateJson {
    private StateJson() {
    }

    /**
     * @param resource a registered resource
     * @param provider its provider reference, empty for none
     * @param inputs   its inputs as the preview knows them (see {@link DerivedUnknowns})
     * @return its state, ready to print
     */
    static Map<String, Object> of(RegisteredResource resource, String provider, Map<String, Object> inputs) {
        var state = new LinkedHashMap<String, Object>();
        state.put("urn", resource.urn());
        state.put("custom", resource.custom());
        // A read names an existing resource's id; a create or import has none until it runs.
        if (Plan.of(resource) == Plan.READ && !resource.id().isEmpty()) {
            state.put("id", resource.id());
        }
        state.put("type", resource.type());
        putIfNotEmpty(state, "inputs", plain(inputs));
        putIfNotEmpty(state, "parent", resource.parentUrn());
        putIfTrue(state, "protect", resource.protect());
        putIfTrue(state, "external", resource.read());
        putIfNotEmpty(state, "dependencies", sorted(resource.dependencies()));
        putIfNotEmpty(state, "provider", provider);
        putIfNotEmpty(state, "propertyDependencies", propertyDependencies(resource));
        putIfNotEmpty(state, "additionalSecretOutputs", resource.additionalSecretOutputs());
        putIfNotEmpty(state, "importID", resource.importId());
        putIfTrue(state, "retainOnDelete", resource.retainOnDelete());
        return state;
    }

    // The resource monitor gives every input property an entry, [] when it was built from no resource
    // (RegisterResource in pulumi/pulumi pkg/resource/deploy/source_eval.go: an empty set for each key
    // of the inputs, written with ToSlice, so never null); a read has none (GenerateReadSteps).
    private static Map<String, Object> propertyDependencies(RegisteredResource resource) {
        var dependencies = new TreeMap<String, Object>();
        if (Plan.of(resource) == Plan.READ) {
            return dependencies;
        }
        resource.inputs().keySet().forEach(property -> dependencies.put(property, List.of()));
        resource.propertyDependencies().forEach((property, urns) -> dependencies.put(property, sorted(urns)));
        return dependencies;
    }

    static Map<String, Object> plain(Map<String, Object> values) {
        return PlainValues.ofMap(values, SecretValue.MASK, UnknownValue.WIRE_MARKER);
    }

    private static List<String> sorted(List<String> urns) {
        return urns.stream().distinct().sorted().toList();
    }

    private static void putIfNotEmpty(Map<String, Object> state, String key, Object value) {
        boolean empty = value instanceof String text ? text.isEmpty()
                : value instanceof Map<?, ?> map ? map.isEmpty()
                : value instanceof List<?> list && list.isEmpty();
        if (!empty) {
            state.put(key, value);
        }
    }

    private static void putIfTrue(Map<String, Object> state, String key, boolean value) {
        if (value) {
            state.put(key, true);
        }
    }
}
