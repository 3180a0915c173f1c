package dev.keyless.core;

import com.pulumi.resources.Resource;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks every public entry point makes on what it is handed, so a mistake is reported as bad input
 * naming the user's own field, never as a bare {@code NullPointerException}.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * @param field the input's name, as the user called it (the builder method or parameter)
     * @param value the value
     * @param what  what the field takes, e.g. {@code an OidcCluster}
     * @param <T>   the value's type
     * @return the value
     * @throws InvalidInputException when it is null
     */
    public static <T> T notNull(String field, T value, String what) {
        if (value == null) {
            throw InvalidInputException.of(field, null, what + ", not null");
        }
        return value;
    }

    /**
     * A component's logical name prefixes its children's names, which become URNs and cloud
     * resource names. Pulumi's engine rejects an empty one, and its test runner hangs on it.
     *
     * @param name the logical name
     * @return the name
     * @throws InvalidInputException when it is null or blank
     */
    public static String componentName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", name, "a non-empty component name (it prefixes every child's name)");
        }
        return name;
    }

    /**
     * A list of names that must hold at least one, each once: the zones, secrets or buckets a
     * controller preset is given, where a name given twice is a mistake rather than a wish.
     *
     * @param field  the input's name, as the user called it
     * @param values the names, in the order given
     * @param rule   what the field takes, e.g. {@code at least one Route 53 hosted zone id}
     * @return the names, in the order given
     * @throws InvalidInputException when the list is null or empty, or names one value twice
     */
    public static List<String> atLeastOneEachOnce(String field, List<String> values, String rule) {
        notNull(field, values, rule);
        if (values.isEmpty()) {
            throw InvalidInputException.of(field, values, rule);
        }
        var unique = new LinkedHashSet<String>();
        for (var value : values) {
            if (!unique.add(value)) {
                throw InvalidInputException.of(field, value, "named once (it is given twice)");
            }
        }
        return List.copyOf(unique);
    }

    /**
     * The resource form of {@link #atLeastOneEachOnce}: at least one, none null, and no resource object
     * given twice (the same object, as Pulumi registers each once); a duplicate is named by its
     * Pulumi resource name.
     *
     * @param field  the user's field, for the message
     * @param values what the user gave
     * @param rule   what the field holds, for the message
     * @param <R>    the resource type
     * @return the resources, in the order given
     * @throws InvalidInputException when the list is null or empty, holds a null, or holds a resource twice
     */
    public static <R extends Resource> List<R> atLeastOneResourceEachOnce(String field, List<R> values, String rule) {
        notNull(field, values, rule);
        if (values.isEmpty()) {
            throw InvalidInputException.of(field, values, rule);
        }
        var seen = Collections.newSetFromMap(new IdentityHashMap<R, Boolean>());
        for (var value : values) {
            notNull(field, value, rule);
            if (!seen.add(value)) {
                throw InvalidInputException.of(field, value.pulumiResourceName(), "named once (it is given twice)");
            }
        }
        return List.copyOf(values);
    }
}
