package dev.keyless.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ServiceAccount's identities, one per cloud, each planned by its cloud's mechanism before
 * anything is registered.
 *
 * <p>Grants go to their own cloud's identity. The cluster's cloud gets the user's mechanism or the
 * cluster's native one; every other cloud the user's mechanism or that cloud's default federation
 * of the cluster's issuer. The cluster's own identity is made when a grant or a mechanism names
 * its cloud, or when neither grants nor mechanisms name any cloud (a workload that only needs an
 * identity), so a single-cloud program makes exactly what it made before.
 *
 * @param plans the planned identities, the cluster's own cloud first
 */
record CloudPlans(List<Planned> plans) {

    /**
     * @param cloud     the identity's cloud
     * @param mechanism the mechanism that planned it
     * @param plan      its checked plan
     */
    record Planned(Cloud cloud, IdentityMechanism mechanism, IdentityPlan plan) {
    }

    static CloudPlans of(String name, ServiceAccountRef account, FederatedServiceAccountArgs args) {
        var cluster = args.cluster();
        var own = cluster.cloud();
        var ownIdentity = args.grants().isEmpty() && args.mechanisms().isEmpty()
                || args.grants().stream().anyMatch(g -> own.equals(g.cloud())) || args.mechanisms().containsKey(own);
        var grants = GrantsByCloud.of(name, args.grants(), ownIdentity ? Optional.of(own) : Optional.empty(), args.mechanisms().keySet());
        var plans = new ArrayList<Planned>();
        for (var cloud : grants.clouds()) {
            var mechanism = args.mechanism(cloud).orElseGet(() -> own.equals(cloud) ? cluster.defaultIdentity() : cloud.federation());
            var plan = mechanism.plan(new BindingRequest(name, account, cluster, grants.of(cloud)));
            plans.add(new Planned(cloud, mechanism, plan));
        }
        return new CloudPlans(List.copyOf(plans));
    }

    /** @return the clusters besides the request's own that any identity trusts the same ServiceAccount in, each once */
    List<OidcCluster> alsoTrustedIn() {
        var clusters = new ArrayList<OidcCluster>();
        for (var planned : plans) {
            for (var cluster : planned.plan().alsoTrustedIn()) {
                if (clusters.stream().noneMatch(c -> c == cluster)) {
                    clusters.add(cluster);
                }
            }
        }
        return clusters;
    }

    /** @return every plan's deploy-time checks */
    DeployTimeCheck deployTimeChecks() {
        var checks = DeployTimeCheck.none();
        for (var planned : plans) {
            checks = checks.and(planned.plan().deployTimeChecks());
        }
        return checks;
    }
}
