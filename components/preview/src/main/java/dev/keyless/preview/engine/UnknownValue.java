package dev.keyless.preview.engine;

/**
 * A value that is only known once the cloud has created a resource (Pulumi's "unknown").
 * The simulated cloud fills almost every output, so this shows up only where a program reads an
 * output the simulation does not know.
 */
public enum UnknownValue {
    /** The single unknown value. */
    INSTANCE;

    /** The marker Pulumi uses on the wire and in {@code pulumi preview --json} for an unknown value. */
    public static final String WIRE_MARKER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    @Override
    public String toString() {
        return "[unknown]";
    }
}
