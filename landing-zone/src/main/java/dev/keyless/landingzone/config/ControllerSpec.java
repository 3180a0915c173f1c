package dev.keyless.landingzone.config;

import dev.keyless.core.ControllerPreset;

import java.util.function.Function;

/**
 * A controller of a cluster as the config declares it under the cluster's {@code controllers}:
 * the preset's identity for its ServiceAccount, bound by the cluster's default mechanism.
 *
 * @param key        its Pulumi name, {@code CLUSTER-CONTROLLER}, e.g. {@code platform-external-dns}
 * @param cluster    the key of its cluster
 * @param controller its config name, e.g. {@code externalDns}
 * @param preset     the preset as planned, in the namespace and with the ServiceAccount name the config gives
 * @param registered the same preset made on the registered stores (by key), for a controller whose settings name one
 */
public record ControllerSpec(String key, String cluster, String controller, ControllerPreset preset,
                             Function<Function<String, Store>, ControllerPreset> registered) {
}
