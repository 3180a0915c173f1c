package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's outputs as {@code pulumi preview --json} can know them before anything exists: what
 * the program passed as inputs, and Pulumi's unknown marker for each output the cloud computes
 * ({@code [secret]} when the output is secret). The simulated cloud's readable placeholders (ARNs,
 * ids, endpoints) belong to the text report only; here they would pass for real values.
 */
final class PlannedOutputs {
    private PlannedOutputs() {
    }

    /**
     * @param resource a custom resource
     * @param inputs   its inputs as the preview knows them
     * @return its inputs, plus its computed outputs as unknowns, keys sorted
     */
    static Map<String, Object> of(RegisteredResource resource, Map<String, Object> inputs) {
        var outputs = new TreeMap<String, Object>(inputs);
        resource.outputs().forEach((key, value) -> outputs.putIfAbsent(key,
                value instanceof SecretValue ? value : UnknownValue.INSTANCE));
        return outputs;
    }
}
