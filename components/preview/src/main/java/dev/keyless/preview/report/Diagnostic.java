package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message a program logged to the engine, or the reason it stopped.
 *
 * @param severity {@code debug}, {@code info}, {@code warning} or {@code error}, as Pulumi names them
 * @param urn      the resource the message is about; empty for the stack
 * @param message  the text
 */
public record Diagnostic(String severity, String urn, String message) {
    /** The severity of a message that fails the preview. */
    public static final String ERROR = "error";
    /** The severity of a message the user should read but that does not fail the preview. */
    public static final String WARNING = "warning";

    /**
     * Normalises the severity's spelling.
     */
    public Diagnostic {
        severity = severity.toLowerCase(Locale.ROOT);
        urn = urn == null ? "" : urn;
    }

    /** @return whether this message fails the preview */
    public boolean isError() {
        return ERROR.equals(severity);
    }

    /**
     * Derives the diagnostics of a run that kept only its errors, as an in-process run does.
     *
     * @param deployment the run
     * @return its logged errors, then the exception it ended with
     */
    public static List<Diagnostic> of(RecordedDeployment deployment) {
        var diagnostics = new ArrayList<Diagnostic>();
        deployment.errors().forEach(message -> diagnostics.add(new Diagnostic(ERROR, "", message)));
        // toString, not getMessage: a bare "boom" says less than "java.lang.IllegalStateException: boom".
        deployment.failure().ifPresent(failure -> diagnostics.add(new Diagnostic(ERROR, "", failure.toString())));
        return List.copyOf(diagnostics);
    }
}
