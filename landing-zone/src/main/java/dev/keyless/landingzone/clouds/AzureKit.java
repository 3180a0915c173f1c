package dev.keyless.landingzone.clouds;

import com.pulumi.Config;
import com.pulumi.core.Output;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.azure.AzureFederation;
import dev.keyless.azure.AzureOidcCluster;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.DiskSnapshotAccess;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.azure.NodePoolOptions;
import dev.keyless.azure.ProtectedBlobContainer;
import dev.keyless.azure.SharedManagedIdentity;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.ProgramClaims;
import dev.keyless.landingzone.config.Cloud;
import dev.keyless.azure.AzureControllers;
import dev.keyless.core.ControllerPreset;
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
import dev.keyless.landingzone.config.DeclaredStores;
import dev.keyless.landingzone.config.VeleroTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** AKS clusters, Blob Storage containers, and Entra Workload ID, as the landing zone's config declares them. */
public final class AzureKit implements CloudKit {
    private static final List<String> CREATE_KEYS = List.of("resourceGroup", "location", "clusterName", "kubernetesVersion", "dnsPrefix",
            "systemNodePool", "deployerPrincipalType");
    private static final List<String> NODE_POOL_KEYS = List.of("vmSize", "minCount", "count", "maxCount");
    private static final List<String> ADOPT_KEYS = List.of("issuerUrl", "kubeconfigSecret", "resourceGroup");
    private static final List<String> STORE_KEYS = List.of("cloud", "kind", "create", "retainOnDelete", "resourceGroup", "account", "container");
    private static final List<String> IDENTITY_KEYS = List.of("identityName", "resourceGroup", "credentialName", "existingIdentity");
    // The library's builder methods, as the config names them.
    private static final ConfigTerms TERMS = new ConfigTerms(
            Map.of("resourceGroupName", "resourceGroup", "accountName", "account", "containerName", "container"), phrases());
    // Valid names that stand in for the others while one name of a store is checked by the library's rules.
    private static final String NAME_CHECK_GROUP = "name-check";
    private static final String NAME_CHECK_ACCOUNT = "namecheck";
    private static final String NAME_CHECK_CONTAINER = "name-check";

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
        settings.text("resourceGroup").ifPresent(value -> problems.attempt(settings.path("resourceGroup"), TERMS, () -> builder.resourceGroupName(value)));
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
        // Read again only once every part was read without a problem.
        return args.map(built -> new ClusterSpec(key, Cloud.AZURE, false, () -> new AksCluster(key, built),
                new PlannedAksCluster(key, false, Optional.empty(), settings.text("resourceGroup"))));
    }

    private Optional<ClusterSpec> adopted(String key, ConfigNode settings, Config config) {
        var problems = settings.problems();
        var before = problems.count();
        settings.allowOnly(ADOPT_KEYS);
        var builder = AdoptedAksClusterArgs.builder();
        settings.requiredText("issuerUrl", "the cluster's OIDC issuer as AKS reports it, with its trailing slash")
                .ifPresent(value -> problems.attempt(settings.path("issuerUrl"), () -> builder.issuerUrl(value)));
        settings.text("resourceGroup").ifPresent(value -> problems.attempt(settings.path("resourceGroup"), TERMS, () -> builder.resourceGroupName(value)));
        SecretReference.require(settings, "kubeconfigSecret", "the cluster's kubeconfig", config).ifPresent(builder::kubeconfig);
        // The whole is checked only when each part could be read, so one mistake is reported once.
        var args = problems.attemptWhole(before, settings, () -> checked(builder.build(), key));
        // Read again only once every part was read without a problem. One cluster adopted twice
        // shares its issuer (AzureOidcCluster.trustDomain).
        return args.map(built -> new ClusterSpec(key, Cloud.AZURE, true, () -> new AdoptedAksCluster(key, built),
                new PlannedAksCluster(key, true, settings.text("issuerUrl"), settings.text("resourceGroup")))
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
        var kind = ReferencedStores.kindOf(store, "container", AzureStoreKinds.KINDS);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.get().equals("container")) {
            return ReferencedStores.read(key, store, Cloud.AZURE, AzureStoreKinds.KINDS.get(kind.get()), AzureStoreKinds.TERMS);
        }
        var problems = store.problems();
        store.allowOnly(STORE_KEYS);
        var create = store.bool("create", true);
        var retain = store.bool("retainOnDelete", true);
        var resourceGroup = store.requiredText("resourceGroup", "the resource group that holds the storage account")
                .filter(name -> checkName(store, "resourceGroup", () -> BlobAccess.readOnly(name, NAME_CHECK_ACCOUNT, NAME_CHECK_CONTAINER)));
        if (create) {
            var namesExisting = store.refuseWhenCreated("account") | store.refuseWhenCreated("container");
            var name = problems.attempt(store.path(), () -> ProtectedBlobContainer.requireName(key));
            var group = resourceGroup.map(rg -> problems.attempt(store.path("resourceGroup"), () -> ProtectedBlobContainer.requireResourceGroupName(rg)));
            if (name == null || group.isEmpty() || namesExisting) {
                return Optional.empty();
            }
            return Optional.of(StoreSpec.objects(key, Cloud.AZURE, "container", true,
                    () -> created(ProtectedBlobContainer.create(key, group.get(), retain)), () -> planned(key, group.get()), false));
        }
        // Each name is checked alone, with valid stand-ins for the others, so every bad one is reported.
        var account = store.requiredText("account", "the name of the existing storage account")
                .filter(name -> checkName(store, "account", () -> BlobAccess.readOnly(NAME_CHECK_GROUP, name, NAME_CHECK_CONTAINER)));
        var container = store.requiredText("container", "the name of the existing container")
                .filter(name -> checkName(store, "container", () -> BlobAccess.readOnly(NAME_CHECK_GROUP, NAME_CHECK_ACCOUNT, name)));
        if (resourceGroup.isEmpty() || account.isEmpty() || container.isEmpty()) {
            return Optional.empty();
        }
        Supplier<Store> existing = () -> Store.ofObjects(access -> access.writes()
                ? BlobAccess.readWrite(resourceGroup.get(), account.get(), container.get())
                : BlobAccess.readOnly(resourceGroup.get(), account.get(), container.get()), Output.of(container.get()))
                .withVelero(disks -> veleroOn(resourceGroup.get(), account.get(), container.get(), disks));
        return Optional.of(StoreSpec.objects(key, Cloud.AZURE, "container", false, existing, existing, false));
    }

    private static boolean checkName(ConfigNode store, String key, Supplier<BlobAccess> check) {
        return store.problems().attempt(store.path(key), TERMS, check) != null;
    }

    // Azure RBAC scopes a role to the container; a prefix was refused when the config was read.
    private static Store created(ProtectedBlobContainer storage) {
        return Store.ofObjects(access -> access.writes() ? BlobAccess.readWrite(storage) : BlobAccess.readOnly(storage),
                storage.container().name()).withVelero(disks -> disks.map(group -> AzureControllers.veleroWithDiskSnapshots(storage.container(), group))
                .orElseGet(() -> AzureControllers.velero(storage.container())));
    }

    // A created container is planned by the names azure-native will give it (the key and 8
    // auto-name characters, here zeros) in its configured resource group, which the federation of
    // another cloud's cluster needs to place the managed identity. The grant's child key is then
    // ACCOUNT-CONTAINER rather than the store's key; the rules on grants (sizes, counts, one resource
    // group per storage account) are checked all the same.
    private static Store planned(String key, String resourceGroup) {
        var name = key + "00000000";
        return Store.ofObjects(access -> access.writes() ? BlobAccess.readWrite(resourceGroup, name, name)
                : BlobAccess.readOnly(resourceGroup, name, name), Output.of(name)).withVelero(disks -> veleroOn(resourceGroup, name, name, disks));
    }

    private static ControllerPreset veleroOn(String resourceGroup, String account, String container, Optional<String> disks) {
        return disks.map(group -> AzureControllers.veleroWithDiskSnapshots(resourceGroup, account, container, group))
                .orElseGet(() -> AzureControllers.velero(resourceGroup, account, container));
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
        var spec = new MechanismSpec() {
            @Override
            public IdentityMechanism build(List<OidcCluster> alsoTrustedBy, SharedObjects shared) {
                var builder = EntraWorkloadIdentity.builder();
                identityName.ifPresent(builder::identityName);
                resourceGroup.ifPresent(name -> builder.resourceGroupName(name));
                credentialName.ifPresent(builder::credentialName);
                // One object per identity, so the library counts every workload's credentials on it; Azure
                // compares resource ids ignoring case.
                existing.ifPresent(id -> builder.existingIdentity(shared.get("managed identity " + id.toLowerCase(Locale.ROOT),
                        SharedManagedIdentity.class, () -> SharedManagedIdentity.existing(id))));
                alsoTrustedBy.forEach(cluster -> builder.alsoTrustedBy((AzureOidcCluster) cluster));
                return builder.build();
            }

            // A managed identity's name is unique in its resource group, which Azure compares ignoring case.
            @Override
            public List<ProgramClaims.Claim> claims(ClusterSpec cluster) {
                if (identityName.isEmpty()) {
                    return List.of();
                }
                var group = resourceGroup.or(() -> ((PlannedAksCluster) cluster.planned()).plainResourceGroupName())
                        .map(name -> "resource group '" + name + "'")
                        .orElse("the resource group of cluster '" + cluster.key() + "'");
                return List.of(ProgramClaims.Claim.ignoringCase("identityName", "managed identity name", group, identityName.get()));
            }
        };
        return checkedNow(spec, workload, options);
    }

    @Override
    public ConfigTerms terms() {
        return TERMS;
    }

    // The identity's credential count is about the identity the workload shares, or else the clusters that also trust it.
    @Override
    public void reportRefusal(InvalidInputException refusal, ConfigNode workload, Optional<ConfigNode> options) {
        var field = refusal.field();
        if (field.startsWith("federated credentials of ")) {
            field = options.filter(map -> map.has("existingIdentity")).isPresent() ? "existingIdentity" : "alsoTrustedBy";
        }
        TERMS.report(refusal, field, workload, options);
    }

    private static Map<String, String> phrases() {
        var phrases = new LinkedHashMap<String, String>();
        phrases.put("AdoptedAksClusterArgs.resourceGroupName(...)", "resourceGroup in the cluster's adopt settings");
        phrases.put("EntraWorkloadIdentity.builder().resourceGroupName(...)", "options.resourceGroup");
        return phrases;
    }

    @Override
    public void checkPrefix(ConfigNode grant, String prefix) {
        grant.problems().add(grant.path("prefix"), "is not supported for Azure Blob grants, which Azure RBAC scopes to a container; "
                + "give the workload a container of its own");
    }

    @Override
    public Map<String, ControllerKind> controllers() {
        return CONTROLLERS;
    }

    private static final Map<String, ControllerKind> CONTROLLERS = AwsKit.controllerKinds(
            new ControllerKind("externalDns", List.of("resourceGroup", "zones"), (settings, cluster) -> group(settings).flatMap(group ->
                    ControllerKind.attempt(settings, "zones", () -> AzureControllers.externalDns(group, settings.textList("zones").orElse(List.of()))))),
            new ControllerKind("certManager", List.of("resourceGroup", "zones"), (settings, cluster) -> group(settings).flatMap(group ->
                    ControllerKind.attempt(settings, "zones", () -> AzureControllers.certManager(group, settings.textList("zones").orElse(List.of()))))),
            new ControllerKind("externalSecrets", List.of("resourceGroup", "vault", "secrets"), AzureKit::externalSecrets),
            new ControllerKind("velero", List.of("container", "resourceGroup", "account", "diskResourceGroup"), AzureKit::velero));

    // The disks' resource group is the library's resourceGroupName too: checked alone, worded as the config names it.
    private static final ConfigTerms DISK_TERMS = new ConfigTerms(Map.of("resourceGroupName", "diskResourceGroup"), Map.of());

    // A container store names its own account and group; an existing container outside the config is
    // named by all three, as a store of one would be.
    private static Optional<Function<Function<String, Store>, ControllerPreset>> velero(ConfigNode settings, ClusterSpec cluster,
                                                                                       DeclaredStores stores) {
        var problems = settings.problems();
        var mark = problems.count();
        var disks = settings.text("diskResourceGroup");
        disks.ifPresent(group -> problems.attempt(settings.path("diskResourceGroup"), DISK_TERMS, () -> DiskSnapshotAccess.onResourceGroup(group)));
        var store = settings.text("container").filter(stores.clouds()::containsKey);
        Optional<String> group = Optional.empty();
        Optional<String> account = Optional.empty();
        if (store.isPresent()) {
            for (var key : List.of("resourceGroup", "account")) {
                if (settings.has(key)) {
                    problems.add(settings.path(key), "is for a container named outright; store '" + store.get() + "' names its own");
                }
            }
        } else {
            group = settings.requiredText("resourceGroup", "the resource group of the container's storage account");
            account = settings.requiredText("account", "the container's storage account");
        }
        var checked = problems.count() == mark;
        var resourceGroup = group;
        var storageAccount = account;
        var target = VeleroTarget.read(settings, "container", "container", cluster, stores, disks, container -> {
            if (resourceGroup.isEmpty() || storageAccount.isEmpty()) {
                // The container's own name is checked all the same, so every bad setting is reported.
                BlobAccess.readOnly(NAME_CHECK_GROUP, NAME_CHECK_ACCOUNT, container);
                return Optional.empty();
            }
            return Optional.of(veleroOn(resourceGroup.get(), storageAccount.get(), container, disks));
        }, TERMS);
        return checked ? target : Optional.empty();
    }

    private static Optional<String> group(ConfigNode settings) {
        return settings.requiredText("resourceGroup", "the resource group of what the controller acts on");
    }

    // The secrets are named: the config offers no whole-vault grant.
    private static Optional<ControllerPreset> externalSecrets(ConfigNode settings, ClusterSpec cluster) {
        var group = group(settings);
        var vault = settings.requiredText("vault", "the Key Vault the secrets are in (an RBAC vault)");
        var secrets = settings.textList("secrets").orElse(List.of());
        if (group.isEmpty() || vault.isEmpty()) {
            return Optional.empty();
        }
        return ControllerKind.attempt(settings, "secrets", () -> AzureControllers.externalSecrets(group.get(), vault.get(), secrets));
    }

    // AzureFederation places a new identity in the resource group its Blob grants name; other
    // grants name none, so the identity goes in the first referenced resource's group.
    @Override
    public Optional<IdentityMechanism> federation(List<StoreSpec> stores) {
        if (stores.stream().anyMatch(store -> store.kind().equals("container"))) {
            return Optional.empty();
        }
        return stores.stream().flatMap(store -> store.placement().stream()).findFirst()
                .map(group -> AzureFederation.builder().resourceGroupName(group).build());
    }
}
