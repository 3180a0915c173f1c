package dev.keyless.landingzone.config;

import dev.keyless.core.OidcCluster;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A cluster as the config declares it, checked and ready to create or adopt.
 *
 * @param key     its stable name under {@code clusters}, also its Pulumi name
 * @param cloud   its cloud
 * @param adopted whether it exists already (adopted) rather than being created here
 * @param create  registers the cluster component
 * @param planned a stand-in of the cluster with what the config says about it, registering nothing:
 *                the workloads' mechanisms plan against it while the config is checked
 * @param trustDomain where the cloud tells its workloads apart, as messages name it (see
 *                    {@link OidcCluster#trustDomain()}): e.g. {@code workload pool 'shop-prod.svc.id.goog'},
 *                    or {@code cluster 'KEY'} for a cluster created here, whose issuer is its own
 * @param unavailableMechanisms the cloud's mechanisms this cluster cannot serve, each with the reason
 */
public record ClusterSpec(String key, Cloud cloud, boolean adopted, Supplier<OidcCluster> create, OidcCluster planned,
                          String trustDomain, Map<String, String> unavailableMechanisms) {

    /**
     * A cluster that is its own trust domain and serves every mechanism of its cloud.
     *
     * @param key     its stable name
     * @param cloud   its cloud
     * @param adopted whether it exists already
     * @param create  registers the cluster component
     * @param planned its stand-in for planning
     */
    public ClusterSpec(String key, Cloud cloud, boolean adopted, Supplier<OidcCluster> create, OidcCluster planned) {
        this(key, cloud, adopted, create, planned, "cluster '" + key + "'", Map.of());
    }

    /**
     * @param domain where the cloud tells workloads apart, e.g. {@code workload pool 'shop-prod.svc.id.goog'}
     * @return this cluster in that trust domain
     */
    public ClusterSpec inTrustDomain(String domain) {
        return new ClusterSpec(key, cloud, adopted, create, planned, domain, unavailableMechanisms);
    }
}
