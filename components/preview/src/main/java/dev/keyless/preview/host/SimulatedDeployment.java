package dev.keyless.preview.host;

import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.keyless.preview.cloud.SimulatedCloud;
import dev.keyless.preview.engine.MockEngineSetup;
import dev.keyless.preview.engine.RecordingMonitor;
import dev.keyless.preview.engine.StackSettings;

import java.util.function.Supplier;

/**
 * The one recording monitor on the simulated cloud that a program run out of process talks to, with
 * the Pulumi deployment it needs.
 *
 * <p>Pulumi's mock monitor builds URNs from the ambient {@code Deployment}, which Pulumi keeps in a
 * thread-local. The program's requests arrive on server threads, so every call into the monitor goes
 * through {@link #call(Supplier)}, which lends that thread the deployment for the duration. This and
 * the engine package are the only places that use Pulumi's internal API
 * ({@code com.pulumi.test.internal}, {@code com.pulumi.deployment.internal}).
 */
public final class SimulatedDeployment implements AutoCloseable {
    private final RecordingMonitor monitor;
    private final DeploymentInstance deployment;

    private SimulatedDeployment(RecordingMonitor monitor, DeploymentInstance deployment) {
        this.monitor = monitor;
        this.deployment = deployment;
    }

    /**
     * Creates the deployment. Pulumi's deployment is a JVM-wide singleton: close this before
     * starting another one or an in-process run.
     *
     * @param settings the stack the program runs as
     * @return the deployment, ready for calls
     */
    public static SimulatedDeployment start(StackSettings settings) {
        var cloud = new SimulatedCloud(settings.config());
        var monitor = new RecordingMonitor(cloud, PulumiTestInternal.mockLog());
        // Installs the deployment in this thread's slot; the program itself never runs here.
        MockEngineSetup.install(settings, cloud, monitor);
        var deployment = DeploymentInstanceHolder.getInstance();
        DeploymentInstanceHolder.setInstance(null);
        return new SimulatedDeployment(monitor, deployment);
    }

    /** @return the monitor that records what the program registers */
    public RecordingMonitor monitor() {
        return monitor;
    }

    /**
     * Runs a call into the monitor on this thread with the deployment installed.
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

    /** Invalidates the deployment, so the next run in this JVM can install its own. */
    @Override
    public void close() {
        DeploymentInstanceHolder.setInstance(deployment);
        PulumiTest.cleanup();
    }
}
