package dev.keyless.preview.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Walks nested property maps by a dotted path; a numeric step indexes a list. */
final class PropertyPath {
    private PropertyPath() {
    }

    static Optional<Object> find(Map<String, Object> root, String path) {
        Object current = root;
        for (var step : path.split("\\.")) {
            if (current instanceof SecretValue secret) {
                current = secret.plaintext();
            }
            if (current instanceof Map<?, ?> map && map.containsKey(step)) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step.matches("\\d+") && Integer.parseInt(step) < list.size()) {
                current = list.get(Integer.parseInt(step));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }
}
