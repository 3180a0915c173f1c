package dev.keyless.landingzone.clouds;

import com.pulumi.Config;
import com.pulumi.core.Output;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.azure.AzureOidcCluster;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.azure.NodePoolOptions;
import dev.keyless.azure.ProtectedBlobContainer;
import dev.keyless.azure.SharedManagedIdentity;
import dev.keyless.landingzone.config.Cloud;
import dev.keyless.landingzone.config.CloudKit;
import dev.keyless.landingzone.config.ClusterSpec;
import dev.keyless.landingzone.config.ConfigNode;
import dev.keyless.landingzone.config.MechanismSpec;
import dev.keyless.landingzone.config.SecretReference;
import dev.keyless.landingzone.config.Store;
import dev.keyless.landingzone.config.StoreSpec;

import java.util.List;
import java.util.Optional;

/** AKS clusters, Blob Storage containers, and Entra Workload ID, as the landing zone's config declares them. */
public final class AzureKit implements CloudKit {
    private static final List<String> CREATE_KEYS = List.of("resourceGroup", "location", "clusterName", "kubernetesVersion", "dnsPrefix",
            "systemNodePool", "deployerPrincipalType");
    private static final List<String> NODE_POOL_KEYS = List.of("vmSize", "minCount", "count", "maxCount");
    private static final List<String> ADOPT_KEYS = List.of("issuerUrl", "kubeconfigSecret", "resourceGroup");
    private static final List<String> STORE_KEYS = List.of("cloud", "create", "retainOnDelete", "resourceGroup", "account", "container");
    private static final List<String> IDENTITY_KEYS = List.of("identityName", "resourceGroup", "credentialName", "existingIdentity");

    @Override
    public Cloud cloud() {
        return Cloud.AZURE;
    }

    @Override
    public Optional<ClusterSpec> cluster(String key, ConfigNode settings, boolean adopt, Config config) {
        return adopt ? adopted(key, settings, config) : created(key, settings);
    }

