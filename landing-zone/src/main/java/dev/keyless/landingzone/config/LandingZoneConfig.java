package dev.keyless.landingzone.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.pulumi.Config;
import dev.keyless.core.ProgramClaims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The landing zone's stack config, read into a typed model and checked as a whole: the clusters,
 * the stores and the workloads, each keyed by a stable name. Every problem anywhere is collected
 * and reported in one {@link InvalidConfigException}, before anything is registered.
 *
 * @param clusters    cluster key to cluster, in config order
 * @param stores      store key to store, in config order
 * @param workloads   workload key to workload, in config order
 * @param controllers controller key ({@code CLUSTER-CONTROLLER}) to controller, in config order
 * @param pipelines   pipeline key to pipeline, in config order
 */
public record LandingZoneConfig(Map<String, ClusterSpec> clusters, Map<String, StoreSpec> stores,
                                Map<String, WorkloadSpec> workloads, Map<String, ControllerSpec> controllers,
                                Map<String, PipelineSpec> pipelines) {
    /** The config keys the landing zone reads, under the project's namespace. */
    public static final List<String> KEYS = List.of("clusters", "stores", "workloads", "pipelines");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLUSTER_KEYS = List.of("cloud", "create", "adopt", "controllers");

    /**
     * Reads and checks the config.
     *
     * @param config the stack's config in the project's namespace
     * @param kits   what each cloud's clusters, stores and mechanisms take
     * @return the checked model
     * @throws InvalidConfigException listing every problem, when there is any
     */
    public static LandingZoneConfig read(Config config, Map<Cloud, CloudKit> kits) {
        // Reading plans every workload's mechanism; the components built afterwards plan and claim
        // again, so the checks here claim in a dry run of their own.
        return ProgramClaims.inDryRun(() -> readChecked(config, kits));
    }

    private static LandingZoneConfig readChecked(Config config, Map<Cloud, CloudKit> kits) {
        var problems = new ConfigProblems();
        var clusters = new LinkedHashMap<String, ClusterSpec>();
        var declaredClusters = new LinkedHashMap<String, Cloud>();
        var controllerMaps = new LinkedHashMap<String, ConfigNode>();
        section(config, "clusters", problems).ifPresent(section -> section.entries().forEach((key, node) -> {
            node.allowOnly(CLUSTER_KEYS);
            node.object("controllers").ifPresent(controllers -> controllerMaps.put(key, controllers));
            cloudOf(node).ifPresent(cloud -> {
                declaredClusters.put(key, cloud);
                var adopt = node.has("adopt");
                settings(node).ifPresent(settings -> kits.get(cloud).cluster(key, settings, adopt, config)
                        .ifPresent(cluster -> clusters.put(key, cluster)));
            });
        }));
        var stores = new LinkedHashMap<String, StoreSpec>();
        var declaredStores = new LinkedHashMap<String, Cloud>();
        optionalSection(config, "stores", problems).ifPresent(section -> section.entries().forEach((key, node) ->
                cloudOf(node).ifPresent(cloud -> {
                    declaredStores.put(key, cloud);
                    kits.get(cloud).store(key, node).ifPresent(store -> stores.put(key, store));
                })));
        var workloads = new WorkloadReader(kits, declaredClusters, clusters, declaredStores, stores);
        section(config, "workloads", problems).ifPresent(section -> section.entries().forEach(workloads::read));
        // Controllers after the workloads, so a workload and a controller on one ServiceAccount is
        // reported at the controller; only on clusters read without a problem.
        var controllers = new ControllerReader(kits, workloads, new DeclaredStores(declaredStores, stores));
        controllerMaps.forEach((key, map) -> Optional.ofNullable(clusters.get(key)).ifPresent(cluster -> controllers.read(cluster, map)));
        var pipelines = new PipelineReader(new GrantReader(kits, declaredStores, stores));
        optionalSection(config, "pipelines", problems).ifPresent(section -> section.entries().forEach(pipelines::read));
        checkNamesUnique(workloads.read(), controllers.read(), pipelines.read(), problems);
        problems.throwIfAny();
        return new LandingZoneConfig(clusters, stores, workloads.read(), controllers.read(), pipelines.read());
    }

    // Workloads, controllers and pipelines each name their identity and its resources by their key.
    private static void checkNamesUnique(Map<String, WorkloadSpec> workloads, Map<String, ControllerSpec> controllers,
                                         Map<String, PipelineSpec> pipelines, ConfigProblems problems) {
        controllers.values().stream().filter(controller -> workloads.containsKey(controller.key())).forEach(controller ->
                problems.add("clusters." + controller.cluster() + ".controllers." + controller.controller(), "names its identity '"
                        + controller.key() + "', as workloads." + controller.key() + " does; rename the workload"));
        pipelines.keySet().stream().filter(key -> workloads.containsKey(key) || controllers.containsKey(key)).forEach(key ->
                problems.add("pipelines." + key, "names its identity '" + key + "', as " + (workloads.containsKey(key) ? "workloads." + key
                        : "a controller of cluster '" + controllers.get(key).cluster() + "'") + " does; give the pipeline another key"));
    }

    private static Optional<Cloud> cloudOf(ConfigNode node) {
        if (!node.has("cloud")) {
            node.problems().add(node.path("cloud"), "is required: one of " + String.join(", ", Cloud.configNames()));
            return Optional.empty();
        }
        return node.oneOf("cloud", Cloud.configNames()).map(Cloud::of);
    }

    // A cluster is either created here or adopted, never both.
    private static Optional<ConfigNode> settings(ConfigNode cluster) {
        var create = cluster.has("create");
        var adopt = cluster.has("adopt");
        if (create == adopt) {
            cluster.problems().add(cluster.path(), create
                    ? "takes 'create' or 'adopt', not both"
                    : "needs 'create' (settings of a new cluster) or 'adopt' (the values of an existing one)");
            return Optional.empty();
        }
        return cluster.object(create ? "create" : "adopt");
    }

    private static Optional<ConfigNode> section(Config config, String key, ConfigProblems problems) {
        if (config.get(key).isEmpty()) {
            problems.add(key, "is required: a map of " + key + " keyed by a stable name");
            return Optional.empty();
        }
        return optionalSection(config, key, problems);
    }

    private static Optional<ConfigNode> optionalSection(Config config, String key, ConfigProblems problems) {
        var raw = config.get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value;
        try {
            value = JSON.readTree(raw.get());
        } catch (JsonProcessingException e) {
            value = JsonNodeFactory.instance.textNode(raw.get());
        }
        if (!value.isObject()) {
            problems.add(key, "must be a map of " + key + " keyed by a stable name, not " + ConfigNode.describe(value));
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(value, key, problems));
    }
}
