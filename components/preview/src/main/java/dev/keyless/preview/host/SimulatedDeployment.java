package dev.keyless.preview.host;

import dev.keyless.preview.engine.DeclaredOutputs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RecordingMonitor;
import dev.keyless.preview.engine.SimulatedEngine;
import dev.keyless.preview.engine.StackSettings;
import pulumirpc.EngineOuterClass.LogRequest;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one simulated engine that a program run out of process talks to.
 *
 * <p>The program's requests arrive on server threads, not the thread that installed Pulumi's
 * deployment, so the deployment is installed in no thread and every call into the monitor goes
 * through {@link #call(Supplier)}, which lends the calling thread the deployment for its duration.
 */
public final class SimulatedDeployment implements AutoCloseable {
    private final SimulatedEngine engine;

    private SimulatedDeployment(SimulatedEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates the deployment. Pulumi's deployment is a JVM-wide singleton: close this before
     * starting another one or an in-process run.
     *
     * @param settings the stack the program runs as
     * @return the deployment, ready for calls
     */
    public static SimulatedDeployment start(StackSettings settings) {
        return start(settings, DeclaredOutputs.inThisJvm());
    }

    /**
     * Creates the deployment. Pulumi's deployment is a JVM-wide singleton: close this before
     * starting another one or an in-process run.
     *
     * @param settings the stack the program runs as
     * @param declared where the outputs of the program's resource types are read from: the
     *                 program's own classes, since its resource objects live in its process
     * @return the deployment, ready for calls
     */
    public static SimulatedDeployment start(StackSettings settings, DeclaredOutputs declared) {
        var engine = SimulatedEngine.install(settings, declared);
        // The program itself never runs on this thread.
        engine.detach();
        return new SimulatedDeployment(engine);
    }

    /** @return the monitor that records what the program registers */
    public RecordingMonitor monitor() {
        return engine.monitor();
    }

    /**
     * Runs a call into the monitor on this thread with the deployment installed.
     *
     * @param call the call
     * @param <T>  what it returns
     * @return what it returned
     */
    public <T> T call(Supplier<T> call) {
        return engine.call(call);
    }

    /**
     * Records a message the program logged.
     *
     * @param request the program's log request
     * @return the diagnostic it became, or empty for a progress message that is not kept
     */
    public Optional<Diagnostic> log(LogRequest request) {
        return engine.engine().record(request);
    }

    /**
     * @param failure why the program stopped, if it failed
     * @return everything the program registered and logged so far
     */
    public RecordedDeployment recorded(Optional<Throwable> failure) {
        return engine.recorded(failure);
    }

    /** Invalidates the deployment, so the next run in this JVM can install its own. */
    @Override
    public void close() {
        engine.close();
    }
}
