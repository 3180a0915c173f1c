package dev.keyless.preview.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * A message a program logged to the engine, as Pulumi's engine receives it.
 *
 * @param severity how serious it is
 * @param urn      the resource the message is about; empty for the stack
 * @param message  the text
 */
public record Diagnostic(Severity severity, String urn, String message) {

    /**
     * Checks the fields.
     */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        urn = urn == null ? "" : urn;
    }

    /** How serious a message is: Pulumi's log severities, least serious first. */
    public enum Severity {
        /** Detail that {@code pulumi preview} shows only with {@code --debug}; the simulated engine does not keep it. */
        DEBUG,
        /** Information for the user. */
        INFO,
        /** Something the user should read; it does not fail the run. */
        WARNING,
        /** Something that fails the run. */
        ERROR;

        /** @return the severity as Pulumi prints it, e.g. {@code warning} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @return whether this message fails the run */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
