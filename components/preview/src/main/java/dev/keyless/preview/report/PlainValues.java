package dev.keyless.preview.report;

import dev.keyless.preview.engine.ResourceReference;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns values as the engine received them into plain values a JSON or YAML writer can print,
 * with secrets and unknowns replaced by markers so that no secret's plaintext ever reaches a report.
 */
final class PlainValues {
    // Doubles are exact integers up to 2^53; beyond that a whole-looking double may not be one.
    private static final double LARGEST_EXACT_INTEGER = 9_007_199_254_740_992d;

    private PlainValues() {
    }

    /**
     * @param value         a value as the engine received it
     * @param secretMarker  what replaces a secret
     * @param unknownMarker what replaces an unknown
     * @return maps (in their key order), lists, strings, longs, doubles, booleans and nulls
     */
    static Object of(Object value, Object secretMarker, Object unknownMarker) {
        if (value instanceof SecretValue) {
            return secretMarker;
        }
        if (value instanceof UnknownValue) {
            return unknownMarker;
        }
        if (value instanceof Double number) {
            return wholeNumber(number) ? (Object) number.longValue() : number;
        }
        if (value instanceof ResourceReference reference) {
            return reference.urn();
        }
        if (value instanceof Map<?, ?> map) {
            var plain = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), of(v, secretMarker, unknownMarker)));
            return Collections.unmodifiableMap(plain);
        }
        if (value instanceof List<?> list) {
            var plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(of(v, secretMarker, unknownMarker)));
            return Collections.unmodifiableList(plain);
        }
        return value;
    }

    /**
     * @param value a map as the engine received it
     * @param secretMarker  what replaces a secret
     * @param unknownMarker what replaces an unknown
     * @return the map with its values made plain
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ofMap(Map<String, ?> value, Object secretMarker, Object unknownMarker) {
        return (Map<String, Object>) of(value, secretMarker, unknownMarker);
    }

    // Pulumi sends every number as a double; 3.0 replicas is what the user wrote as 3.
    static boolean wholeNumber(double number) {
        return number == Math.rint(number) && Math.abs(number) <= LARGEST_EXACT_INTEGER;
    }
}
