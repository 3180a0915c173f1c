package dev.keyless.preview.cli;

import dev.keyless.preview.engine.DeclaredOutputs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.host.EngineServer;
import dev.keyless.preview.host.SimulatedDeployment;
import dev.keyless.preview.project.PulumiProject;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Runs an unmodified Pulumi program as its own process, as the Pulumi CLI would, with this process
 * playing the engine on the simulated cloud.
 */
public final class OutOfProcessRun {
    private static final int ALREADY_REPORTED = 32;

    private OutOfProcessRun() {
    }

    /**
     * Runs a program to its end.
     *
     * @param project   the program's project
     * @param mainClass the main class, when the build does not name it
     * @param settings  the stack it runs as
     * @param out       where the program's standard output goes
     * @param err       where its standard error, its warnings and errors, and a line per phase go
     * @return what it registered and logged, and how it ended
     * @throws UsageException when the project cannot be launched as it is
     * @throws IOException    when the program's process cannot be started
     */
    public static RecordedDeployment run(PulumiProject project, Optional<String> mainClass, StackSettings settings,
                                         PrintStream out, PrintStream err) throws UsageException, IOException {
        try (var deployment = SimulatedDeployment.start(settings, DeclaredOutputs.fromClasses(() -> ProgramClasses.of(project)))) {
            int exitCode;
            var mavenOutput = new MavenOutput(out, err);
            var server = EngineServer.start(deployment, err, () -> {
                mavenOutput.programStarted();
                err.println("running it on the simulated engine\u2026");
            });
            Optional<ProgramDidNotStart> didNotStart;
            try {
                var launch = ProgramLaunch.of(project, mainClass, settings, server.address());
                err.println(launch.firstPhase() + "\u2026");
                var startedAt = java.time.Instant.now();
                exitCode = ProgramProcess.run(launch, launch.compiles() ? mavenOutput : out::println, err);
                didNotStart = launch.compiles() ? mavenOutput.stoppedBeforeTheProgram(exitCode) : Optional.empty();
                if (exitCode == 0 && launch.compiles()) {
                    CompiledProgram.recordBuilt(project.programDirectory(), startedAt);
                }
            } finally {
                server.close();
                out.flush();
            }
            var recorded = deployment.recorded(Optional.empty());
            // Pulumi Java exits with 32 once it has logged the error it stopped for
            // (Runner.ProcessExitedAfterLoggingUserActionableMessage): that error is the whole story.
            boolean toldAlready = exitCode == ALREADY_REPORTED && !recorded.errors().isEmpty();
            if (exitCode == 0 || toldAlready) {
                return recorded;
            }
            return deployment.recorded(Optional.of(didNotStart.<RuntimeException>map(e -> e).orElseGet(() -> new ProgramExited(exitCode))));
        }
    }
}
