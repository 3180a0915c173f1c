package dev.keyless.landingzone.config;

import com.pulumi.Config;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the landing zone knows about one cloud: how its clusters, stores and identity mechanisms are
 * configured. Each method reads its part of the config, checks it with the cloud library's own
 * builders, reports problems to the node's {@link ConfigProblems} and registers nothing.
 */
public interface CloudKit {

    /** @return the cloud */
    Cloud cloud();

    /**
     * @param key      the cluster's key
     * @param settings the map under {@code create} or {@code adopt}
     * @param adopt    whether the cluster exists already
     * @param config   the stack's config, for the secrets the settings name
     * @return the cluster, or empty when the settings have problems
     */
    Optional<ClusterSpec> cluster(String key, ConfigNode settings, boolean adopt, Config config);

    /**
     * @param key   the store's key
     * @param store the store's map, including {@code cloud}
     * @return the store, or empty when it has problems
     */
    Optional<StoreSpec> store(String key, ConfigNode store);

    /** @return the mechanisms' config names, the default first */
    List<String> mechanisms();

    /**
     * @param mechanism     one of {@link #mechanisms()}
     * @param options       the workload's {@code options} map, if any
     * @param alsoTrustedBy whether the workload names other clusters that also trust it
     * @param workload      the workload's map, where problems with {@code alsoTrustedBy} are reported
     * @return the mechanism, or empty when the options have problems
     */
    Optional<MechanismSpec> mechanism(String mechanism, Optional<ConfigNode> options, boolean alsoTrustedBy, ConfigNode workload);

    /**
     * @return the controllers its clusters may list under {@code controllers}, by config name, with
     *     the presets the cloud's module has
     */
    Map<String, ControllerKind> controllers();

    /**
     * The federation into this cloud for a workload's or pipeline's grants on these stores, when
     * the cloud's default federation cannot place the identity from the grants alone.
     *
     * @param stores the stores of this cloud the grants name
     * @return the federation, or empty for the cloud's default
     */
    default Optional<IdentityMechanism> federation(List<StoreSpec> stores) {
        return Optional.empty();
    }

    /**
     * @param cloud the library's cloud, this kit's
     * @return the federation into this cloud that planning checks grants with while the config is
     *     read, registering nothing: the cloud's default unless planning it would wait on values
     *     only a bound identity asks for
     */
    default IdentityMechanism plannedFederation(dev.keyless.core.Cloud cloud) {
        return cloud.federation();
    }

    /** @return how the cloud's config names what its library names otherwise */
    default ConfigTerms terms() {
        return ConfigTerms.SAME;
    }

    /**
     * Reports a refusal of a workload's mechanism's plan, or of a claim, at the config key it is about.
     *
     * @param refusal  the library's refusal
     * @param workload the workload's map
     * @param options  its {@code options} map, if any
     */
    default void reportRefusal(InvalidInputException refusal, ConfigNode workload, Optional<ConfigNode> options) {
        terms().report(refusal, workload, options);
    }

    /**
     * Builds a workload's mechanism once, without other clusters, so every option is checked before
     * anything is registered; a refusal is reported at its config key.
     *
     * @param spec     the mechanism as the config gives it
     * @param workload the workload's map
     * @param options  its {@code options} map, if any
     * @return the mechanism, or empty when the library refused its options
     */
    default Optional<MechanismSpec> checkedNow(MechanismSpec spec, ConfigNode workload, Optional<ConfigNode> options) {
        try {
            spec.build(List.of(), new SharedObjects());
            return Optional.of(spec);
        } catch (InvalidInputException refusal) {
            reportRefusal(refusal, workload, options);
            return Optional.empty();
        }
    }

    /**
     * Checks a grant's prefix against the cloud's rules.
     *
     * @param grant the grant's map
     * @param prefix the prefix
     */
    void checkPrefix(ConfigNode grant, String prefix);
}
