package dev.keyless.landingzone.clouds;

import com.pulumi.Config;
import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.gcp.GkeClusterArgs;
import dev.keyless.gcp.GkeOidcCluster;
import dev.keyless.gcp.GkeWorkloadIdentity;
import dev.keyless.gcp.NodePoolOptions;
import dev.keyless.gcp.ProtectedGcsBucket;
import dev.keyless.gcp.ServiceAccountImpersonation;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.landingzone.config.Cloud;
import dev.keyless.gcp.GcpControllers;
import dev.keyless.landingzone.config.ControllerKind;
import dev.keyless.landingzone.config.CloudKit;
import dev.keyless.landingzone.config.ClusterSpec;
import dev.keyless.landingzone.config.ConfigNode;
import dev.keyless.landingzone.config.ConfigTerms;
import dev.keyless.landingzone.config.MechanismSpec;
import dev.keyless.landingzone.config.ReferencedStores;
import dev.keyless.landingzone.config.SecretReference;
import dev.keyless.landingzone.config.SharedObjects;
import dev.keyless.landingzone.config.Store;
import dev.keyless.landingzone.config.StoreSpec;
import dev.keyless.landingzone.config.VeleroTarget;
import dev.keyless.landingzone.config.DeclaredStores;
import dev.keyless.core.ControllerPreset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** GKE clusters, Cloud Storage stores, and GKE Workload Identity, as the landing zone's config declares them. */
public final class GcpKit implements CloudKit {
    private static final List<String> CREATE_KEYS = List.of("projectId", "location", "clusterName", "releaseChannel", "autopilot",
            "nodePool", "deletionProtection");
    private static final List<String> NODE_POOL_KEYS = List.of("machineType", "minNodes", "initialNodes", "maxNodes");
    private static final List<String> ADOPT_KEYS = List.of("projectId", "location", "clusterName", "kubeconfigSecret", "metadataServerOnEveryNode");
    private static final List<String> STORE_KEYS = List.of("cloud", "kind", "create", "retainOnDelete", "location", "bucket");
    private static final List<String> DIRECT_KEYS = List.of("projectNumber");
    private static final List<String> IMPERSONATION_KEYS = List.of("accountId", "existingServiceAccount");

    @Override
    public Cloud cloud() {
        return Cloud.GCP;
    }

    @Override
    public Optional<ClusterSpec> cluster(String key, ConfigNode settings, boolean adopt, Config config) {
        return adopt ? adopted(key, settings, config) : created(key, settings);
    }

