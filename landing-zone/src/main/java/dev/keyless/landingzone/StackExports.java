package dev.keyless.landingzone;

import com.pulumi.core.Output;
import dev.keyless.landingzone.config.GrantSpec;
import dev.keyless.landingzone.config.LandingZoneConfig;
import dev.keyless.landingzone.config.WorkloadSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's outputs, shaped for the app stacks that read them through a StackReference: each map
 * is keyed by the same stable names as the config, so {@code workloads.payments} is what the
 * {@code payments} team's pods need.
 */
final class StackExports {
    private StackExports() {
    }

    /**
     * @return cluster key to {@code cloud}, {@code adopted} and {@code description}
     */
    static Output<Map<String, Object>> clusters(LandingZoneConfig config, LandingZoneResources deployed) {
        var clusters = new LinkedHashMap<String, Object>();
        config.clusters().forEach((key, spec) -> clusters.put(key, Map.of(
                "cloud", spec.cloud().configName(),
                "adopted", spec.adopted(),
                "description", deployed.clusters().get(key).describe())));
        return Output.of(clusters);
    }

    /**
     * @return store key to {@code cloud}, {@code created} and {@code name} (the bucket or container)
     */
    static Output<Map<String, Object>> stores(LandingZoneConfig config, LandingZoneResources deployed) {
        var keys = new ArrayList<>(config.stores().keySet());
        var names = keys.stream().map(key -> deployed.stores().get(key).name()).toList();
        return Output.all(names).applyValue(known -> {
            var stores = new LinkedHashMap<String, Object>();
            for (int i = 0; i < keys.size(); i++) {
                var spec = config.stores().get(keys.get(i));
                stores.put(keys.get(i), Map.of("cloud", spec.cloud().configName(), "created", spec.created(), "name", known.get(i)));
            }
            return stores;
        });
    }

    /**
     * @return workload key to where it runs ({@code cloud}, {@code cluster}, {@code namespace},
     *         {@code serviceAccount}), its {@code mechanism} and {@code identity}, what its pods must
     *         carry ({@code podLabels}, {@code nodeSelector}, {@code podEnv}), and its {@code grants}
     */
    static Output<Map<String, Object>> workloads(LandingZoneConfig config, LandingZoneResources deployed) {
        var keys = new ArrayList<>(config.workloads().keySet());
        var each = keys.stream().map(key -> workload(config, config.workloads().get(key), deployed)).toList();
        return Output.all(each).applyValue(known -> {
            var workloads = new LinkedHashMap<String, Object>();
            for (int i = 0; i < keys.size(); i++) {
                workloads.put(keys.get(i), known.get(i));
            }
            return workloads;
        });
    }

    private static Output<Map<String, Object>> workload(LandingZoneConfig config, WorkloadSpec spec, LandingZoneResources deployed) {
        var account = deployed.workloads().get(spec.key());
        var cloud = config.clusters().get(spec.cluster()).cloud().configName();
        return Output.tuple(account.identity(), account.podLabels(), account.nodeSelector(), account.podEnv()).applyValue(known -> {
            var workload = new LinkedHashMap<String, Object>();
            workload.put("cloud", cloud);
            workload.put("cluster", spec.cluster());
            workload.put("namespace", spec.namespace());
            workload.put("serviceAccount", spec.serviceAccount());
            workload.put("mechanism", spec.mechanism());
            workload.put("identity", known.t1);
            workload.put("podLabels", known.t2);
            workload.put("nodeSelector", known.t3);
            workload.put("podEnv", known.t4);
            workload.put("grants", spec.grants().stream().map(StackExports::grant).toList());
            return workload;
        });
    }

    /**
     * @return controller key to its {@code cluster}, {@code controller} (e.g. {@code external-dns}),
     *         {@code namespace}, {@code serviceAccount} and {@code identity}: what its Helm values need
     */
    static Output<Map<String, Object>> controllers(LandingZoneConfig config, LandingZoneResources deployed) {
        var keys = new ArrayList<>(config.controllers().keySet());
        var identities = keys.stream().map(key -> deployed.controllers().get(key).identity()).toList();
        return Output.all(identities).applyValue(known -> {
            var controllers = new LinkedHashMap<String, Object>();
            for (int i = 0; i < keys.size(); i++) {
                var spec = config.controllers().get(keys.get(i));
                var controller = new LinkedHashMap<String, Object>();
                controller.put("cluster", spec.cluster());
                controller.put("controller", spec.preset().controller());
                controller.put("namespace", spec.preset().namespace());
                controller.put("serviceAccount", spec.preset().serviceAccountName());
                controller.put("identity", known.get(i));
                controllers.put(keys.get(i), controller);
            }
            return controllers;
        });
    }

    /**
     * @return pipeline key to its {@code logins} ({@code aws.roleArn}, {@code gcp.workloadIdentityProvider},
     *         {@code azure.clientId}, ...) and the login steps to paste, {@code gitHubActions} and {@code gitLabCi}
     */
    static Output<Map<String, Object>> pipelines(LandingZoneResources deployed) {
        var keys = new ArrayList<>(deployed.pipelines().keySet());
        var each = keys.stream().map(key -> {
            var pipeline = deployed.pipelines().get(key);
            return Output.tuple(pipeline.logins(), pipeline.gitHubActionsSnippet(), pipeline.gitLabCiSnippet())
                    .applyValue(known -> (Object) Map.of("logins", known.t1, "gitHubActions", known.t2, "gitLabCi", known.t3));
        }).toList();
        return Output.all(each).applyValue(known -> {
            var pipelines = new LinkedHashMap<String, Object>();
            for (int i = 0; i < keys.size(); i++) {
                pipelines.put(keys.get(i), known.get(i));
            }
            return pipelines;
        });
    }

    private static Map<String, Object> grant(GrantSpec grant) {
        var exported = new LinkedHashMap<String, Object>();
        exported.put("store", grant.store());
        exported.put("access", grant.access());
        grant.prefix().ifPresent(prefix -> exported.put("prefix", prefix));
        return exported;
    }
}
