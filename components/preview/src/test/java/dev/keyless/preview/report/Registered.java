package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds recorded resources by hand, for values a simulated run seldom produces (unknowns, reads). */
final class Registered {
    static final String STACK_URN = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";

    private Registered() {
    }

    static RegisteredResource stack() {
        return new RegisteredResource(STACK_URN, RegisteredResource.STACK_TYPE, "demo-dev", "", false, false, "", "",
                Map.of(), Map.of(), List.of(), Map.of(), false, false, false, "", "", List.of());
    }

    static RegisteredResource custom(String type, String name, Map<String, Object> inputs) {
        var sorted = sorted(inputs);
        return new RegisteredResource(urn(type, name), type, name, STACK_URN, true, false, name + "-id", "",
                sorted, sorted, List.of(), Map.of(), false, false, false, "", "", List.of());
    }

    static RegisteredResource child(RegisteredResource parent, String type, String name, Map<String, Object> inputs) {
        var sorted = sorted(inputs);
        return new RegisteredResource(urn(type, name), type, name, parent.urn(), true, false, name + "-id", "",
                sorted, sorted, List.of(), Map.of(), false, false, false, "", "", List.of());
    }

    static RegisteredResource read(String type, String name, String id) {
        return new RegisteredResource(urn(type, name), type, name, STACK_URN, true, true, id, "",
                Map.of(), Map.of(), List.of(), Map.of(), false, false, false, "", "", List.of());
    }

    static RegisteredResource component(String type, String name) {
        return new RegisteredResource(urn(type, name), type, name, STACK_URN, false, false, "", "",
                Map.of(), Map.of(), List.of(), Map.of(), false, false, false, "", "", List.of());
    }

    static RecordedDeployment deployment(RegisteredResource... resources) {
        return new RecordedDeployment("demo", "dev", List.of(resources), Map.of(), List.of(), Optional.empty());
    }

    // The engine hands maps over sorted by key; Map.of iterates in a different order each run.
    @SuppressWarnings("unchecked")
    static <T> T sorted(T value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(Registered::sorted).toList();
        }
        return value;
    }

    private static String urn(String type, String name) {
        return "urn:pulumi:dev::demo::" + type + "::" + name;
    }
}
