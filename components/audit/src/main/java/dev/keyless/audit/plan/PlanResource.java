package dev.keyless.audit.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * One resource a preview would create or keep: a step's {@code newState}.
 *
 * @param urn                  its URN
 * @param type                 its type token, e.g. {@code aws:s3/bucketV2:BucketV2}
 * @param parent               its parent's URN, or empty
 * @param inputs               what the program set
 * @param outputs              what the provider reports; for a create, the inputs plus unknowns
 * @param protect              whether Pulumi refuses to delete it
 * @param retainOnDelete       whether Pulumi leaves it in the cloud when the stack deletes it
 * @param propertyDependencies for each input, the URNs of the resources it was built from
 * @param dependencies         the URNs of every resource it depends on, by data or by {@code dependsOn}
 */
public record PlanResource(String urn, String type, String parent, JsonNode inputs, JsonNode outputs,
                           boolean protect, boolean retainOnDelete,
                           Map<String, List<String>> propertyDependencies, List<String> dependencies) {

    /** A resource whose document records no {@code dependencies} list. */
    public PlanResource(String urn, String type, String parent, JsonNode inputs, JsonNode outputs,
                        boolean protect, boolean retainOnDelete, Map<String, List<String>> propertyDependencies) {
        this(urn, type, parent, inputs, outputs, protect, retainOnDelete, propertyDependencies, List.of());
    }

    /**
     * The URNs input {@code property} was built from. A document that records no property
     * dependencies at all (an SDK that does not send them) gives the resource's whole
     * {@code dependencies} instead: wider, but never blind.
     */
    public List<String> dependenciesOf(String property) {
        if (propertyDependencies.isEmpty()) {
            return dependencies;
        }
        return propertyDependencies.getOrDefault(property, List.of());
    }

    /**
     * The property {@code name}: the input when the program set it, otherwise the output (a real
     * preview of an existing stack has values there that a new one has not). Missing when neither.
     */
    public JsonNode get(String name) {
        JsonNode input = inputs.path(name);
        return input.isMissingNode() || input.isNull() ? outputs.path(name) : input;
    }

    /** Whether {@code property} is absent or null in both inputs and outputs. */
    public boolean lacks(String property) {
        JsonNode value = get(property);
        return value.isMissingNode() || value.isNull();
    }

    /** The text of property {@code name}, or null when it is absent or not text. */
    public String text(String name) {
        JsonNode value = get(name);
        return value.isTextual() ? value.textValue() : null;
    }

    /** Whether deleting the stack would keep this resource in the cloud. */
    public boolean survivesDelete() {
        return protect || retainOnDelete;
    }

    /** The last part of the URN: the name the program gave the resource. */
    public String name() {
        int separator = urn.lastIndexOf("::");
        return separator < 0 ? urn : urn.substring(separator + 2);
    }

    /**
     * Whether the type is {@code pkg:module:Name}, ignoring a module's {@code /file} part
     * ({@code aws:s3/bucketV2:BucketV2} is module {@code s3}) and azure-native's API-version
     * modules ({@code azure-native:storage/v20230101:StorageAccount} is module {@code storage}).
     */
    public boolean isType(String pkg, String module, String name) {
        String[] parts = type.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(pkg) || !parts[2].equals(name)) {
            return false;
        }
        int slash = parts[1].indexOf('/');
        String base = slash < 0 ? parts[1] : parts[1].substring(0, slash);
        return base.equals(module);
    }

    /** What a state without inputs or outputs holds there: a node every lookup finds empty. */
    static JsonNode none() {
        return MissingNode.getInstance();
    }
}
