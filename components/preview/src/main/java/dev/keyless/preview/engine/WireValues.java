package dev.keyless.preview.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the property values a Pulumi program sends to the engine into plain Java values.
 *
 * <p>Pulumi's own deserializer drops the secret marker; a reviewer must see which values are
 * secret, so this reads the wire format directly. Maps come back sorted by key so that every
 * report and JSON document is stable from run to run.
 */
public final class WireValues {
    // Markers of Pulumi's wire format (pulumi/sdk/go/common/resource/plugin/rpc.go).
    static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIGNATURE = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String OUTPUT_SIGNATURE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    private WireValues() {
    }

    /**
     * Reads a property map.
     *
     * @param struct the wire struct
     * @return its values as plain Java: {@code Map}, {@code List}, {@code String}, {@code Double},
     *     {@code Boolean}, {@code null}, {@link SecretValue}, {@link UnknownValue} or {@link ResourceReference}
     */
    public static Map<String, Object> read(Struct struct) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, read(value)));
        return Collections.unmodifiableMap(map);
    }

    /**
     * Reads one property value.
     *
     * @param value the wire value
     * @return its plain Java form, as for {@link #read(Struct)}
     */
    public static Object read(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> UnknownValue.WIRE_MARKER.equals(value.getStringValue())
                    ? UnknownValue.INSTANCE : value.getStringValue();
            case LIST_VALUE -> readList(value.getListValue());
            case STRUCT_VALUE -> readStruct(value.getStructValue());
        };
    }

    private static List<Object> readList(ListValue list) {
        var values = new ArrayList<>(list.getValuesCount());
        list.getValuesList().forEach(v -> values.add(read(v)));
        return Collections.unmodifiableList(values);
    }

    private static Object readStruct(Struct struct) {
        var fields = struct.getFieldsMap();
        var signature = fields.get(SIGNATURE_KEY);
        if (signature == null) {
            return read(struct);
        }
        var kind = signature.getStringValue();
        if (SECRET_SIGNATURE.equals(kind)) {
            return new SecretValue(read(fields.getOrDefault("value", Value.getDefaultInstance())));
        }
        if (RESOURCE_SIGNATURE.equals(kind)) {
            return new ResourceReference(stringField(fields, "urn"), stringField(fields, "id"));
        }
        if (OUTPUT_SIGNATURE.equals(kind)) {
            if (!fields.containsKey("value")) {
                return UnknownValue.INSTANCE;
            }
            var inner = read(fields.get("value"));
            var secret = fields.containsKey("secret") && fields.get("secret").getBoolValue();
            return secret ? new SecretValue(inner) : inner;
        }
        // Assets and archives: keep them as they came.
        return read(struct);
    }

    /**
     * @param value a wire value
     * @return it wrapped as a secret, as the engine marks one
     */
    static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIGNATURE).build())
                .putFields("value", value)).build();
    }

    private static String stringField(Map<String, Value> fields, String name) {
        var value = fields.get(name);
        return value == null ? "" : value.getStringValue();
    }

    /**
     * Removes secret markers, for code that needs the plaintext (tests, the simulated cloud).
     *
     * @param value a value as returned by {@link #read(Value)}
     * @return the same value with every {@link SecretValue} replaced by its plaintext
     */
    public static Object reveal(Object value) {
        if (value instanceof SecretValue secret) {
            return reveal(secret.plaintext());
        }
        if (value instanceof Map<?, ?> map) {
            var revealed = new TreeMap<String, Object>();
            map.forEach((k, v) -> revealed.put(String.valueOf(k), reveal(v)));
            return Collections.unmodifiableMap(revealed);
        }
        if (value instanceof List<?> list) {
            var revealed = new ArrayList<>(list.size());
            list.forEach(v -> revealed.add(reveal(v)));
            return Collections.unmodifiableList(revealed);
        }
        return value;
    }
}
