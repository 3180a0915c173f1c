package dev.keyless.preview.report;

import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.StackSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The preview as the document {@code pulumi preview --json} prints for a new stack (Pulumi's
 * {@code PreviewDigest}): {@code config}, {@code steps}, {@code diagnostics}, {@code duration} and
 * {@code changeSummary}, each field left out when Pulumi would leave it out.
 *
 * <p>Steps come in the report's tree order, one for each resource the program registers. The
 * engine's default providers have none: their steps are internal ({@code isInternalStep} in
 * pulumi/pulumi pkg/engine/update.go), and the display drops internal events before the digest sees
 * them ({@code ShowEvents} in pkg/backend/display/display.go); the resources that use one still name
 * it as their {@code provider}. Secrets print as {@code "[secret]"}; what only the cloud can know
 * (ids, ids of providers not yet created, inputs built from computed outputs) is absent or Pulumi's
 * unknown marker, never the simulated cloud's placeholders. Keys and URN lists are sorted, so two
 * runs of one program give the same document but for {@code duration}.
 */
public final class PreviewJson {
    private PreviewJson() {
    }

    /**
     * Renders a run.
     *
     * @param deployment what the program registered and logged, and how it ended
     * @param settings   the stack it ran as, whose configuration the document lists
     * @param duration   how long the preview took
     * @return the pretty-printed document, ending with a line break
     */
    public static String render(RecordedDeployment deployment, StackSettings settings, Duration duration) {
        var document = new LinkedHashMap<String, Object>();
        var config = config(settings);
        if (!config.isEmpty()) {
            document.put("config", config);
        }
        document.put("steps", steps(deployment));
        var diagnostics = ReportedDiagnostics.of(deployment).stream().map(PreviewJson::diagnostic).toList();
        if (!diagnostics.isEmpty()) {
            document.put("diagnostics", diagnostics);
        }
        // Go's time.Duration, which Pulumi prints, counts nanoseconds.
        document.put("duration", duration.toNanos());
        document.put("changeSummary", ChangeSummary.counts(deployment));
        return DigestJsonText.of(document);
    }

    // Pulumi lists every value as the program reads it, as text, secrets blinded.
    private static Map<String, String> config(StackSettings settings) {
        var config = new TreeMap<String, String>();
        settings.config().forEach((key, value) ->
                config.put(key, settings.secretKeys().contains(key) ? SecretValue.MASK : value));
        return config;
    }

    private static List<Map<String, Object>> steps(RecordedDeployment deployment) {
        var providers = new ProviderReferences(deployment);
        var unknowns = new DerivedUnknowns(deployment);
        var steps = new ArrayList<Map<String, Object>>();
        for (var resource : TreeOrder.resources(deployment)) {
            var provider = providers.of(resource);
            steps.add(step(Plan.of(resource).operation(), resource.urn(), provider,
                    StateJson.of(resource, provider, unknowns.inputs(resource))));
        }
        return steps;
    }

    private static Map<String, Object> step(String op, String urn, String provider, Map<String, Object> newState) {
        var step = new LinkedHashMap<String, Object>();
        step.put("op", op);
        step.put("urn", urn);
        if (!provider.isEmpty()) {
            step.put("provider", provider);
        }
        step.put("newState", newState);
        // Pulumi always writes this field, null for a step that changes nothing it could diff.
        step.put("detailedDiff", null);
        return step;
    }

    private static Map<String, Object> diagnostic(Diagnostic diagnostic) {
        var json = new LinkedHashMap<String, Object>();
        if (!diagnostic.urn().isEmpty()) {
            json.put("urn", diagnostic.urn());
        }
        // The engine's sink writes "SEVERITY: " before all but info messages and a line break after
        // every one (StringifyDiag in pulumi/pulumi pkg/engine/eventsink.go); the digest keeps
        // prefix and message, colours removed (ShowPreviewDigest).
        var prefix = diagnostic.severity() == Diagnostic.Severity.INFO ? "" : diagnostic.severity().label() + ": ";
        json.put("message", prefix + diagnostic.message() + "\n");
        json.put("severity", diagnostic.severity().label());
        return json;
    }
}
