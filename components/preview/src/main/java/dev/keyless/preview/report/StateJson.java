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
 * Nothing here is made up: a resource being created has no {@code id}, and its outputs follow
 * {@link PlannedOutputs}.
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
        // Components and the stack register their outputs after the step, often from values the
        // cloud computes; Pulumi's preview has none for them yet.
        if (resource.custom()) {
            putIfNotEmpty(state, "outputs", plain(PlannedOutputs.of(resource, inputs)));
        }
        putIfNotEmpty(state, "parent", resource.parentUrn());
        putIfTrue(state, "protect", resource.protect());
        putIfTrue(state, "external", resource.read());
        putIfNotEmpty(state, "dependencies", sorted(resource.dependencies()));
        putIfNotEmpty(state, "provider", provider);
        var propertyDependencies = new TreeMap<String, Object>();
        resource.propertyDependencies().forEach((property, urns) -> {
            if (!urns.isEmpty()) {
                propertyDependencies.put(property, sorted(urns));
            }
        });
        putIfNotEmpty(state, "propertyDependencies", propertyDependencies);
        putIfNotEmpty(state, "importID", resource.importId());
        putIfTrue(state, "retainOnDelete", resource.retainOnDelete());
        return state;
    }

    /**
     * @param provider a default provider the engine would create
     * @return its state
     */
    static Map<String, Object> of(DefaultProvider provider) {
        var state = new LinkedHashMap<String, Object>();
        state.put("urn", provider.urn());
        state.put("custom", true);
        state.put("type", provider.type());
        putIfNotEmpty(state, "inputs", provider.inputs());
        // A provider's outputs are its configuration.
        putIfNotEmpty(state, "outputs", provider.inputs());
        return state;
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
