package dev.keyless.landingzone.config;

import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.ProgramClaims;

import java.util.List;

/**
 * A workload's identity mechanism with its options, checked, waiting only for the clusters that
 * also trust it, which exist once the clusters are registered (or are planned stand-ins while the
 * config is checked).
 */
@FunctionalInterface
public interface MechanismSpec {

    /**
     * @param alsoTrustedBy the other clusters whose ServiceAccount of the same name gets the identity
     * @param shared        what the workloads of this pass share
     * @return the mechanism
     */
    IdentityMechanism build(List<OidcCluster> alsoTrustedBy, SharedObjects shared);

    /**
     * @param cluster the workload's cluster
     * @return what the workload's identity must hold alone in the program, e.g. a managed identity's
     *     name in its resource group; claimed for the workload while the config is checked
     */
    default List<ProgramClaims.Claim> claims(ClusterSpec cluster) {
        return List.of();
    }
}
