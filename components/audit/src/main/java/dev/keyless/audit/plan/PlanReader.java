package dev.keyless.audit.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the resources out of a {@code pulumi preview --json} document in any step shape Pulumi
 * writes: a step's {@code newState} is what the stack holds after it; whether the audit judges it
 * or only reads it for context follows the step's {@link StepOp}; a {@code same} step that flips
 * {@code protect} is judged, since it changes what deleting the stack deletes. A resource whose step removes it
 * ({@code delete}, {@code delete-replaced}: an {@code oldState} only) has nothing left to audit.
 * A replacement may appear as one logical {@code replace} step and again as its
 * {@code create-replacement}; the URN is judged once.
 */
public final class PlanReader {
    /**
     * Pulumi's bridged providers list, under this key in inputs (at any depth), the properties
     * they filled with defaults. It is bookkeeping, not a property of the resource.
     */
    static final String DEFAULTS_MARKER = "__defaults";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanReader() {
    }

    /**
     * Parses {@code json}.
     *
     * @throws PlanFormatException when it is not JSON, has no {@code steps} array, or a new state
     *                             has no text {@code urn} and {@code type}
     */
    public static Plan read(String json) throws PlanFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("steps").isArray()) {
            throw new PlanFormatException("no \"steps\" array: not a pulumi preview --json document");
        }
        List<PlanResource> judged = new ArrayList<>();
        Set<String> judgedUrns = new HashSet<>();
        Map<String, PlanResource> held = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode step : root.path("steps")) {
            JsonNode state = step.path("newState");
            StepOp op = StepOp.of(step.path("op").isTextual() ? step.path("op").textValue() : null);
            if (op == StepOp.KEEPS && protectChanges(step)) {
                op = StepOp.CHANGES; // a same step that only drops protect still changes what a stack delete does
            }
            if (state.isObject() && op != StepOp.REMOVES) {
                PlanResource resource = resource(state, index);
                // The last step of a URN carries its final state (a replacement after its logical replace).
                held.put(resource.urn(), resource);
                if (op == StepOp.CHANGES && judgedUrns.add(resource.urn())) {
                    judged.add(resource);
                }
            }
            index++;
        }
        return new Plan(judged, List.copyOf(held.values()));
    }

    /**
     * Whether the step flips {@code protect}: Pulumi shows such a {@code same} step even without
     * {@code --show-sames} ({@code shouldShow} in pkg/backend/display/display.go), because it
     * changes the resource's metadata.
     */
    private static boolean protectChanges(JsonNode step) {
        JsonNode old = step.path("oldState");
        return old.isObject() && old.path("protect").asBoolean(false) != step.path("newState").path("protect").asBoolean(false);
    }

    private static PlanResource resource(JsonNode state, int index) throws PlanFormatException {
        JsonNode urn = state.path("urn");
        JsonNode type = state.path("type");
        if (!urn.isTextual() || !type.isTextual()) {
            throw new PlanFormatException("steps[" + index + "].newState has no text \"urn\" and \"type\"");
        }
        List<String> dependencies = new ArrayList<>();
        state.path("dependencies").forEach(d -> dependencies.add(d.asText()));
        return new PlanResource(urn.textValue(), type.textValue(), state.path("parent").asText(""),
                properties(state.path("inputs")), properties(state.path("outputs")),
                state.path("protect").asBoolean(false), state.path("retainOnDelete").asBoolean(false),
                propertyDependencies(state.path("propertyDependencies")), List.copyOf(dependencies));
    }

    /** A state's inputs or outputs without Pulumi's {@code __defaults} bookkeeping, or none. */
    private static JsonNode properties(JsonNode node) {
        if (!node.isObject()) {
            return PlanResource.none();
        }
        JsonNode copy = node.deepCopy();
        dropDefaultsMarkers(copy);
        return copy;
    }

    private static void dropDefaultsMarkers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(DEFAULTS_MARKER);
            object.forEach(PlanReader::dropDefaultsMarkers);
        } else if (node instanceof ArrayNode array) {
            array.forEach(PlanReader::dropDefaultsMarkers);
        }
    }

    private static Map<String, List<String>> propertyDependencies(JsonNode node) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            List<String> urns = new ArrayList<>();
            field.getValue().forEach(urn -> urns.add(urn.asText()));
            dependencies.put(field.getKey(), List.copyOf(urns));
        });
        return dependencies;
    }
}