    private Optional<ClusterSpec> created(String key, ConfigNode settings) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(CREATE_KEYS);
        var builder = AksClusterArgs.builder();
        settings.text("resourceGroup").ifPresent(value -> problems.attempt(settings.path("resourceGroup"), () -> builder.resourceGroupName(value)));
        settings.text("location").ifPresent(value -> problems.attempt(settings.path("location"), () -> builder.location(value)));
        settings.text("clusterName").ifPresent(value -> problems.attempt(settings.path("clusterName"), () -> builder.clusterName(value)));
        settings.text("kubernetesVersion").ifPresent(value -> problems.attempt(settings.path("kubernetesVersion"), () -> builder.kubernetesVersion(value)));
        settings.text("dnsPrefix").ifPresent(value -> problems.attempt(settings.path("dnsPrefix"), () -> builder.dnsPrefix(value)));
        settings.text("deployerPrincipalType")
                .ifPresent(value -> problems.attempt(settings.path("deployerPrincipalType"), () -> builder.deployerPrincipalType(value)));
        settings.object("systemNodePool").ifPresent(pool -> {
            pool.allowOnly(NODE_POOL_KEYS);
            var defaults = NodePoolOptions.DEFAULT;
            var beforeSizes = problems.count();
            var vmSize = pool.text("vmSize").orElse(defaults.vmSize());
            var min = pool.integer("minCount", defaults.minCount());
            var count = pool.integer("count", defaults.count());
            var max = pool.integer("maxCount", defaults.maxCount());
            // Sizes are checked together only when each one could be read.
            problems.attemptWhole(beforeSizes, pool, () -> new NodePoolOptions(vmSize, min, count, max)).ifPresent(builder::systemNodePool);
        });
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        return args.map(built -> new ClusterSpec(key, Cloud.AZURE, false, () -> new AksCluster(key, built)));
    }

    private Optional<ClusterSpec> adopted(String key, ConfigNode settings, Config config) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(ADOPT_KEYS);
        var builder = AdoptedAksClusterArgs.builder();
        settings.requiredText("issuerUrl", "the cluster's OIDC issuer as AKS reports it, with its trailing slash")
                .ifPresent(value -> problems.attempt(settings.path("issuerUrl"), () -> builder.issuerUrl(value)));
        settings.text("resourceGroup").ifPresent(value -> problems.attempt(settings.path("resourceGroup"), () -> builder.resourceGroupName(value)));
        SecretReference.require(settings, "kubeconfigSecret", "the cluster's kubeconfig", config).ifPresent(builder::kubeconfig);
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        // One cluster adopted twice shares its issuer (AzureOidcCluster.trustDomain).
        return args.map(built -> new ClusterSpec(key, Cloud.AZURE, true, () -> new AdoptedAksCluster(key, built))
                .inTrustDomain("OIDC issuer '" + built.plainIssuerUrl().orElseThrow() + "'"));
    }

    private static AksClusterArgs checked(AksClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    private static AdoptedAksClusterArgs checked(AdoptedAksClusterArgs args, String key) {
        args.check(key);
        return args;
    }

    @Override
    public Optional<StoreSpec> store(String key, ConfigNode store) {
        var problems = store.problems();
        store.allowOnly(STORE_KEYS);
        var create = store.bool("create", true);
        var retain = store.bool("retainOnDelete", true);
        var resourceGroup = store.requiredText("resourceGroup", "the resource group that holds the storage account");
        if (create) {
            var namesExisting = store.refuseWhenCreated("account") | store.refuseWhenCreated("container");
            var name = problems.attempt(store.path(), () -> ProtectedBlobContainer.requireName(key));
            if (name == null || resourceGroup.isEmpty() || namesExisting) {
                return Optional.empty();
            }
            return Optional.of(new StoreSpec(key, Cloud.AZURE, true,
                    () -> created(ProtectedBlobContainer.create(key, Output.of(resourceGroup.get()), retain))));
        }
        var account = store.requiredText("account", "the name of the existing storage account");
        var container = store.requiredText("container", "the name of the existing container");
        if (resourceGroup.isEmpty() || account.isEmpty() || container.isEmpty()
                || problems.attempt(store.path(), () -> BlobAccess.readOnly(resourceGroup.get(), account.get(), container.get())) == null) {
            return Optional.empty();
        }
        return Optional.of(new StoreSpec(key, Cloud.AZURE, false, () -> new Store((access, prefix) -> access.writes()
                ? BlobAccess.readWrite(resourceGroup.get(), account.get(), container.get())
                : BlobAccess.readOnly(resourceGroup.get(), account.get(), container.get()), Output.of(container.get()))));
    }

    // Azure RBAC scopes a role to the container; a prefix was refused when the config was read.
    private static Store created(ProtectedBlobContainer storage) {
        return new Store((access, prefix) -> access.writes() ? BlobAccess.readWrite(storage.container()) : BlobAccess.readOnly(storage.container()),
                storage.container().name());
    }

    @Override
    public List<String> mechanisms() {
        return List.of("workloadIdentity");
    }

    @Override
    public Optional<MechanismSpec> mechanism(String mechanism, Optional<ConfigNode> options, boolean alsoTrustedBy, ConfigNode workload) {
        options.ifPresent(node -> node.allowOnly(IDENTITY_KEYS));
        var identityName = options.flatMap(node -> node.text("identityName"));
        var resourceGroup = options.flatMap(node -> node.text("resourceGroup"));
        var credentialName = options.flatMap(node -> node.text("credentialName"));
        var existing = options.flatMap(node -> node.text("existingIdentity"));
        MechanismSpec spec = clusters -> {
            var builder = EntraWorkloadIdentity.builder();
            identityName.ifPresent(builder::identityName);
            resourceGroup.ifPresent(name -> builder.resourceGroupName(name));
            credentialName.ifPresent(builder::credentialName);
            existing.ifPresent(id -> builder.existingIdentity(SharedManagedIdentity.existing(id)));
            clusters.forEach(cluster -> builder.alsoTrustedBy((AzureOidcCluster) cluster));
            return builder.build();
        };
        // Built once now, so every option is checked before anything is registered.
        var problems = workload.problems();
        var checked = options.isPresent()
                ? problems.attemptIn(options.get(), () -> spec.build(List.of()))
                : problems.attempt(workload.path(), () -> spec.build(List.of()));
        return Optional.ofNullable(checked).map(ignored -> spec);
    }

    @Override
    public void checkPrefix(ConfigNode grant, String prefix) {
        grant.problems().add(grant.path("prefix"), "is not supported for Azure Blob grants, which Azure RBAC scopes to a container; "
                + "give the workload a container of its own");
    }
}
