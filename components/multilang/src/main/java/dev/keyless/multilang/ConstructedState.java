package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.properties.PropertyValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A flat component's outputs as the engine's property values: unknown during a preview until the
 * cloud computes them, secret where the typed component made them secret.
 */
final class ConstructedState {
    private ConstructedState() {
    }

    /**
     * @param outputs the component's outputs by name
     * @return the same outputs as property values, once every one is resolved (or known unknown)
     */
    static CompletableFuture<Map<String, PropertyValue>> of(Map<String, Output<?>> outputs) {
        var state = new LinkedHashMap<String, PropertyValue>();
        var pending = new ArrayList<CompletableFuture<Void>>();
        for (var entry : new java.util.TreeMap<>(outputs).entrySet()) {
            pending.add(Internal.of(entry.getValue()).getDataAsync().thenAccept(data -> {
                PropertyValue value = data.isKnown() ? plain(data.getValueNullable()) : PropertyValue.COMPUTED;
                synchronized (state) {
                    state.put(entry.getKey(), data.isSecret() ? PropertyValue.ofSecret(value) : value);
                }
            }));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(ignored -> Map.copyOf(state));
    }

    private static PropertyValue plain(Object value) {
        if (value == null) {
            return PropertyValue.NULL;
        }
        if (value instanceof String text) {
            return PropertyValue.of(text);
        }
        if (value instanceof Boolean flag) {
            return PropertyValue.of(flag);
        }
        if (value instanceof Number number) {
            return PropertyValue.of(number.doubleValue());
        }
        if (value instanceof List<?> list) {
            return PropertyValue.of(list.stream().map(ConstructedState::plain).toList());
        }
        if (value instanceof Map<?, ?> map) {
            var object = new LinkedHashMap<String, PropertyValue>();
            map.forEach((k, v) -> object.put(String.valueOf(k), plain(v)));
            return PropertyValue.of(object);
        }
        throw new IllegalStateException("an output of a type the schema does not declare: " + value.getClass().getName());
    }
}
