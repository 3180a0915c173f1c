package dev.keyless.core;

import com.pulumi.resources.Resource;

import java.util.List;

/**
 * A grant that is its own cloud resource on the resource it opens, naming the workload's principal:
 * a bucket IAM member on GCP, a role assignment on Azure.
 *
 * @param <I> the identity the grant can name, e.g. a GKE principal or an Azure managed identity
 */
public interface ResourceGrant<I extends WorkloadIdentity> extends AccessGrant {

    /**
     * @return a key for the grant's child names, unique among one workload's grants and stable when
     *     grants are reordered (e.g. the bucket's name and the role), so reordering replaces nothing
     */
    String key();

    /**
     * @return rules on values known only at deploy time (a bucket name from another stack): the
     *     workload registers nothing, its identity included, until they pass; none by default
     */
    default DeployTimeCheck deployTimeChecks() {
        return DeployTimeCheck.none();
    }

    /**
     * Registers the grant: gives {@code identity} access to the grant's resources.
     *
     * @param identity the workload's identity
     * @param context  the owner to parent the grant to, its name prefix and what it must wait for
     * @return the registered resources; the ServiceAccount waits for them
     */
    List<Resource> bindTo(I identity, GrantContext context);
}
