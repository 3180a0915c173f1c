package dev.keyless.landingzone.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.keyless.core.IdentityMechanism;

/**
 * A workload as the config declares it, checked.
 *
 * @param key             its stable name under {@code workloads}, also its Pulumi name
 * @param cluster         the key of the cluster it runs in
 * @param namespace       its namespace
 * @param serviceAccount  its ServiceAccount's name
 * @param createNamespace whether the landing zone creates the namespace, when the config says
 * @param labels          extra labels on the ServiceAccount
 * @param mechanism       the identity mechanism's config name, e.g. {@code irsa}
 * @param identity        the mechanism with its options
 * @param alsoTrustedBy   keys of other clusters whose ServiceAccount of the same name shares the identity
 * @param grants          its grants, in config order
 * @param ownIdentity     whether it gets an identity on its cluster's own cloud: when a grant names a
 *                        store of that cloud, when it has no grants, or when the config sets the
 *                        mechanism, its options or {@code alsoTrustedBy}; a workload whose grants
 *                        are all of other clouds has only their federated identities
 * @param federations     the federations into other clouds its grants need instead of those clouds' defaults
 */
public record WorkloadSpec(String key, String cluster, String namespace, String serviceAccount, Optional<Boolean> createNamespace,
                           Map<String, String> labels, String mechanism, MechanismSpec identity, List<String> alsoTrustedBy,
                           List<GrantSpec> grants, boolean ownIdentity,
                           Map<dev.keyless.core.Cloud, Supplier<IdentityMechanism>> federations) {
}
