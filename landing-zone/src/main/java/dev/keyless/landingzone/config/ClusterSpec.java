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
 * @param unavailableMechanisms the cloud's mechanisms this cluster cannot serve, each with the reason
 */
public record ClusterSpec(String key, Cloud cloud, boolean adopted, Supplier<OidcCluster> create,
                          Map<String, String> unavailableMechanisms) {

    /**
     * A cluster that serves every mechanism of its cloud.
     *
     * @param key     its stable name
     * @param cloud   its cloud
     * @param adopted whether it exists already
     * @param create  registers the cluster component
     */
    public ClusterSpec(String key, Cloud cloud, boolean adopted, Supplier<OidcCluster> create) {
        this(key, cloud, adopted, create, Map.of());
    }
}
