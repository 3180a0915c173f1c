package dev.keyless.preview.engine;

import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.keyless.preview.cloud.SimulatedCloud;

/**
 * Installs Pulumi's mock engine for a stack, with the simulated cloud behind it and the recording
 * monitor in front, in this thread's deployment slot. Shared by in-process runs and the preview's
 * engine host so both simulate the same way.
 */
public final class MockEngineSetup {
    private MockEngineSetup() {
    }

    /**
     * @param settings the stack the program runs as
     * @param cloud    the simulated cloud
     * @param monitor  the recording monitor over that cloud
     * @return Pulumi's test runner, its deployment installed (a JVM-wide singleton: clean it up after use)
     */
    public static PulumiTestInternal install(StackSettings settings, SimulatedCloud cloud, RecordingMonitor monitor) {
        var options = TestOptions.builder()
                .organizationName(settings.organization())
                .projectName(settings.project())
                .stackName(settings.stack())
                .preview(true)
                .build();
        return PulumiTestInternal.builder()
                .options(options)
                .config(settings.config(), settings.secretKeys())
                .mocks(cloud)
                .monitorDecorator(ignored -> monitor)
                .build();
    }
}
