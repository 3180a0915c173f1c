package dev.keyless.aws;

import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The AWS Load Balancer Controller preset's opt-in add-ons ({@link LoadBalancerIngressFeature}): checked, described, warned about. */
final class LoadBalancerControllerFeatures {
    private static final String RULE = "a set of LoadBalancerIngressFeature (WAF, SHIELD, COGNITO), empty for none";

    private LoadBalancerControllerFeatures() {
    }

    /**
     * @param features the add-ons as given
     * @return them, in the enum's order
     * @throws InvalidInputException when the set or one of its members is null
     */
    static Set<LoadBalancerIngressFeature> require(Set<LoadBalancerIngressFeature> features) {
        Checks.notNull("features", features, RULE);
        // A HashSet may hold null; Set.of answers contains(null) with a NullPointerException.
        if (features.stream().anyMatch(f -> f == null)) {
            throw InvalidInputException.of("features", features, "LoadBalancerIngressFeature members (WAF, SHIELD, COGNITO), none of them null");
        }
        return features.isEmpty() ? Set.of() : EnumSet.copyOf(features);
    }

    static String describe(String clusterName, Set<LoadBalancerIngressFeature> features) {
        var base = "AWS Load Balancer Controller on the load balancers tagged for " + clusterName;
        return features.isEmpty() ? base
                : base + ", with " + features.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    static List<String> warnings(String clusterName, Set<LoadBalancerIngressFeature> features) {
        return features.stream().map(f -> f.warning(clusterName)).toList();
    }
}
