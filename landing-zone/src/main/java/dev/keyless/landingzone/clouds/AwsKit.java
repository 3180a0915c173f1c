package dev.keyless.landingzone.clouds;

import com.pulumi.Config;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.AwsOidcCluster;
import dev.keyless.aws.EksCluster;
import dev.keyless.aws.EksClusterArgs;
import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.NodeGroupOptions;
import dev.keyless.aws.PodIdentity;
import dev.keyless.aws.ProtectedS3Bucket;
import dev.keyless.aws.S3Access;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.landingzone.config.Cloud;
import dev.keyless.aws.AwsControllers;
import dev.keyless.landingzone.config.ControllerKind;
import dev.keyless.landingzone.config.CloudKit;
import dev.keyless.landingzone.config.ClusterSpec;
import dev.keyless.landingzone.config.ConfigNode;
import dev.keyless.landingzone.config.ConfigTerms;
import dev.keyless.landingzone.config.MechanismSpec;
import dev.keyless.landingzone.config.ReferencedStores;
import dev.keyless.landingzone.config.SecretReference;
import dev.keyless.landingzone.config.Store;
import dev.keyless.landingzone.config.StoreSpec;
import dev.keyless.landingzone.config.VeleroTarget;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EKS clusters, S3 stores, and IRSA or EKS Pod Identity, as the landing zone's config declares them. */
public final class AwsKit implements CloudKit {
    private static final List<String> CREATE_KEYS = List.of("clusterName", "kubernetesVersion", "subnetIds", "nodeGroup", "podIdentityAgent");
    private static final List<String> NODE_GROUP_KEYS = List.of("instanceTypes", "minSize", "desiredSize", "maxSize");
    private static final List<String> ADOPT_KEYS = List.of("clusterName", "issuerUrl", "oidcProviderArn", "kubeconfigSecret", "podIdentityAgent");
    private static final List<String> STORE_KEYS = List.of("cloud", "kind", "create", "retainOnDelete", "bucket");
    private static final List<String> ROLE_KEYS = List.of("roleName", "rolePath", "permissionsBoundary", "maxSessionHours", "managedPolicyArns");
    private static final List<String> IRSA_KEYS = concat(ROLE_KEYS, List.of("trustServiceAccountsMatching"));
    // The role settings' builder methods, as the config names them.
    private static final ConfigTerms TERMS = new ConfigTerms(
            Map.of("maxSessionDuration", "maxSessionHours", "managedPolicyArn", "managedPolicyArns"), Map.of());

    @Override
    public Cloud cloud() {
        return Cloud.AWS;
    }

    @Override
    public Optional<ClusterSpec> cluster(String key, ConfigNode settings, boolean adopt, Config config) {
        return adopt ? adopted(key, settings, config) : created(key, settings);
    }

