package dev.keyless.core;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * A grant that is its own cloud resource on the resource it opens, naming the workload's principal:
 * a bucket IAM member on GCP, a role assignment on Azure.
 *
 * @param <I> the identity the grant can name, e.g. a GKE principal or an Azure managed identity
 */
public interface ResourceGrant<I extends WorkloadIdentity> extends AccessGrant {

    /**
     * The grant's child key: its children are named {@code NAME-grant-KEY}.
     *
     * <p>A key is injective over what the grant opens: two grants that differ (another resource,
     * role or prefix) have different keys, so valid grants are never refused as duplicates, and two
     * grants with one key are the same grant twice, which {@link BindingRequest} refuses before
     * anything registers. Keys are stable when grants are reordered (e.g. the bucket's name and
     * the role, never a list position), so reordering replaces nothing.
     *
     * @return the key: characters Pulumi accepts in a resource name
     */
    String key();

    /**
     * The key this grant's child had before its key was made injective, when that differs from
     * {@link #key()}. The child is then aliased from its former name (see
     * {@link GrantContext#options(ResourceGrant)}), so stacks deployed under the former key keep
     * their grant in place instead of replacing it.
     *
     * @return the former key; empty when the key never changed
     */
    default Optional<String> formerKey() {
        return Optional.empty();
    }

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
