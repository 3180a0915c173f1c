package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code identities} output of a component with one identity per cloud: each identity's
 * export value keyed by its cloud's name, in the order the clouds were planned.
 */
final class IdentitiesByCloud {
    private IdentitiesByCloud() {
    }

    /**
     * @param byCloud each cloud's identity, in plan order
     * @return cloud name to export value, known once every value is
     */
    static Output<Map<String, String>> of(Map<Cloud, WorkloadIdentity> byCloud) {
        var names = byCloud.keySet().stream().map(Cloud::name).toList();
        var values = byCloud.values().stream().map(WorkloadIdentity::exportValue).toList();
        // One cloud is the common case: mapping its one value directly spares every workload the
        // Output (and SDK task) that Output.all's list of one would add.
        if (values.size() == 1) {
            var name = names.get(0);
            return values.get(0).applyValue(value -> Map.of(name, value));
        }
        return Output.all(values).applyValue(known -> keyed(names, known));
    }

    private static Map<String, String> keyed(List<String> names, List<String> values) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i));
        }
        return map;
    }
}
