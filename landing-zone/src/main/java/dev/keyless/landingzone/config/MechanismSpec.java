package dev.keyless.landingzone.config;

import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;

import java.util.List;

/**
 * A workload's identity mechanism with its options, checked, waiting only for the clusters that
 * also trust it, which exist once the clusters are registered.
 */
@FunctionalInterface
public interface MechanismSpec {

    /**
     * @param alsoTrustedBy the other clusters whose ServiceAccount of the same name gets the identity
     * @return the mechanism
     */
    IdentityMechanism build(List<OidcCluster> alsoTrustedBy);
}
