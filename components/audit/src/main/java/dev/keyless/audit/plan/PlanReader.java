package dev.keyless.audit.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the resources out of a {@code pulumi preview --json} document: every step's
 * {@code newState}. Steps without one (deletes) have nothing left to audit and are skipped.
 */
public final class PlanReader {
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
        List<PlanResource> resources = new ArrayList<>();
        int index = 0;
        for (JsonNode step : root.path("steps")) {
            JsonNode state = step.path("newState");
            if (state.isObject()) {
                resources.add(resource(state, index));
            }
            index++;
        }
        return new Plan(resources);
    }

    private static PlanResource resource(JsonNode state, int index) throws PlanFormatException {
        JsonNode urn = state.path("urn");
        JsonNode type = state.path("type");
        if (!urn.isTextual() || !type.isTextual()) {
            throw new PlanFormatException("steps[" + index + "].newState has no text \"urn\" and \"type\"");
        }
        return new PlanResource(urn.textValue(), type.textValue(), state.path("parent").asText(""),
                objectOrNone(state.path("inputs")), objectOrNone(state.path("outputs")),
                state.path("protect").asBoolean(false), state.path("retainOnDelete").asBoolean(false),
                dependencies(state.path("propertyDependencies")));
    }

    private static JsonNode objectOrNone(JsonNode node) {
        return node.isObject() ? node : PlanResource.none();
    }

    private static Map<String, List<String>> dependencies(JsonNode node) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            List<String> urns = new ArrayList<>();
            field.getValue().forEach(urn -> urns.add(urn.asText()));
            dependencies.put(field.getKey(), List.copyOf(urns));
        });
        return dependencies;
    }
}
