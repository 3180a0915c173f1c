package dev.keyless.multilang;

import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValue.ValueType;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One input of a flat component as another language's SDK sent it, with its path from the
 * component's inputs ({@code grants[2].prefix}), so every refusal names what the user wrote.
 *
 * <p>Values on the wire may be wrapped: a secret, an output of another resource (with the URNs it
 * depends on), or unknown during a preview. {@link #output()} keeps all three for values the typed
 * API accepts as {@code Output}; the plain readers unwrap secrets and refuse unknowns, since the
 * typed API needs those values while it plans.
 */
final class FlatValue {
    private final String path;
    private final PropertyValue value;

    private FlatValue(String path, PropertyValue value) {
        this.path = path;
        this.value = value == null ? PropertyValue.NULL : value;
    }

    /**
     * @param inputs a component's inputs as the engine sent them
     * @return the inputs as one object with an empty path
     */
    static FlatValue inputs(Map<String, PropertyValue> inputs) {
        return new FlatValue("", PropertyValue.of(inputs));
    }

    /** @return where this value is in the component's inputs */
    String path() {
        return path;
    }

    /** @return whether the input was left out (or given as null) */
    boolean absent() {
        return unwrapped().isNull();
    }

    /**
     * @param name a field of this object
     * @return the field, absent when not given
     * @throws InvalidInputException when this value is not an object
     */
    FlatValue field(String name) {
        var fieldPath = path.isEmpty() ? name : path + "." + name;
        var object = unwrapped();
        if (object.isNull()) {
            return new FlatValue(fieldPath, PropertyValue.NULL);
        }
        if (object.getType() != ValueType.OBJECT) {
            throw InvalidInputException.of(path, shown(object), "an object");
        }
        return new FlatValue(fieldPath, object.getObjectValue().get(name));
    }

    /**
     * @return the names of this object's fields as given, in order; empty when left out
     * @throws InvalidInputException when this value is not an object
     */
    List<String> fieldNames() {
        var object = unwrapped();
        if (object.isNull()) {
            return List.of();
        }
        if (object.getType() != ValueType.OBJECT) {
            throw InvalidInputException.of(path, shown(object), "an object");
        }
        return List.copyOf(object.getObjectValue().keySet());
    }

    /**
     * @param shape what each element must be, for the message when this is not a list
     * @return the elements, each with its index in its path; empty when the list was left out
     * @throws InvalidInputException when this value is a map or anything else but a list
     */
    List<FlatValue> list(String shape) {
        var list = unwrapped();
        if (list.isNull()) {
            return List.of();
        }
        if (list.getType() != ValueType.ARRAY) {
            throw InvalidInputException.of(path, shown(list), "a list of " + shape);
        }
        var elements = new ArrayList<FlatValue>();
        var values = list.getArrayValue();
        for (int i = 0; i < values.size(); i++) {
            elements.add(new FlatValue(path + "[" + i + "]", values.get(i)));
        }
        return elements;
    }

    /**
     * @param hint what the field holds, for the message when it is missing
     * @return the value as a plain string
     * @throws InvalidInputException when missing, not a string, or unknown until deployment
     */
    String requiredString(String hint) {
        return optionalString().orElseThrow(() -> InvalidInputException.missing(path, hint));
    }

    /**
     * @return the value as a plain string, empty when left out
     * @throws InvalidInputException when not a string, or unknown until deployment
     */
    Optional<String> optionalString() {
        var plain = unwrapped();
        if (plain.isNull()) {
            return Optional.empty();
        }
        if (plain.isComputed()) {
            throw InvalidInputException.of(path, "(unknown until deployment)", "known when the program is previewed");
        }
        if (plain.getType() != ValueType.STRING) {
            throw InvalidInputException.of(path, shown(plain), "a string");
        }
        return Optional.of(plain.getStringValue());
    }

    /**
     * @param otherwise the value when left out
     * @return the value as a plain boolean
     * @throws InvalidInputException when not a boolean, or unknown until deployment
     */
    boolean bool(boolean otherwise) {
        var plain = unwrapped();
        if (plain.isNull()) {
            return otherwise;
        }
        if (plain.isComputed()) {
            throw InvalidInputException.of(path, "(unknown until deployment)", "known when the program is previewed");
        }
        if (plain.getType() != ValueType.BOOL) {
            throw InvalidInputException.of(path, shown(plain), "true or false");
        }
        return plain.getBooleanValue();
    }

    /**
     * @param otherwise the value when left out
     * @return the value as a plain whole number that fits an {@code int} (node counts)
     * @throws InvalidInputException when not such a number, or unknown until deployment
     */
    int integer(int otherwise) {
        var number = whole(otherwise);
        if (number != (int) number) {
            throw InvalidInputException.of(path, String.valueOf(number), "a whole number up to " + Integer.MAX_VALUE);
        }
        return (int) number;
    }

    /**
     * @param otherwise the value when left out
     * @return the value as a plain whole number (ids)
     * @throws InvalidInputException when not a whole number, or unknown until deployment
     */
    long whole(long otherwise) {
        var plain = unwrapped();
        if (plain.isNull()) {
            return otherwise;
        }
        if (plain.isComputed()) {
            throw InvalidInputException.of(path, "(unknown until deployment)", "known when the program is previewed");
        }
        // Every language's SDK sends numbers as doubles: whole ones are exact up to 2^53.
        if (plain.getType() != ValueType.NUMBER || plain.getNumberValue() != Math.rint(plain.getNumberValue())
                || Math.abs(plain.getNumberValue()) > (double) (1L << 53)) {
            throw InvalidInputException.of(path, shown(plain), "a whole number");
        }
        return (long) (double) plain.getNumberValue();
    }

    /**
     * @param hint what each element holds, for the message when one is missing
     * @return the list's strings, each plain; empty when left out
     * @throws InvalidInputException naming the element, e.g. {@code zoneIds[1]}
     */
    List<String> strings(String hint) {
        return list("strings (" + hint + ")").stream().map(element -> element.requiredString(hint)).toList();
    }

    /** @return whether the value came as another resource's output, which what is built from it must depend on */
    boolean hasDependencies() {
        return !wrapping().dependencies().isEmpty();
    }

    /** @return whether the value is a list (of any elements) */
    boolean isList() {
        return unwrapped().getType() == ValueType.ARRAY;
    }

    /**
     * @return whether the value is known now: plain, or a secret or output whose value is known
     */
    boolean known() {
        return !unwrapped().isComputed();
    }

    /**
     * The value for an input the typed API takes as {@code Output<String>}: secret, unknown and
     * dependent on other resources exactly as sent, so a kubeconfig stays secret and a value
     * another resource computes is waited for.
     *
     * @param hint what the field holds, for the message when it is missing
     * @return the value as an output
     * @throws InvalidInputException when missing or not a string
     */
    Output<String> output(String hint) {
        var wrapping = wrapping();
        var current = wrapping.value();
        if (current.isNull()) {
            throw InvalidInputException.missing(path, hint);
        }
        if (current.isComputed()) {
            return new OutputInternal<>(OutputData.ofNullable(wrapping.dependencies(), null, false, wrapping.secret()));
        }
        if (current.getType() != ValueType.STRING) {
            throw InvalidInputException.of(path, wrapping.secret() ? "(secret)" : shown(current), "a string");
        }
        return new OutputInternal<>(OutputData.ofNullable(wrapping.dependencies(), current.getStringValue(), true, wrapping.secret()));
    }

    /** A value with its wrapping taken off: whether any of it was secret, and the resources it depends on. */
    private record Wrapping(PropertyValue value, boolean secret, ImmutableSet<Resource> dependencies) {
    }

    private Wrapping wrapping() {
        boolean secret = false;
        Set<Resource> dependencies = new LinkedHashSet<>();
        var current = value;
        while (true) {
            if (current.getType() == ValueType.SECRET) {
                secret = true;
                current = current.getSecretValue();
            } else if (current.getType() == ValueType.OUTPUT) {
                var reference = current.getOutputValue();
                reference.getDependencies().forEach(urn -> dependencies.add(new DependencyResource(urn)));
                current = reference.getValue() == null ? PropertyValue.COMPUTED : reference.getValue();
            } else {
                return new Wrapping(current, secret, ImmutableSet.copyOf(dependencies));
            }
        }
    }

    /**
     * The value for an input the typed API takes as {@code Output<List<String>>}: a list known at
     * preview, a list of values other resources compute, or a list unknown as a whole.
     *
     * @param hint what each element holds, for the message when one is missing
     * @return the list as one output
     * @throws InvalidInputException when not a list, or an element not a string
     */
    Output<List<String>> stringsOutput(String hint) {
        var plain = unwrapped();
        if (plain.isComputed()) {
            // Unknown as a whole at preview: an unknown list, secret and dependent as sent.
            var wrapping = wrapping();
            return new OutputInternal<>(OutputData.ofNullable(wrapping.dependencies(), null, false, wrapping.secret()));
        }
        var elements = list("strings (" + hint + ")").stream().map(element -> element.output(hint)).toList();
        return Output.all(elements);
    }

    // The value inside any secret or output wrapping; an output of unknown value is unknown.
    private PropertyValue unwrapped() {
        var current = value;
        while (true) {
            if (current.getType() == ValueType.SECRET) {
                current = current.getSecretValue();
            } else if (current.getType() == ValueType.OUTPUT) {
                var inner = current.getOutputValue().getValue();
                current = inner == null ? PropertyValue.COMPUTED : inner;
            } else {
                return current;
            }
        }
    }

    // A wrong value in words another language's user recognises: a map is an object to them.
    private static String shown(PropertyValue value) {
        return switch (value.getType()) {
            case OBJECT -> "an object with " + value.getObjectValue().keySet();
            case ARRAY -> "a list of " + value.getArrayValue().size();
            case STRING -> value.getStringValue();
            case BOOL -> String.valueOf(value.getBooleanValue());
            case NUMBER -> String.valueOf(value.getNumberValue());
            default -> value.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
