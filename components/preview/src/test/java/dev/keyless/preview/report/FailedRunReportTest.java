package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.s3.BucketV2;
import dev.keyless.preview.engine.InProcessRun;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class FailedRunReportTest {
    private static RecordedDeployment deployment;

    @BeforeAll
    static void runAProgramThatFails() {
        deployment = InProcessRun.run(StackSettings.of("broken", "dev"), ctx -> {
            new BucketV2("logs");
            throw new IllegalStateException("no quota left for buckets");
        });
    }

    @Test
    void printsWhyTheProgramStoppedUnderTheStack() {
        var diagnostics = section(PreviewReport.render(deployment), "Diagnostics:");

        assertThat(diagnostics.get(1)).isEqualTo("  pulumi:pulumi:Stack (broken-dev):");
        assertThat(diagnostics).contains("    error: java.lang.IllegalStateException: no quota left for buckets");
    }

    @Test
    void putsTheErrorInTheJsonDiagnostics() throws Exception {
        var json = new ObjectMapper().readTree(PreviewJson.render(deployment, StackSettings.of(deployment.project(), deployment.stack()), Duration.ZERO));

        var diagnostics = json.path("diagnostics");
        assertThat(diagnostics.size()).isPositive();
        assertThat(diagnostics.findValuesAsText("severity")).containsOnly("error");
        assertThat(diagnostics.findValuesAsText("message")).anyMatch(m -> m.contains("no quota left for buckets"));
    }
}
