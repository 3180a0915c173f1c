package dev.keyless.landingzone.config;

import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One controller a cloud's clusters may list under {@code controllers}, e.g. {@code externalDns}:
 * the settings it takes besides {@code namespace} and {@code serviceAccount}, and how they make the
 * cloud's preset ({@code AwsControllers}, {@code GcpControllers}, {@code AzureControllers}).
 *
 * @param name     its config name, e.g. {@code externalDns}
 * @param settings the settings it reads
 * @param preset   makes the preset from its settings, its cluster and the stores they may name, reporting
 *                 problems; empty when there are any
 */
public record ControllerKind(String name, List<String> settings, OnStores preset) {

    /**
     * A controller whose settings name no store: its preset is the same while reading and registering.
     *
     * @param name     its config name
     * @param settings the settings it reads
     * @param preset   makes the preset from its settings and its cluster
     */
    public ControllerKind(String name, List<String> settings, Preset preset) {
        this(name, settings, (values, cluster, stores) -> preset.make(values, cluster).map(made -> registered -> made));
    }

    /** Makes a controller's preset from its settings. */
    @FunctionalInterface
    public interface Preset {
        /**
         * @param settings the controller's map
         * @param cluster  its cluster
         * @return the preset, or empty when a setting has a problem (reported)
         */
        Optional<ControllerPreset> make(ConfigNode settings, ClusterSpec cluster);
    }

    /**
     * Makes a controller's preset from its settings where they may name a store under {@code stores}
     * (Velero's bucket): the preset is made on the store as planning sees it while the config is
     * read, and again on the registered store, so it names the bucket the landing zone created.
     */
    @FunctionalInterface
    public interface OnStores {
        /**
         * @param settings the controller's map
         * @param cluster  its cluster
         * @param stores   the stores the config declares
         * @return the preset given the stores by key (planned or registered), or empty when a setting
         *     has a problem (reported)
         */
        Optional<Function<Function<String, Store>, ControllerPreset>> make(ConfigNode settings, ClusterSpec cluster, DeclaredStores stores);
    }

    /**
     * Runs a preset factory and reports its refusal at the setting it names, or else at
     * {@code mainKey} (e.g. {@code zones}, when the factory names the controller) when the settings
     * have it, or else at the controller.
     *
     * @param settings the controller's map
     * @param mainKey  the setting most refusals are about
     * @param factory  the preset factory
     * @return the preset, or empty when refused
     */
    public static Optional<ControllerPreset> attempt(ConfigNode settings, String mainKey, Supplier<ControllerPreset> factory) {
        try {
            return Optional.of(factory.get());
        } catch (InvalidInputException refusal) {
            var field = refusal.field();
            var path = settings.has(field) ? settings.path(field) : settings.has(mainKey) ? settings.path(mainKey) : settings.path();
            settings.problems().add(path, refusal.getMessage());
            return Optional.empty();
        }
    }
}
