package dev.keyless.preview.cli;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.report.Diagnostic;

import java.util.List;

/**
 * What running a program out of process produced.
 *
 * @param deployment  what it registered, and how it ended
 * @param diagnostics every message it logged, and the reason it stopped if it failed
 */
public record PreviewOutcome(RecordedDeployment deployment, List<Diagnostic> diagnostics) {
}
