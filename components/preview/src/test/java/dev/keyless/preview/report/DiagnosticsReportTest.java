package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.Diagnostic.Severity;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsReportTest {
    private static final String BUCKET_URN = "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::logs";

    private static final RecordedDeployment DEPLOYMENT = new RecordedDeployment("demo", "dev",
            List.of(Registered.stack(), Registered.custom("aws:s3/bucketV2:BucketV2", "logs", Map.of())),
            Map.of(),
            List.of(new Diagnostic(Severity.INFO, "", "starting"),
                    new Diagnostic(Severity.WARNING, BUCKET_URN, "acl is deprecated\nuse BucketAclV2")),
            Optional.of(new IllegalStateException("no quota left")));

    @Test
    void groupsWhatWasLoggedByResourceWithTheFailureUnderTheStack() {
        assertThat(section(PreviewReport.render(DEPLOYMENT), "Diagnostics:")).containsExactly(
                "Diagnostics:",
                "  pulumi:pulumi:Stack (demo-dev):",
                "    info: starting",
                "    error: java.lang.IllegalStateException: no quota left",
                "",
                "  aws:s3:BucketV2 (logs):",
                "    warning: acl is deprecated",
                "      use BucketAclV2");
    }

    @Test
    void listsTheSameDiagnosticsInTheJsonInArrivalOrder() throws Exception {
        var diagnostics = new ObjectMapper().readTree(PreviewJson.render(DEPLOYMENT, StackSettings.of(DEPLOYMENT.project(), DEPLOYMENT.stack()), Duration.ZERO)).path("diagnostics");

        assertThat(diagnostics.toString()).isEqualTo("["
                + "{\"message\":\"starting\\n\",\"severity\":\"info\"},"
                + "{\"urn\":\"" + BUCKET_URN + "\",\"message\":\"warning: acl is deprecated\\nuse BucketAclV2\\n\",\"severity\":\"warning\"},"
                + "{\"message\":\"error: java.lang.IllegalStateException: no quota left\\n\",\"severity\":\"error\"}]");
    }

    @Test
    void countsOnlyLoggedErrorsAndFailuresAsFailing() {
        var warnedOnly = new RecordedDeployment("demo", "dev", List.of(Registered.stack()), Map.of(),
                List.of(new Diagnostic(Severity.WARNING, "", "careful")), Optional.empty());
        var loggedAnError = new RecordedDeployment("demo", "dev", List.of(Registered.stack()), Map.of(),
                List.of(new Diagnostic(Severity.ERROR, "", "it broke")), Optional.empty());

        assertThat(warnedOnly.succeeded()).isTrue();
        assertThat(warnedOnly.diagnostics(Severity.WARNING)).extracting(Diagnostic::message).containsExactly("careful");
        assertThat(loggedAnError.succeeded()).isFalse();
        assertThat(loggedAnError.errors()).containsExactly("it broke");
    }
}
