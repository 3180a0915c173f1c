package dev.keyless.preview.engine;

import com.pulumi.Context;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program (its stack callback) in this JVM on Pulumi's mock engine and the
 * simulated cloud, as {@code pulumi preview} would.
 *
 * <p>Pulumi's deployment is a JVM-wide singleton: runs are serialised here, and each one cleans
 * the singleton up afterwards, so callers never have to.
 */
public final class InProcessRun {
    private static final Object ONE_RUN_AT_A_TIME = new Object();

    private InProcessRun() {
    }

    /**
     * Runs a program.
     *
     * @param settings the stack it runs as
     * @param program  the program's stack callback, as passed to {@code Pulumi.run}
     * @return what it registered and logged, and how it ended
     */
    public static RecordedDeployment run(StackSettings settings, Consumer<Context> program) {
        synchronized (ONE_RUN_AT_A_TIME) {
            try (var engine = SimulatedEngine.install(settings)) {
                var result = engine.run(program);
                Optional<Throwable> failure = result.exceptions().stream().<Throwable>map(e -> e).findFirst();
                return engine.recorded(failure.map(InProcessRun::rootCause));
            }
        }
    }

    // Pulumi wraps a program's exception in its runner's own; the user wants their message.
    static Throwable rootCause(Throwable failure) {
        var cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof CompletionException || cause.getClass().getName().startsWith("com.pulumi"))) {
            cause = cause.getCause();
        }
        return cause;
    }
}
