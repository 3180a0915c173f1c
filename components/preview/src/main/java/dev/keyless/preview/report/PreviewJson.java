package dev.keyless.preview.report;

import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The preview as a JSON document shaped like {@code pulumi preview --json}, so that tools written
 * for Pulumi's output can read it: one step per resource with the state the engine received,
 * secrets as {@code "[secret]"}, unknowns as Pulumi's unknown marker. Keys are in a fixed order and
 * resources in the report's tree order, so two runs of one program give the same document.
 */
public final class PreviewJson {
    private PreviewJson() {
    }

    /**
     * Renders a run.
     *
     * @param deployment what the program registered and logged, and how it ended
     * @return the pretty-printed document, ending with a line break
     */
    public static String render(RecordedDeployment deployment) {
        var document = new LinkedHashMap<String, Object>();
        document.put("steps", TreeOrder.resources(deployment).stream().map(PreviewJson::step).toList());
        document.put("outputs", plain(deployment.stackOutputs()));
        document.put("diagnostics", ReportedDiagnostics.of(deployment).stream().map(PreviewJson::diagnostic).toList());
        document.put("changeSummary", ChangeSummary.counts(deployment));
        return JsonText.of(document) + "\n";
    }

    private static Map<String, Object> step(RegisteredResource resource) {
        var step = new LinkedHashMap<String, Object>();
        step.put("op", Plan.of(resource).operation());
        step.put("urn", resource.urn());
        if (!resource.providerReference().isEmpty()) {
            step.put("provider", resource.providerReference());
        }
        step.put("newState", newState(resource));
        return step;
    }

    private static Map<String, Object> newState(RegisteredResource resource) {
        var state = new LinkedHashMap<String, Object>();
        state.put("type", resource.type());
        state.put("urn", resource.urn());
        state.put("custom", resource.custom());
        // The mock engine gives components an id too; Pulumi's state has ids only for custom resources.
        if (resource.custom() && !resource.id().isEmpty()) {
            state.put("id", resource.id());
        }
        state.put("parent", resource.parentUrn());
        state.put("provider", resource.providerReference());
        state.put("inputs", plain(resource.inputs()));
        state.put("outputs", plain(resource.outputs()));
        state.put("dependencies", resource.dependencies());
        state.put("propertyDependencies", resource.propertyDependencies());
        state.put("protect", resource.protect());
        state.put("retainOnDelete", resource.retainOnDelete());
        if (resource.deleteBeforeReplace()) {
            state.put("deleteBeforeReplace", true);
        }
        return state;
    }

    private static Map<String, Object> diagnostic(Diagnostic diagnostic) {
        var json = new LinkedHashMap<String, Object>();
        if (!diagnostic.urn().isEmpty()) {
            json.put("urn", diagnostic.urn());
        }
        json.put("severity", diagnostic.severity().label());
        json.put("message", diagnostic.message());
        return json;
    }

    private static Map<String, Object> plain(Map<String, Object> values) {
        return PlainValues.ofMap(values, SecretValue.MASK, UnknownValue.WIRE_MARKER);
    }
}
