package dev.keyless.preview.engine;

import dev.keyless.preview.engine.Diagnostic.Severity;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingEngineTest {
    private static final String URN = "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::logs";

    @Test
    void keepsWhatThePulumiCliShowsWithItsSeverityAndResource() {
        var engine = new RecordingEngine();

        engine.logAsync(LogRequest.newBuilder().setSeverity(LogSeverity.INFO).setMessage("starting").build());
        engine.logAsync(LogRequest.newBuilder().setSeverity(LogSeverity.WARNING).setMessage("deprecated").setUrn(URN).build());
        engine.logAsync(LogRequest.newBuilder().setSeverity(LogSeverity.ERROR).setMessage("it broke").build());
        engine.logAsync(LogRequest.newBuilder().setSeverityValue(42).setMessage("from a newer engine").build());

        assertThat(engine.diagnostics()).containsExactly(
                new Diagnostic(Severity.INFO, "", "starting"),
                new Diagnostic(Severity.WARNING, URN, "deprecated"),
                new Diagnostic(Severity.ERROR, "", "it broke"),
                new Diagnostic(Severity.INFO, "", "from a newer engine"));
        assertThat(engine.getErrors()).as("Pulumi's own record").containsExactly("it broke");
    }

    @Test
    void dropsDebugOutputAndProgressMessages() {
        var engine = new RecordingEngine();

        var debug = engine.record(LogRequest.newBuilder().setSeverity(LogSeverity.DEBUG).setMessage("Registering resource").build());
        var progress = engine.record(LogRequest.newBuilder().setSeverity(LogSeverity.INFO).setMessage("3/7").setEphemeral(true).build());

        assertThat(debug).isEmpty();
        assertThat(progress).isEmpty();
        assertThat(engine.diagnostics()).isEmpty();
    }

    @Test
    void recordsWhatAnInProcessProgramLogs() {
        var deployment = InProcessRun.run(StackSettings.of("demo", "dev"), ctx -> {
            ctx.log().warn("logs has no lifecycle rule");
            ctx.log().debug("detail nobody asked for");
        });

        assertThat(deployment.diagnostics()).containsExactly(new Diagnostic(Severity.WARNING, "", "logs has no lifecycle rule"));
        assertThat(deployment.succeeded()).isTrue();
    }
}
