package dev.keyless.multilang;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/**
 * A map as a list of {@code {name, value}} objects ({@code keyless:index:NameValue}), sorted by
 * name: the shape every language's SDK reads, and the one Kubernetes' own env lists use.
 */
final class NameValues {
    private NameValues() {
    }

    /**
     * @param map the map, e.g. a workload's pod labels
     * @return the same entries as {@code {name, value}} objects, by name
     */
    static Output<List<Map<String, String>>> of(Output<Map<String, String>> map) {
        return map.applyValue(entries -> entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                .toList());
    }
}
