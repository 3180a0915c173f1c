package dev.keyless.core;

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
}
