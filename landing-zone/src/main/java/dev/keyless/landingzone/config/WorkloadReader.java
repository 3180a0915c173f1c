package dev.keyless.landingzone.config;

import dev.keyless.core.AccessGrant;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.KubernetesNames;
import dev.keyless.core.ProgramClaims;
import dev.keyless.core.ServiceAccountRef;
import dev.keyless.core.SystemNamespaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code workloads} section: each workload's own settings, and what only the whole set
 * shows: references to undefined clusters and stores, grants naming undefined stores, two workloads on
 * one namespace and ServiceAccount of a cluster (of a project's workload pool on GKE), and what the
 * mechanisms' plans and program-wide claims refuse, such as a shared identity's credential limit.
 */
final class WorkloadReader {
    private static final List<String> WORKLOAD_KEYS = List.of("cluster", "namespace", "serviceAccount", "createNamespace",
            "labels", "mechanism", "options", "alsoTrustedBy", "grants");

    /** Workload keys name each workload's cloud identity and resources, on every cloud: short and plain. */
    static final String KEY_RULE = "1 to 40 characters of [a-z0-9-], starting and ending with a letter or digit "
            + "(it names the workload's identity, role and resources on every cloud)";
    static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

    private final Map<Cloud, CloudKit> kits;
    private final Map<String, Cloud> clusters;
    private final Map<String, ClusterSpec> clusterSpecs;
    private final Map<String, Cloud> stores;
    private final GrantReader grantReader;
    private final Map<String, WorkloadSpec> workloads = new LinkedHashMap<>();
    // What the workloads' planned mechanisms share, apart from what registering them will share.
    private final SharedObjects planning = new SharedObjects();
    // "trust domain namespace/serviceAccount" to the workload and cluster that claimed it first.
    private final Map<String, Map.Entry<String, String>> claims = new HashMap<>();
    // "cluster namespace" to the first workload in it and whether it creates the namespace.
    private final Map<String, Map.Entry<String, Boolean>> namespaces = new HashMap<>();

    WorkloadReader(Map<Cloud, CloudKit> kits, Map<String, Cloud> clusters, Map<String, ClusterSpec> clusterSpecs, Map<String, Cloud> stores,
                   Map<String, StoreSpec> storeSpecs) {
        this.kits = kits;
        this.clusters = clusters;
        this.clusterSpecs = clusterSpecs;
        this.stores = stores;
        this.grantReader = new GrantReader(kits, stores, storeSpecs);
    }

    Map<String, WorkloadSpec> read() {
        return workloads;
    }

    void read(String key, ConfigNode workload) {
        var problems = workload.problems();
        var mark = problems.count();
        if (!KEY.matcher(key).matches()) {
            problems.add(workload.path(), "the key must be " + KEY_RULE);
        }
        workload.allowOnly(WORKLOAD_KEYS);
        var cluster = workload.requiredText("cluster", "the key of a cluster under clusters").filter(name -> defined(workload, name));
        var namespace = workload.requiredText("namespace", "the workload's namespace")
                .filter(value -> problems.attempt(workload.path("namespace"), () -> KubernetesNames.requireLabel("namespace", value)) != null);
        var serviceAccount = workload.requiredText("serviceAccount", "the name of the workload's ServiceAccount")
                .filter(value -> problems.attempt(workload.path("serviceAccount"), () -> KubernetesNames.requireSubdomain("serviceAccount", value)) != null);
        var createNamespace = workload.has("createNamespace") ? Optional.of(workload.bool("createNamespace", true)) : Optional.<Boolean>empty();
        namespace.filter(SystemNamespaces::contains).filter(ns -> createNamespace.orElse(false)).ifPresent(ns ->
                problems.add(workload.path("createNamespace"), "must be false for '" + ns + "': Kubernetes creates and owns its "
                        + "system namespaces " + SystemNamespaces.sorted()));
        var labels = workload.textMap("labels");
        labels.forEach((label, value) -> problems.attempt(workload.path("labels") + "." + label,
                () -> FederatedServiceAccountArgs.builder().label(label, value)));
        var alsoTrustedBy = workload.textList("alsoTrustedBy").orElse(List.of());
        var cloud = cluster.map(clusters::get);
        alsoTrustedBy.forEach(other -> checkAlsoTrustedBy(workload, other, cluster, cloud));
        var read = grantReader.read(workload);
        var grants = read.stream().map(GrantReader.Read::grant).toList();
        var ownIdentity = grants.isEmpty() || workload.has("mechanism") || workload.has("options") || !alsoTrustedBy.isEmpty()
                || cloud.filter(own -> grants.stream().anyMatch(grant -> stores.get(grant.store()) == own)).isPresent();
        Optional<MechanismSpec> identity = Optional.empty();
        String mechanism = null;
        if (cloud.isPresent()) {
            var kit = kits.get(cloud.get());
            mechanism = workload.has("mechanism")
                    ? workload.oneOf("mechanism", kit.mechanisms()).orElse(null)
                    : kit.mechanisms().get(0);
            var unavailable = mechanism == null || !clusterSpecs.containsKey(cluster.get())
                    ? null : clusterSpecs.get(cluster.get()).unavailableMechanisms().get(mechanism);
            if (unavailable != null) {
                problems.add(workload.path("mechanism"), "'" + mechanism + "' " + unavailable.replace("the cluster", "cluster '" + cluster.get() + "'"));
            } else if (mechanism != null) {
                identity = kit.mechanism(mechanism, workload.object("options"), !alsoTrustedBy.isEmpty(), workload);
            }
        }
        if (cluster.isPresent() && namespace.isPresent() && serviceAccount.isPresent()) {
            var creates = createNamespace.orElse(!SystemNamespaces.contains(namespace.get()));
            claim(workload, key, cluster.get(), namespace.get(), serviceAccount.get(), creates);
            alsoTrustedBy.stream().filter(clusters::containsKey)
                    .forEach(other -> claim(workload, key, other, namespace.get(), serviceAccount.get(), creates));
        }
        // The mechanism's own plan and the program-wide claims, once the workload's parts are right,
        // so one mistake is reported once.
        if (problems.count() == mark && identity.isPresent()) {
            var planned = read.stream().map(GrantReader.Read::planned).flatMap(Optional::stream).toList();
            plan(key, workload, cluster.get(), new ServiceAccountRef(namespace.get(), serviceAccount.get()), alsoTrustedBy, identity.get(), planned, ownIdentity,
                    grantReader.federations(grants, cloud));
        }
        if (problems.isEmpty() && identity.isPresent()) {
            workloads.put(key, new WorkloadSpec(key, cluster.get(), namespace.get(), serviceAccount.get(), createNamespace,
                    labels, mechanism, identity.get(), alsoTrustedBy, grants, ownIdentity, grantReader.federations(grants, cloud)));
        }
    }

    // Plans the mechanism against the clusters' planned stand-ins, as FederatedServiceAccount will
    // when it is created, and claims what the identity must hold alone: every rule stays the library's.
    // The plan holds every grant as planning builds it (a stand-in for a store created here, with the
    // created store's keys), so the rules on grants (an inline policy's size, one key per grant, one
    // resource group per storage account) are config problems too.
    private void plan(String key, ConfigNode workload, String cluster, ServiceAccountRef account, List<String> alsoTrustedBy,
                      MechanismSpec identity, List<AccessGrant> planned, boolean ownIdentity,
                      Map<dev.keyless.core.Cloud, java.util.function.Supplier<dev.keyless.core.IdentityMechanism>> federations) {
        var own = clusterSpecs.get(cluster);
        if (own == null || !alsoTrustedBy.stream().allMatch(clusterSpecs::containsKey)) {
            return;
        }
        var kit = kits.get(own.cloud());
        var options = workload.has("options") ? workload.object("options") : Optional.<ConfigNode>empty();
        var others = alsoTrustedBy.stream().map(other -> clusterSpecs.get(other).planned()).toList();
        var ownCloud = own.planned().cloud();
        var ownGrants = planned.stream().filter(grant -> ownCloud.equals(grant.cloud())).toList();
        try {
            if (ownIdentity) {
                identity.build(others, planning).plan(new BindingRequest(key, account, own.planned(), ownGrants));
                for (var claim : identity.claims(own)) {
                    ProgramClaims.current().claim(claim, key);
                }
            }
        } catch (InvalidInputException refusal) {
            kit.reportRefusal(refusal, workload, options);
        }
        // Every other cloud's grants, planned as the component will: that cloud's federation of the
        // cluster's issuer, the default unless the grants' stores need another.
        var byCloud = new java.util.LinkedHashMap<dev.keyless.core.Cloud, List<AccessGrant>>();
        planned.stream().filter(grant -> !ownCloud.equals(grant.cloud()))
                .forEach(grant -> byCloud.computeIfAbsent(grant.cloud(), c -> new ArrayList<>()).add(grant));
        byCloud.forEach((cloud, cloudGrants) -> {
            try {
                var federation = grantReader.plannedFederation(cloud, federations);
                federation.plan(new BindingRequest(key, account, own.planned(), cloudGrants));
            } catch (InvalidInputException refusal) {
                workload.problems().add(workload.path("grants"), kit.terms().message(refusal));
            }
        });
    }

    private boolean defined(ConfigNode workload, String cluster) {
        if (!clusters.containsKey(cluster)) {
            workload.problems().add(workload.path("cluster"), GrantReader.undefined("cluster", cluster, clusters.keySet()));
            return false;
        }
        return true;
    }

    private void checkAlsoTrustedBy(ConfigNode workload, String other, Optional<String> cluster, Optional<Cloud> cloud) {
        var path = workload.path("alsoTrustedBy");
        if (!clusters.containsKey(other)) {
            workload.problems().add(path, GrantReader.undefined("cluster", other, clusters.keySet()));
        } else if (cluster.isPresent() && cluster.get().equals(other)) {
            workload.problems().add(path, "'" + other + "' is the workload's own cluster");
        } else if (cloud.isPresent() && clusters.get(other) != cloud.get()) {
            workload.problems().add(path, "'" + other + "' is a " + clusters.get(other).configName() + " cluster; the workload's cluster '"
                    + cluster.orElseThrow() + "' is on " + cloud.get().configName() + ", and an identity is trusted within its own cloud");
        }
    }

    private void claim(ConfigNode workload, String key, String cluster, String namespace, String serviceAccount, boolean createsNamespace) {
        claim(workload, cluster, namespace, serviceAccount, createsNamespace);
    }

    /**
     * Claims a ServiceAccount of a cluster for one identity, and its namespace's creation, for a
     * workload or a cluster's controller; a second claim of either is a problem at the claimant.
     *
     * @param claimant         the workload's or controller's map
     * @param cluster          the cluster's key
     * @param namespace        the namespace
     * @param serviceAccount   the ServiceAccount's name
     * @param createsNamespace whether the claimant's component creates the namespace
     */
    void claim(ConfigNode claimant, String cluster, String namespace, String serviceAccount, boolean createsNamespace) {
        var workload = claimant;
        var key = claimant.path();
        // One binding per trust domain, not per cluster key: every GKE cluster of a project shares
        // its workload pool, and one cluster adopted twice shares its issuer.
        var domain = clusterSpecs.containsKey(cluster) ? clusterSpecs.get(cluster).trustDomain() : "cluster '" + cluster + "'";
        var claimed = claims.putIfAbsent(domain + " " + namespace + "/" + serviceAccount, Map.entry(key, cluster));
        if (claimed != null && !claimed.getKey().equals(key)) {
            var where = claimed.getValue().equals(cluster) ? " does" : " does in cluster '" + claimed.getValue() + "', and both are in " + domain;
            workload.problems().add(workload.path(), "binds ServiceAccount " + namespace + "/" + serviceAccount + " in cluster '" + cluster
                    + "', as " + claimed.getKey() + where + "; a ServiceAccount has one identity");
        }
        // A namespace is created once per cluster, for all its workloads, or by none of them.
        var first = namespaces.putIfAbsent(cluster + " " + namespace, Map.entry(key, createsNamespace));
        if (first != null && first.getValue() != createsNamespace) {
            workload.problems().add(workload.path("createNamespace"), "must be the same for every workload in namespace '" + namespace
                    + "' of cluster '" + cluster + "': " + first.getKey() + " has " + first.getValue());
        }
    }
}
