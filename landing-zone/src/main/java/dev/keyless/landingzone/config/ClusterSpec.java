package dev.keyless.landingzone.config;

import dev.keyless.core.OidcCluster;

import java.util.function.Supplier;

/**
 * A cluster as the config declares it, checked and ready to create or adopt.
 *
 * @param key     its stable name under {@code clusters}, also its Pulumi name
 * @param cloud   its cloud
 * @param adopted whether it exists already (adopted) rather than being created here
 * @param create  registers the cluster component
 */
public record ClusterSpec(String key, Cloud cloud, boolean adopted, Supplier<OidcCluster> create) {
}
