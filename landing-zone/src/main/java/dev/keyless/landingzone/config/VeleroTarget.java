package dev.keyless.landingzone.config;

import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a cluster's {@code velero} controller backs up: the key of a bucket or container under
 * {@code stores}, so Velero is given that store (the one the landing zone creates, or the existing
 * one the store names), or else the name of an existing bucket or container outside the config.
 * A store's key wins over a bucket of the same name: the config means what it declares.
 */
public final class VeleroTarget {
    private static final List<String> OBJECT_KINDS = List.of("bucket", "container");

    private VeleroTarget() {
    }

    /**
     * @param settings  the controller's map
     * @param setting   the setting that names the target, e.g. {@code bucket}
     * @param what      what it names, for messages, e.g. {@code bucket}
     * @param cluster   the controller's cluster
     * @param stores    the stores the config declares
     * @param snapshots where Velero also snapshots disks, when the cloud's preset takes that apart
     * @param existing  the preset on an existing target of that name, made now; empty when the settings
     *                  it also needs have problems (reported)
     * @param terms     how the config names the preset's fields, so a refusal is reported at the setting written
     * @return the preset given the stores by key, or empty when there is a problem (reported)
     */
    public static Optional<Function<Function<String, Store>, ControllerPreset>> read(ConfigNode settings, String setting, String what,
            ClusterSpec cluster, DeclaredStores stores, Optional<String> snapshots, Function<String, Optional<ControllerPreset>> existing,
            ConfigTerms terms) {
        var name = settings.requiredText(setting, "the backup " + what + ": the key of a " + what + " under stores, or an existing "
                + what + "'s name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        var key = name.get();
        var cloud = stores.clouds().get(key);
        if (cloud == null) {
            try {
                return existing.apply(key).map(made -> registered -> made);
            } catch (InvalidInputException refusal) {
                var field = terms.keys().getOrDefault(refusal.field(), refusal.field());
                settings.problems().add(settings.has(field) ? settings.path(field) : settings.path(setting), terms.message(refusal));
                return Optional.empty();
            }
        }
        if (cloud != cluster.cloud()) {
            settings.problems().add(settings.path(setting), "names store '" + key + "' on " + cloud.configName() + "; Velero backs up to a "
                    + what + " of its cluster's cloud, " + cluster.cloud().configName());
            return Optional.empty();
        }
        var spec = stores.specs().get(key);
        if (spec == null) {
            // The store's own problem is reported where it is.
            return Optional.empty();
        }
        if (!OBJECT_KINDS.contains(spec.kind())) {
            settings.problems().add(settings.path(setting), "names store '" + key + "', a " + spec.kind() + "; Velero backs up to a " + what);
            return Optional.empty();
        }
        return Optional.of(registered -> registered.apply(key).velero()
                .orElseThrow(() -> new IllegalStateException("store '" + key + "' was read as a " + spec.kind() + " Velero can back up to"))
                .apply(snapshots));
    }
}
