package dev.keyless.preview.report;

import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.List;

/** The diagnostics a report shows: every message the program logged, then why it stopped, if it failed. */
final class ReportedDiagnostics {
    private ReportedDiagnostics() {
    }

    /**
     * @param deployment a run
     * @return its diagnostics in arrival order, its failure last, as an error about the stack
     */
    static List<Diagnostic> of(RecordedDeployment deployment) {
        var diagnostics = new ArrayList<Diagnostic>(deployment.diagnostics());
        // toString, not getMessage: a bare "boom" says less than "java.lang.IllegalStateException: boom".
        deployment.failure().ifPresent(failure ->
                diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "", failure.toString())));
        return diagnostics;
    }
}