    private Optional<ClusterSpec> created(String key, ConfigNode settings) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(CREATE_KEYS);
        var builder = GkeClusterArgs.builder();
        settings.text("projectId").ifPresent(value -> problems.attempt(settings.path("projectId"), () -> builder.projectId(value)));
        settings.text("location").ifPresent(value -> problems.attempt(settings.path("location"), () -> builder.location(value)));
        settings.text("clusterName").ifPresent(value -> problems.attempt(settings.path("clusterName"), () -> builder.clusterName(value)));
        settings.text("releaseChannel").ifPresent(value -> problems.attempt(settings.path("releaseChannel"), () -> builder.releaseChannel(value)));
        builder.autopilot(settings.bool("autopilot", false));
        builder.deletionProtection(settings.bool("deletionProtection", true));
        settings.object("nodePool").ifPresent(pool -> {
            pool.allowOnly(NODE_POOL_KEYS);
            var defaults = NodePoolOptions.DEFAULT;
            var beforeSizes = problems.count();
            var machineType = pool.text("machineType").orElse(defaults.machineType());
            var min = pool.integer("minNodes", defaults.minNodes());
            var initial = pool.integer("initialNodes", defaults.initialNodes());
            var max = pool.integer("maxNodes", defaults.maxNodes());
            // Sizes are checked together only when each one could be read.
            problems.attemptWhole(beforeSizes, pool, () -> new NodePoolOptions(machineType, min, initial, max)).ifPresent(builder::nodePool);
        });
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        return args.map(built -> {
            // check() passed, so the project is set or comes from the stack's gcp:project.
            var project = built.projectId().or(() -> Config.of("gcp").get("project")).orElseThrow();
            var gcpRegion = built.location().or(() -> Config.of("gcp").get("region"));
            var planned = new PlannedGkeCluster(key, false, project, gcpRegion, built.clusterName(), built.autopilot());
            return inPool(new ClusterSpec(key, Cloud.GCP, false, () -> new GkeCluster(key, built), planned), project);
        });
    }

    private Optional<ClusterSpec> adopted(String key, ConfigNode settings, Config config) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(ADOPT_KEYS);
        var builder = AdoptedGkeClusterArgs.builder();
        settings.requiredText("projectId", "the project that holds the cluster")
                .ifPresent(value -> problems.attempt(settings.path("projectId"), () -> builder.projectId(value)));
        settings.requiredText("location", "the cluster's region or zone")
                .ifPresent(value -> problems.attempt(settings.path("location"), () -> builder.location(value)));
        settings.requiredText("clusterName", "the GKE cluster's name")
                .ifPresent(value -> problems.attempt(settings.path("clusterName"), () -> builder.clusterName(value)));
        SecretReference.require(settings, "kubeconfigSecret", "the cluster's kubeconfig", config).ifPresent(builder::kubeconfig);
        // Unset, the library's default holds (false): pods are kept on nodes that run the GKE metadata server.
        if (settings.has("metadataServerOnEveryNode")) {
            builder.metadataServerOnEveryNode(settings.bool("metadataServerOnEveryNode", false));
        }
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        return args.map(built -> {
            var project = settings.text("projectId").orElseThrow();
            var planned = new PlannedGkeCluster(key, true, project, settings.text("location"), settings.text("clusterName"),
                    built.metadataServerOnEveryNode());
            return inPool(new ClusterSpec(key, Cloud.GCP, true, () -> new AdoptedGkeCluster(key, built), planned), project);
        });
    }

    // Every cluster of a project shares its workload pool (GkeOidcCluster.trustDomain).
    private static ClusterSpec inPool(ClusterSpec spec, String project) {
        return spec.inTrustDomain(GkeOidcCluster.WORKLOAD_POOL + " '" + GkeOidcCluster.poolOf(project) + "'");
    }

    private static GkeClusterArgs checked(GkeClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    private static AdoptedGkeClusterArgs checked(AdoptedGkeClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    @Override
    public Optional<StoreSpec> store(String key, ConfigNode store) {
        var kind = ReferencedStores.kindOf(store, "bucket", GcpStoreKinds.KINDS);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.get().equals("bucket")) {
            return ReferencedStores.read(key, store, Cloud.GCP, GcpStoreKinds.KINDS.get(kind.get()), ConfigTerms.SAME);
        }
        var problems = store.problems();
        store.allowOnly(STORE_KEYS);
        var create = store.bool("create", true);
        var retain = store.bool("retainOnDelete", true);
        if (create) {
            if (store.refuseWhenCreated("bucket")) {
                return Optional.empty();
            }
            var name = problems.attempt(store.path(), () -> ProtectedGcsBucket.requireName(key));
            var location = store.requiredText("location", "where the bucket lives, e.g. EU or europe-west1")
                    .map(value -> problems.attempt(store.path("location"), () -> ProtectedGcsBucket.requireLocation(value)));
            if (name == null || location.isEmpty() || location.get() == null) {
                return Optional.empty();
            }
            return Optional.of(StoreSpec.objects(key, Cloud.GCP, "bucket", true, () -> created(ProtectedGcsBucket.create(key, location.get(), retain)),
                    () -> planned(key), true));
        }
        return store.requiredText("bucket", "the name of the existing bucket")
                .filter(bucket -> problems.attempt(store.path("bucket"), () -> GcsAccess.readOnly(bucket)) != null)
                .map(bucket -> StoreSpec.objects(key, Cloud.GCP, "bucket", false, () -> existing(bucket), () -> existing(bucket), true));
    }

    // A created bucket's grants are keyed by its Pulumi name, the store's key; its name is known once
    // it exists. The stand-in's value is a valid bucket name (the key passed the bucket's name rule).
    private static Store planned(String key) {
        var name = Output.of(key);
        return Store.prefixable(access -> access.writes() ? GcsAccess.readWrite(key, name) : GcsAccess.readOnly(key, name), GcsAccess::prefix, name)
                .withVelero(project -> project.map(p -> GcpControllers.veleroWithDiskSnapshots(p, key, name))
                        .orElseGet(() -> GcpControllers.velero(key, name)));
    }

    private static Store created(Bucket bucket) {
        return Store.prefixable(access -> access.writes() ? GcsAccess.readWrite(bucket) : GcsAccess.readOnly(bucket), GcsAccess::prefix, bucket.name())
                .withVelero(project -> project.map(p -> GcpControllers.veleroWithDiskSnapshots(p, bucket)).orElseGet(() -> GcpControllers.velero(bucket)));
    }

    private static Store existing(String bucket) {
        return Store.prefixable(access -> access.writes() ? GcsAccess.readWrite(bucket) : GcsAccess.readOnly(bucket), GcsAccess::prefix,
                Output.of(bucket)).withVelero(project -> veleroOn(bucket, project));
    }

    private static ControllerPreset veleroOn(String bucket, Optional<String> diskProject) {
        return diskProject.map(project -> GcpControllers.veleroWithDiskSnapshots(project, bucket)).orElseGet(() -> GcpControllers.velero(bucket));
    }

    @Override
    public List<String> mechanisms() {
        return List.of("workloadIdentity", "impersonation");
    }

    @Override
    public Optional<MechanismSpec> mechanism(String mechanism, Optional<ConfigNode> options, boolean alsoTrustedBy, ConfigNode workload) {
        var problems = workload.problems();
        if (alsoTrustedBy) {
            problems.add(workload.path("alsoTrustedBy"), "is not needed on GKE: the principal belongs to the project's workload pool, "
                    + "so the same namespace/ServiceAccount in every cluster of the project already holds the grants");
            return Optional.empty();
        }
        MechanismSpec spec;
        if (mechanism.equals("impersonation")) {
            options.ifPresent(node -> node.allowOnly(IMPERSONATION_KEYS));
            var accountId = options.flatMap(node -> node.text("accountId"));
            var existing = options.flatMap(node -> node.text("existingServiceAccount"));
            spec = new MechanismSpec() {
                @Override
                public IdentityMechanism build(List<OidcCluster> alsoTrustedBy, SharedObjects shared) {
                    var builder = ServiceAccountImpersonation.builder();
                    accountId.ifPresent(builder::accountId);
                    existing.ifPresent(builder::existingServiceAccount);
                    return builder.build();
                }
            };
        } else {
            options.ifPresent(node -> node.allowOnly(DIRECT_KEYS));
            var projectNumber = options.flatMap(node -> node.text("projectNumber"));
            spec = (clusters, shared) -> {
                var builder = GkeWorkloadIdentity.builder();
                projectNumber.ifPresent(number -> builder.projectNumber(number));
                return builder.build();
            };
        }
        return checkedNow(spec, workload, options);
    }

    @Override
    public void checkPrefix(ConfigNode grant, String prefix) {
        // The prefix rules do not depend on the bucket; any valid name checks them.
        grant.problems().attempt(grant.path("prefix"), () -> GcsAccess.readOnly("bucket-for-prefix-check").prefix(prefix));
    }

    /**
     * GcpFederation's default looks the pool's project and its number up through the gcp
     * provider, and those lookups run only once the identity binds: a plan never bound would leave
     * them pending, and the program would wait on them. Planning gives it a stand-in project and
     * number instead, so every rule of the plan (subject, provider id, ConfigMap name, grants) is
     * a config problem at its path; the component registered later plans again with the provider's
     * project. Claims scoped to the project are made in the stand-in while planning, the same one
     * for every workload, so two workloads that clash in a project clash in it too.
     */
    @Override
    public IdentityMechanism plannedFederation(dev.keyless.core.Cloud cloud) {
        return dev.keyless.gcp.GcpFederation.builder().project(PLANNING_PROJECT).projectNumber(PLANNING_PROJECT_NUMBER).build();
    }

    private static final String PLANNING_PROJECT = "keyless-planning";
    private static final String PLANNING_PROJECT_NUMBER = "100000000000";

    @Override
    public Map<String, ControllerKind> controllers() {
        return CONTROLLERS;
    }

    // The zones and secrets are in the cluster's project unless the config names another.
    private static final Map<String, ControllerKind> CONTROLLERS = AwsKit.controllerKinds(
            new ControllerKind("externalDns", List.of("project", "zones"), (settings, cluster) -> ControllerKind.attempt(settings, "zones",
                    () -> GcpControllers.externalDns(project(settings, cluster), settings.textList("zones").orElse(List.of())))),
            new ControllerKind("certManager", List.of("project", "zones"), (settings, cluster) -> ControllerKind.attempt(settings, "zones",
                    () -> GcpControllers.certManager(project(settings, cluster), settings.textList("zones").orElse(List.of())))),
            new ControllerKind("externalSecrets", List.of("project", "secrets"), (settings, cluster) -> ControllerKind.attempt(settings, "secrets",
                    () -> GcpControllers.externalSecrets(project(settings, cluster), settings.textList("secrets").orElse(List.of())))),
            new ControllerKind("velero", List.of("bucket", "diskSnapshots"), GcpKit::velero));

    // Disk snapshots are of the cluster's own disks: in its project, the one project-wide grant Velero gets.
    private static Optional<Function<Function<String, Store>, ControllerPreset>> velero(ConfigNode settings, ClusterSpec cluster,
                                                                                       DeclaredStores stores) {
        var diskProject = settings.bool("diskSnapshots", false)
                ? ((PlannedGkeCluster) cluster.planned()).knownProjectId() : Optional.<String>empty();
        return VeleroTarget.read(settings, "bucket", "bucket", cluster, stores, diskProject, bucket -> Optional.of(veleroOn(bucket, diskProject)),
                ConfigTerms.SAME);
    }

    private static String project(ConfigNode settings, ClusterSpec cluster) {
        return settings.text("project").orElseGet(() -> ((PlannedGkeCluster) cluster.planned()).knownProjectId().orElseThrow());
    }
}
