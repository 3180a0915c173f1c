package dev.keyless.preview.engine;

import com.pulumi.Context;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.keyless.preview.cloud.SimulatedCloud;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pulumi's mock engine for one run of a stack: the simulated cloud behind it, the recording monitor
 * and recording engine in front. In-process runs and the preview's engine host both start here, so
 * both simulate, and record, the same way.
 *
 * <p>Pulumi's deployment is a JVM-wide singleton that Pulumi looks up in a thread-local: close this
 * before installing another one, from any thread.
 */
public final class SimulatedEngine implements AutoCloseable {
    private final StackSettings settings;
    private final RecordingMonitor monitor;
    private final RecordingEngine engine;
    private final PulumiTestInternal pulumi;
    private final DeploymentInstance deployment;

    private SimulatedEngine(StackSettings settings, RecordingMonitor monitor, RecordingEngine engine,
                            PulumiTestInternal pulumi, DeploymentInstance deployment) {
        this.settings = settings;
        this.monitor = monitor;
        this.engine = engine;
        this.pulumi = pulumi;
        this.deployment = deployment;
    }

    /**
     * Installs Pulumi's mock deployment for a stack in this thread, on the default simulated cloud.
     *
     * @param settings the stack the program runs as
     * @return the installed engine
     */
    public static SimulatedEngine install(StackSettings settings) {
        return install(settings, DeclaredOutputs.inThisJvm());
    }

    /**
     * Installs Pulumi's mock deployment for a stack in this thread, on the default simulated cloud.
     *
     * @param settings the stack the program runs as
     * @param declared where the outputs of the program's resource types are read from
     * @return the installed engine
     */
    public static SimulatedEngine install(StackSettings settings, DeclaredOutputs declared) {
        var cloud = SimulatedCloud.withDefaults(settings.config());
        var monitor = new RecordingMonitor(cloud, PulumiTestInternal.mockLog(), declared);
        var engine = new RecordingEngine();
        var options = TestOptions.builder()
                .organizationName(settings.organization())
                .projectName(settings.project())
                .stackName(settings.stack())
                .preview(true)
                .build();
        var builder = withEngine(PulumiTestInternal.builder(), engine)
                .options(options)
                .config(settings.config(), settings.secretKeys())
                .mocks(cloud)
                .monitorDecorator(ignored -> monitor);
        try {
            var pulumi = builder.build();
            return new SimulatedEngine(settings, monitor, engine, pulumi, DeploymentInstanceHolder.getInstance());
        } catch (RuntimeException e) {
            // A half-built deployment must not stay installed for the next run to trip over.
            PulumiTest.cleanup();
            throw e;
        }
    }

    /** @return the monitor that records what the program registers */
    public RecordingMonitor monitor() {
        return monitor;
    }

    /** @return the engine that records what the program logs */
    public RecordingEngine engine() {
        return engine;
    }

    /**
     * Runs a program on this thread, as {@code Pulumi.run} would.
     *
     * @param program the program's stack callback
     * @return Pulumi's account of the run
     */
    TestResult run(Consumer<Context> program) {
        return pulumi.runTest(program);
    }

    /**
     * Leaves the deployment installed in no thread, for a host whose calls arrive on other threads,
     * each of which borrows it through {@link #call(Supplier)}.
     */
    public void detach() {
        DeploymentInstanceHolder.setInstance(null);
    }

    /**
     * Runs a call into the monitor on this thread with the deployment installed: Pulumi's mock
     * monitor builds URNs from the deployment it finds in the calling thread.
     *
     * @param call the call
     * @param <T>  what it returns
     * @return what it returned
     */
    public <T> T call(Supplier<T> call) {
        var previous = DeploymentInstanceHolder.getInstanceNoThrow();
        DeploymentInstanceHolder.setInstance(deployment);
        try {
            return call.get();
        } finally {
            DeploymentInstanceHolder.setInstance(previous);
        }
    }

    /**
     * @param failure the exception the program ended with, if any
     * @return everything recorded so far
     */
    public RecordedDeployment recorded(Optional<Throwable> failure) {
        return new RecordedDeployment(settings.project(), settings.stack(), monitor.resources(),
                monitor.stackOutputs(), engine.diagnostics(), failure);
    }

    /** Invalidates the deployment, so the next run in this JVM can install its own. */
    @Override
    public void close() {
        DeploymentInstanceHolder.setInstance(deployment);
        PulumiTest.cleanup();
    }

    // The builder has no setter for the engine, and Pulumi's own keeps only the text of errors; a
    // test must be able to see the warnings a program logs too.
    private static PulumiTestInternal.Builder withEngine(PulumiTestInternal.Builder builder, MockEngine engine) {
        try {
            var field = PulumiTestInternal.Builder.class.getDeclaredField("engine");
            field.setAccessible(true);
            field.set(builder, engine);
            return builder;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Pulumi SDK's PulumiTestInternal.Builder has no settable 'engine' field; "
                    + "the simulated engine cannot record what programs log", e);
        }
    }
}
