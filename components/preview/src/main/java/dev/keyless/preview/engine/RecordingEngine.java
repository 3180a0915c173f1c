package dev.keyless.preview.engine;

import com.pulumi.test.internal.MockEngine;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pulumi's mock engine, plus a record of every message a program logs, whether the program runs in
 * this JVM (its SDK calls {@link #logAsync}) or as its own process (the preview's engine host hands
 * each request to {@link #record}). Pulumi's own mock engine keeps only the errors' text.
 */
public final class RecordingEngine extends MockEngine {
    private final Queue<Diagnostic> diagnostics = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableFuture<Void> logAsync(LogRequest request) {
        record(request);
        return super.logAsync(request);
    }

    /**
     * Records one message as the engine received it, unless it is one the Pulumi CLI does not keep
     * by default: an ephemeral progress message, which it overwrites, or debug output, which it
     * shows only with {@code --debug} and which the SDK sends for every registration. A program's
     * unhandled exception is kept in its short form ({@link ProgramExceptionMessage}).
     *
     * @param request the program's log request
     * @return the diagnostic it became, or empty when it is not kept
     */
    public Optional<Diagnostic> record(LogRequest request) {
        if (request.getEphemeral() || request.getSeverity() == LogSeverity.DEBUG) {
            return Optional.empty();
        }
        var message = request.getSeverity() == LogSeverity.ERROR
                ? ProgramExceptionMessage.of(request.getMessage()).orElse(request.getMessage())
                : request.getMessage();
        var diagnostic = new Diagnostic(severity(request.getSeverity()), request.getUrn(), message);
        diagnostics.add(diagnostic);
        return Optional.of(diagnostic);
    }

    /** @return every message recorded so far, in arrival order */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    // A severity from a newer protocol than this SDK knows is reported, not dropped.
    private static Diagnostic.Severity severity(LogSeverity severity) {
        return switch (severity) {
            case DEBUG -> Diagnostic.Severity.DEBUG;
            case INFO, UNRECOGNIZED -> Diagnostic.Severity.INFO;
            case WARNING -> Diagnostic.Severity.WARNING;
            case ERROR -> Diagnostic.Severity.ERROR;
        };
    }
}
