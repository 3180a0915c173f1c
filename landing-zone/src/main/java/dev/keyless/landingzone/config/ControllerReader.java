package dev.keyless.landingzone.config;

import dev.keyless.core.AccessGrant;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ServiceAccountRef;
import dev.keyless.core.SystemNamespaces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a cluster's {@code controllers} map: each key one of the controllers its cloud has presets
 * for, each value the preset's settings (the zones, secrets or key it acts on) and optionally the
 * {@code namespace} and {@code serviceAccount} the controller runs as, when not its chart's
 * defaults. Each controller's ServiceAccount is claimed like a workload's (one identity per
 * ServiceAccount) and its identity is planned on the cluster's default mechanism, so the presets'
 * rules are config problems too.
 */
final class ControllerReader {
    private static final List<String> COMMON_KEYS = List.of("namespace", "serviceAccount");

    private final Map<Cloud, CloudKit> kits;
    private final WorkloadReader workloads;
    private final DeclaredStores stores;
    private final Map<String, ControllerSpec> controllers = new LinkedHashMap<>();

    ControllerReader(Map<Cloud, CloudKit> kits, WorkloadReader workloads, DeclaredStores stores) {
        this.kits = kits;
        this.workloads = workloads;
        this.stores = stores;
    }

    Map<String, ControllerSpec> read() {
        return controllers;
    }

    /**
     * @param cluster     the cluster, read without a problem
     * @param controllers its {@code controllers} map
     */
    void read(ClusterSpec cluster, ConfigNode controllers) {
        var kinds = kits.get(cluster.cloud()).controllers();
        controllers.entries().forEach((name, settings) -> {
            var kind = kinds.get(name);
            if (kind == null) {
                controllers.problems().add(settings.path(), "is not a controller with a preset on " + cluster.cloud().configName()
                        + "; expected one of " + String.join(", ", new TreeSet<>(kinds.keySet())));
                return;
            }
            read(cluster, kind, settings);
        });
    }

    private void read(ClusterSpec cluster, ControllerKind kind, ConfigNode settings) {
        var problems = settings.problems();
        var mark = problems.count();
        settings.allowOnly(Stream.concat(COMMON_KEYS.stream(), kind.settings().stream()).toList());
        var key = cluster.key() + "-" + kebab(kind.name());
        if (!WorkloadReader.KEY.matcher(key).matches()) {
            problems.add(settings.path(), "names the controller's identity '" + key + "', which must be " + WorkloadReader.KEY_RULE
                    + ": shorten the cluster's key");
        }
        var made = kind.preset().make(settings, cluster, stores);
        // Planned on the stores as planning sees them: stand-ins for the ones created here.
        Function<String, Store> planned = store -> stores.specs().get(store).planned().get();
        var preset = made.flatMap(recipe -> Optional.ofNullable(problems.attempt(settings.path(), () -> recipe.apply(planned))));
        var namespace = settings.text("namespace");
        var serviceAccount = settings.text("serviceAccount");
        // The chart's defaults, unless the config runs the controller elsewhere.
        if (preset.isPresent() && namespace.isPresent()) {
            var chart = preset.get();
            preset = Optional.ofNullable(problems.attempt(settings.path("namespace"), () -> chart.inNamespace(namespace.get())));
        }
        if (preset.isPresent() && serviceAccount.isPresent()) {
            var chart = preset.get();
            preset = Optional.ofNullable(problems.attempt(settings.path("serviceAccount"), () -> chart.serviceAccountName(serviceAccount.get())));
        }
        if (preset.isEmpty() || problems.count() != mark) {
            return;
        }
        // Checked on the planned stores above: made again on the registered ones, moved as the config moves it.
        var recipe = made.orElseThrow();
        Function<Function<String, Store>, ControllerPreset> registered = registeredStores -> {
            var onStores = recipe.apply(registeredStores);
            var moved = namespace.map(onStores::inNamespace).orElse(onStores);
            return serviceAccount.map(moved::serviceAccountName).orElse(moved);
        };
        var chart = preset.get();
        workloads.claim(settings, cluster.key(), chart.namespace(), chart.serviceAccountName(), !SystemNamespaces.contains(chart.namespace()));
        if (problems.count() != mark) {
            return;
        }
        plan(key, cluster, chart, settings);
        if (problems.count() == mark) {
            controllers.put(key, new ControllerSpec(key, cluster.key(), kind.name(), chart, registered));
        }
    }

    // Planned as FederatedServiceAccount plans it: the cluster's default mechanism for its own
    // cloud's grants, each other cloud's federation for the rest.
    private void plan(String key, ClusterSpec cluster, ControllerPreset preset, ConfigNode settings) {
        var account = new ServiceAccountRef(preset.namespace(), preset.serviceAccountName());
        var planned = cluster.planned();
        var byCloud = new LinkedHashMap<dev.keyless.core.Cloud, List<AccessGrant>>();
        preset.grants().forEach(grant -> byCloud.computeIfAbsent(grant.cloud(), cloud -> new ArrayList<>()).add(grant));
        byCloud.forEach((cloud, grants) -> {
            var mechanism = cloud.equals(planned.cloud()) ? planned.defaultIdentity() : kits.get(Cloud.of(cloud.name())).plannedFederation(cloud);
            try {
                mechanism.plan(new BindingRequest(key, account, planned, grants));
            } catch (InvalidInputException refusal) {
                settings.problems().add(settings.path(), refusal.getMessage());
            }
        });
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
