package dev.keyless.preview.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a secret input secret where the simulated cloud echoes it back as an output, at any depth,
 * as the engine does: a secret Helm value nested in {@code values} must not come back in plaintext
 * under the outputs, while its non-secret neighbours stay readable.
 */
final class SecretOutputs {
    private SecretOutputs() {
    }

    /**
     * @param outputs a resource's outputs
     * @param inputs  its inputs, secrets marked
     * @return the outputs, with every value whose input counterpart is secret marked secret
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> maskLike(Map<String, Object> outputs, Map<String, Object> inputs) {
        return (Map<String, Object>) mask(outputs, inputs);
    }

    private static Object mask(Object output, Object input) {
        if (output instanceof SecretValue) {
            return output;
        }
        if (input instanceof SecretValue) {
            return new SecretValue(output);
        }
        if (output instanceof Map<?, ?> outputMap && input instanceof Map<?, ?> inputMap) {
            var masked = new LinkedHashMap<String, Object>();
            outputMap.forEach((key, value) -> masked.put(String.valueOf(key), mask(value, inputMap.get(key))));
            return masked;
        }
        if (output instanceof List<?> outputList && input instanceof List<?> inputList) {
            var masked = new ArrayList<>(outputList.size());
            for (int i = 0; i < outputList.size(); i++) {
                masked.add(mask(outputList.get(i), i < inputList.size() ? inputList.get(i) : null));
            }
            return masked;
        }
        return output;
    }
}