    private Optional<ClusterSpec> created(String key, ConfigNode settings) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(CREATE_KEYS);
        var builder = EksClusterArgs.builder();
        settings.text("clusterName").ifPresent(value -> problems.attempt(settings.path("clusterName"), () -> builder.clusterName(value)));
        settings.text("kubernetesVersion").ifPresent(value -> problems.attempt(settings.path("kubernetesVersion"), () -> builder.kubernetesVersion(value)));
        settings.textList("subnetIds").ifPresent(subnets -> problems.attempt(settings.path("subnetIds"), () -> builder.subnetIds(subnets)));
        settings.object("nodeGroup").ifPresent(group -> {
            group.allowOnly(NODE_GROUP_KEYS);
            var defaults = NodeGroupOptions.DEFAULT;
            var beforeSizes = problems.count();
            var types = group.textList("instanceTypes").orElse(defaults.instanceTypes());
            var min = group.integer("minSize", defaults.minSize());
            var desired = group.integer("desiredSize", defaults.desiredSize());
            var max = group.integer("maxSize", defaults.maxSize());
            // Sizes are checked together only when each one could be read.
            problems.attemptWhole(beforeSizes, group, () -> new NodeGroupOptions(types, min, desired, max)).ifPresent(builder::nodeGroup);
        });
        var agent = settings.bool("podIdentityAgent", false);
        builder.podIdentityAgent(agent);
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        // Read again only once every part was read without a problem.
        return args.map(built -> new ClusterSpec(key, Cloud.AWS, false, () -> new EksCluster(key, built),
                new PlannedEksCluster(key, false, settings.text("clusterName"), Optional.empty(), Optional.empty(), agent),
                "cluster '" + key + "'", unavailable(agent)));
    }

    private Optional<ClusterSpec> adopted(String key, ConfigNode settings, Config config) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(ADOPT_KEYS);
        var builder = AdoptedEksClusterArgs.builder();
        settings.requiredText("clusterName", "the EKS cluster's name")
                .ifPresent(value -> problems.attempt(settings.path("clusterName"), () -> builder.clusterName(value)));
        settings.requiredText("issuerUrl", "the cluster's OIDC issuer, https://oidc.eks.REGION.amazonaws.com/id/ID")
                .ifPresent(value -> problems.attempt(settings.path("issuerUrl"), () -> builder.issuerUrl(value)));
        settings.text("oidcProviderArn").ifPresent(value -> problems.attempt(settings.path("oidcProviderArn"), () -> builder.oidcProviderArn(value)));
        SecretReference.require(settings, "kubeconfigSecret", "the cluster's kubeconfig", config).ifPresent(builder::kubeconfig);
        var agent = settings.bool("podIdentityAgent", false);
        builder.podIdentityAgent(agent);
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        // Read again only once every part was read without a problem. One cluster adopted twice
        // shares its issuer (AwsOidcCluster.trustDomain).
        return args.map(built -> new ClusterSpec(key, Cloud.AWS, true, () -> new AdoptedEksCluster(key, built),
                new PlannedEksCluster(key, true, settings.text("clusterName"), settings.text("issuerUrl"), settings.text("oidcProviderArn"), agent),
                AwsOidcCluster.OIDC_ISSUER + " '" + built.plainIssuerUrl().orElseThrow() + "'", unavailable(agent)));
    }

    private static Map<String, String> unavailable(boolean podIdentityAgent) {
        return podIdentityAgent ? Map.of() : Map.of("podIdentity",
                "needs the EKS Pod Identity agent on the cluster: set podIdentityAgent: true in its settings (adopted: when it runs there)");
    }

    private static EksClusterArgs checked(EksClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    private static AdoptedEksClusterArgs checked(AdoptedEksClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    @Override
    public Optional<StoreSpec> store(String key, ConfigNode store) {
        var kind = ReferencedStores.kindOf(store, "bucket", AwsStoreKinds.KINDS);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.get().equals("bucket")) {
            return ReferencedStores.read(key, store, Cloud.AWS, AwsStoreKinds.KINDS.get(kind.get()), ConfigTerms.SAME);
        }
        var problems = store.problems();
        store.allowOnly(STORE_KEYS);
        var create = store.bool("create", true);
        var retain = store.bool("retainOnDelete", true);
        if (create) {
            if (store.refuseWhenCreated("bucket")) {
                return Optional.empty();
            }
            return Optional.ofNullable(problems.attempt(store.path(), () -> ProtectedS3Bucket.requireName(key)))
                    .map(name -> StoreSpec.objects(key, Cloud.AWS, "bucket", true, () -> created(ProtectedS3Bucket.create(key, retain)),
                            () -> planned(key), true));
        }
        return store.requiredText("bucket", "the name of the existing bucket")
                .filter(bucket -> problems.attempt(store.path("bucket"), () -> S3Access.readOnly(bucket)) != null)
                .map(bucket -> StoreSpec.objects(key, Cloud.AWS, "bucket", false, () -> existing(bucket), () -> existing(bucket), true));
    }

    private static Store created(BucketV2 bucket) {
        return Store.prefixable(access -> access.writes() ? S3Access.readWrite(bucket) : S3Access.readOnly(bucket), S3Access::prefix, bucket.bucket())
                .withVelero(snapshots -> AwsControllers.velero(bucket));
    }

    // A created bucket's grants are keyed by its Pulumi name, the store's key, and its name is known
    // once it exists: the stand-in's grants have that key and a name known only at deploy, which the
    // grant lays out at its longest, as it does the created bucket's. The name's value is a valid
    // bucket name (the key passed the bucket's name rule), never read by planning.
    private static Store planned(String key) {
        var name = Output.of(key);
        return Store.prefixable(access -> access.writes() ? S3Access.readWrite(key, name) : S3Access.readOnly(key, name), S3Access::prefix, name)
                .withVelero(snapshots -> AwsControllers.velero(key, name));
    }

    private static Store existing(String bucket) {
        return Store.prefixable(access -> access.writes() ? S3Access.readWrite(bucket) : S3Access.readOnly(bucket), S3Access::prefix,
                Output.of(bucket)).withVelero(snapshots -> AwsControllers.velero(bucket));
    }

    @Override
    public List<String> mechanisms() {
        return List.of("irsa", "podIdentity");
    }

    @Override
    public Optional<MechanismSpec> mechanism(String mechanism, Optional<ConfigNode> options, boolean alsoTrustedBy, ConfigNode workload) {
        var problems = workload.problems();
        if (mechanism.equals("podIdentity")) {
            if (alsoTrustedBy) {
                problems.add(workload.path("alsoTrustedBy"), "is for irsa; an EKS Pod Identity role is associated with one cluster");
                return Optional.empty();
            }
            options.ifPresent(node -> node.allowOnly(ROLE_KEYS));
            var role = options.map(RoleOptions::read).orElse(RoleOptions.NONE);
            MechanismSpec podIdentity = (clusters, shared) -> role.applyTo(PodIdentity.builder()).build();
            return checkedNow(podIdentity, workload, options);
        }
        options.ifPresent(node -> node.allowOnly(IRSA_KEYS));
        var role = options.map(RoleOptions::read).orElse(RoleOptions.NONE);
        var pattern = options.flatMap(node -> node.text("trustServiceAccountsMatching"));
        MechanismSpec irsa = (clusters, shared) -> {
            var builder = role.applyTo(IrsaIdentity.builder());
            pattern.ifPresent(namePattern -> builder.trustServiceAccountsMatching(namePattern));
            clusters.forEach(cluster -> builder.alsoTrustedBy((AwsOidcCluster) cluster));
            return builder.build();
        };
        return checkedNow(irsa, workload, options);
    }

    @Override
    public ConfigTerms terms() {
        return TERMS;
    }

    // The trust policy's size grows with the clusters that trust the role: the refusal belongs to alsoTrustedBy.
    @Override
    public void reportRefusal(InvalidInputException refusal, ConfigNode workload, Optional<ConfigNode> options) {
        var field = refusal.field().startsWith("trust policy of ") && workload.has("alsoTrustedBy") ? "alsoTrustedBy" : refusal.field();
        TERMS.report(refusal, field, workload, options);
    }

    @Override
    public void checkPrefix(ConfigNode grant, String prefix) {
        // The prefix rules do not depend on the bucket; any valid name checks them.
        grant.problems().attempt(grant.path("prefix"), () -> S3Access.readOnly("bucket-for-prefix-check").prefix(prefix));
    }

    /**
     * The IAM role options IRSA and Pod Identity share. Applied by one method per builder: their
     * common base is internal to keyless-aws, so it cannot be named here.
     */
    private record RoleOptions(Optional<String> roleName, Optional<String> rolePath, Optional<String> permissionsBoundary,
                               Optional<Integer> maxSessionHours, List<String> managedPolicyArns) {
        static final RoleOptions NONE = new RoleOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        static RoleOptions read(ConfigNode options) {
            return new RoleOptions(options.text("roleName"), options.text("rolePath"), options.text("permissionsBoundary"),
                    options.has("maxSessionHours") ? Optional.of(options.integer("maxSessionHours", 1)) : Optional.empty(),
                    options.textList("managedPolicyArns").orElse(List.of()));
        }

        IrsaIdentity.Builder applyTo(IrsaIdentity.Builder builder) {
            roleName.ifPresent(name -> builder.roleName(name));
            rolePath.ifPresent(path -> builder.rolePath(path));
            permissionsBoundary.ifPresent(arn -> builder.permissionsBoundary(arn));
            maxSessionHours.ifPresent(hours -> builder.maxSessionDuration(Duration.ofHours(hours)));
            managedPolicyArns.forEach(arn -> builder.managedPolicyArn(arn));
            return builder;
        }

        PodIdentity.Builder applyTo(PodIdentity.Builder builder) {
            roleName.ifPresent(name -> builder.roleName(name));
            rolePath.ifPresent(path -> builder.rolePath(path));
            permissionsBoundary.ifPresent(arn -> builder.permissionsBoundary(arn));
            maxSessionHours.ifPresent(hours -> builder.maxSessionDuration(Duration.ofHours(hours)));
            managedPolicyArns.forEach(arn -> builder.managedPolicyArn(arn));
            return builder;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    @Override
    public Map<String, ControllerKind> controllers() {
        return CONTROLLERS;
    }

    private static final Map<String, ControllerKind> CONTROLLERS = controllerKinds(
            new ControllerKind("externalDns", List.of("zones"), (settings, cluster) -> ControllerKind.attempt(settings, "zones",
                    () -> AwsControllers.externalDns(settings.textList("zones").orElse(List.of())))),
            new ControllerKind("certManager", List.of("zones"), (settings, cluster) -> ControllerKind.attempt(settings, "zones",
                    () -> AwsControllers.certManager(settings.textList("zones").orElse(List.of())))),
            new ControllerKind("externalSecrets", List.of("secrets"), (settings, cluster) -> ControllerKind.attempt(settings, "secrets",
                    () -> AwsControllers.externalSecrets(settings.textList("secrets").orElse(List.of())))),
            new ControllerKind("clusterAutoscaler", List.of("clusterName"), (settings, cluster) -> clusterName(settings, cluster)
                    .flatMap(name -> ControllerKind.attempt(settings, "clusterName", () -> AwsControllers.clusterAutoscaler(name)))),
            new ControllerKind("loadBalancerController", List.of("clusterName", LoadBalancerFeatures.KEY), (settings, cluster) -> {
                // Both read first, so a config with two problems shows both.
                var name = clusterName(settings, cluster);
                var features = LoadBalancerFeatures.read(settings);
                return name.isEmpty() || features.isEmpty() ? Optional.empty() : ControllerKind.attempt(settings, "clusterName",
                        () -> AwsControllers.awsLoadBalancerController(name.get(), features.get()));
            }),
            new ControllerKind("ebsCsi", List.of("keyArn"), (settings, cluster) -> ControllerKind.attempt(settings, "keyArn",
                    () -> settings.text("keyArn").map(AwsControllers::ebsCsiDriver).orElseGet(AwsControllers::ebsCsiDriver))),
            // Velero's AWS preset always includes EBS snapshots: there is no disk-snapshot scope to name.
            new ControllerKind("velero", List.of("bucket"), (settings, cluster, stores) ->
                    VeleroTarget.read(settings, "bucket", "bucket", cluster, stores, Optional.empty(),
                            bucket -> Optional.of(AwsControllers.velero(bucket)), ConfigTerms.SAME)));

    // The autoscaler and the load balancer controller act on what is tagged with the cluster's
    // name: the cluster's own, unless the config names another.
    private static Optional<String> clusterName(ConfigNode settings, ClusterSpec cluster) {
        var name = settings.text("clusterName").or(() -> ((PlannedEksCluster) cluster.planned()).plainClusterName());
        if (name.isEmpty()) {
            settings.problems().add(settings.path("clusterName"), "is required: the EKS cluster's name in the tags the controller "
                    + "acts on (clusters." + cluster.key() + " does not set clusterName)");
        }
        return name;
    }

    static Map<String, ControllerKind> controllerKinds(ControllerKind... kinds) {
        var byName = new java.util.LinkedHashMap<String, ControllerKind>();
        for (var kind : kinds) {
            byName.put(kind.name(), kind);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
