package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;

/** What {@code pulumi up} would do with a resource the program registered. */
public enum Plan {
    /** Create a new cloud resource. */
    CREATE("+", "create"),
    /** Read an existing cloud resource the program looked up with {@code get}. */
    READ(">", "read"),
    /** Adopt an existing cloud resource into the stack ({@code import} option). */
    IMPORT("=", "import");

    private final String symbol;
    private final String operation;

    Plan(String symbol, String operation) {
        this.symbol = symbol;
        this.operation = operation;
    }

    /**
     * @param resource a registered resource
     * @return what would happen to it on a fresh stack
     */
    public static Plan of(RegisteredResource resource) {
        if (resource.read()) {
            return READ;
        }
        return resource.importId().isEmpty() ? CREATE : IMPORT;
    }

    /** @return the symbol Pulumi prints at the start of the resource's row */
    public String symbol() {
        return symbol;
    }

    /** @return the operation's name, as in Pulumi's plan column and its JSON {@code op} */
    public String operation() {
        return operation;
    }
}
