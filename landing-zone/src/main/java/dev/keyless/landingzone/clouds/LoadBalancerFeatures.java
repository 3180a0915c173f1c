package dev.keyless.landingzone.clouds;

import dev.keyless.aws.LoadBalancerIngressFeature;
import dev.keyless.landingzone.config.ConfigNode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code features} of a cluster's {@code loadBalancerController}: the Ingress add-ons its
 * preset leaves out unless asked for ({@link LoadBalancerIngressFeature}), by their lower-case
 * names, e.g. {@code features: [waf]}. None when the key is missing.
 */
final class LoadBalancerFeatures {
    static final String KEY = "features";
    private static final List<String> NAMES = Arrays.stream(LoadBalancerIngressFeature.values())
            .map(f -> f.name().toLowerCase(Locale.ROOT)).toList();

    private LoadBalancerFeatures() {
    }

    /**
     * @param settings the controller's map
     * @return the add-ons, or empty when one is unknown or named twice (reported at its index)
     */
    static Optional<Set<LoadBalancerIngressFeature>> read(ConfigNode settings) {
        var names = settings.textList(KEY);
        if (names.isEmpty()) {
            // Missing, or not a list of strings (reported).
            return settings.has(KEY) ? Optional.empty() : Optional.of(Set.of());
        }
        var features = EnumSet.noneOf(LoadBalancerIngressFeature.class);
        var wrong = false;
        for (int i = 0; i < names.get().size(); i++) {
            var name = names.get().get(i);
            var at = settings.path(KEY) + "[" + i + "]";
            if (!NAMES.contains(name)) {
                settings.problems().add(at, "'" + name + "' is not one of " + String.join(", ", NAMES));
                wrong = true;
            } else if (!features.add(LoadBalancerIngressFeature.valueOf(name.toUpperCase(Locale.ROOT)))) {
                settings.problems().add(at, "'" + name + "' is named twice");
                wrong = true;
            }
        }
        return wrong ? Optional.empty() : Optional.of(features);
    }
}
