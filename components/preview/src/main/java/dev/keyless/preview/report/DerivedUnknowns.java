package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.UnknownValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds inputs the program computed from values only the cloud knows. The simulated cloud hands the
 * program placeholders (an ARN with account {@code 123456789012}, an issuer id), and the program
 * builds inputs from them, e.g. a ServiceAccount annotated with a role's ARN. In
 * {@code pulumi preview} those inputs are unknown, so the JSON shows them as unknown too.
 *
 * <p>An input counts as computed from the cloud when it depends on other resources (its property
 * dependencies) and a text in it contains an output the cloud computed for a resource being created
 * or read, other than one of that resource's own input values.
 */
final class DerivedUnknowns {
    // Shorter outputs (flags, small numbers as text) would match ordinary words by chance.
    private static final int SHORTEST_MATCHED = 6;

    private final Set<String> computed = new HashSet<>();

    DerivedUnknowns(RecordedDeployment deployment) {
        for (var resource : deployment.resources()) {
            if (!resource.custom()) {
                continue;
            }
            var given = new HashSet<String>();
            texts(resource.inputs(), given);
            resource.outputs().forEach((key, value) -> {
                if (!resource.inputs().containsKey(key)) {
                    var texts = new HashSet<String>();
                    texts(value, texts);
                    texts.stream().filter(t -> t.length() >= SHORTEST_MATCHED && !given.contains(t)).forEach(computed::add);
                }
            });
        }
    }

    /**
     * @param resource a registered resource
     * @return its inputs, each text built from a value the cloud computes replaced by an unknown
     */
    Map<String, Object> inputs(RegisteredResource resource) {
        var inputs = new TreeMap<String, Object>();
        resource.inputs().forEach((property, value) -> {
            var dependsOnResources = !resource.propertyDependencies().getOrDefault(property, List.of()).isEmpty();
            inputs.put(property, dependsOnResources ? withUnknowns(value) : value);
        });
        return inputs;
    }

    private Object withUnknowns(Object value) {
        if (value instanceof String text) {
            return computed.stream().anyMatch(text::contains) ? UnknownValue.INSTANCE : text;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new TreeMap<String, Object>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), withUnknowns(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(element -> copy.add(withUnknowns(element)));
            return copy;
        }
        // Secrets print as [secret] whatever they hold; numbers and flags are kept as given.
        return value;
    }

    private static void texts(Object value, Set<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(element -> texts(element, into));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> texts(element, into));
        }
    }
}
