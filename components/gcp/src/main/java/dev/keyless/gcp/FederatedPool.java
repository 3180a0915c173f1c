package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.iam.WorkloadIdentityPool;
import com.pulumi.gcp.iam.WorkloadIdentityPoolArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.ProgramClaims;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one workload identity pool of a program for one issuer in one project, shared by every
 * workload federated from that issuer: each adds its own provider to it ({@link GcpFederation}).
 *
 * <p>A pool is the program's, not the first workload's: it is the cluster's child when the
 * cluster is a resource (as the cluster's namespaces are), so removing a workload never deletes
 * a pool others use. It is protected by default: a deleted pool is kept for 30 days and its id
 * cannot be reused meanwhile.
 *
 * <p>The providers' ids are claimed here, one per id in the pool, whichever workload adds it.
 */
final class FederatedPool {
    private final String key;
    private final String poolId;
    private final boolean protect;
    private final String firstHolder;
    private final Map<String, String> providerHolders = new HashMap<>();
    private WorkloadIdentityPool pool;
    private Output<String> project;

    private FederatedPool(String key, String poolId, boolean protect, String firstHolder) {
        this.key = key;
        this.poolId = poolId;
        this.protect = protect;
        this.firstHolder = firstHolder;
    }

    /**
     * Joins (or starts) the program's pool for one issuer in one project.
     *
     * @param projectKey what names the project before it is known (the project id, or the provider that knows it)
     * @param issuerKey  the issuer URL, or the cluster while the URL is known only at deploy
     * @param poolId     the pool id the workload asks for
     * @param protect    whether the workload asks for the pool to be protected
     * @param holder     the workload component's name
     * @return the shared pool
     * @throws InvalidInputException when the workload asks for the pool with other options than the first did
     */
    static FederatedPool join(String projectKey, String issuerKey, String poolId, boolean protect, String holder) {
        var key = projectKey + " " + issuerKey;
        var pool = ProgramClaims.current().shared(FederatedPool.class, key, () -> new FederatedPool(key, poolId, protect, holder));
        if (!pool.poolId.equals(poolId)) {
            throw InvalidInputException.of("poolId", poolId, "the id every workload of this issuer in "
                    + projectKey + " uses for its one pool: '" + pool.firstHolder + "' uses '" + pool.poolId + "'");
        }
        if (pool.protect != protect) {
            throw InvalidInputException.of("protectPool", protect, "the same for every workload of this issuer in "
                    + projectKey + ", which share one pool: '" + pool.firstHolder + "' has " + pool.protect);
        }
        return pool;
    }

    /**
     * @param providerId the provider's id in the pool
     * @param field      the option it came from
     * @param holder     the workload component's name
     * @throws InvalidInputException when another workload of the program has a provider of that id in the pool
     */
    synchronized void claimProvider(String providerId, String field, String holder) {
        var earlier = providerHolders.putIfAbsent(providerId, holder);
        if (earlier != null && !earlier.equals(holder)) {
            throw InvalidInputException.of(field, providerId, "a provider id no other workload uses in workload identity pool '"
                    + poolId + "', but '" + earlier + "' and '" + holder + "' both use it");
        }
    }

    /**
     * @param projectScope the project, as the pool id's claim scope
     * @param plainProject the project when known before anything registers
     * @param holder       the workload component's name
     * @return the check against another issuer's pool of the same id in the same project, once both projects are known
     * @throws InvalidInputException at once when both projects are plain and equal
     */
    DeployTimeCheck claimPoolId(Output<String> projectScope, Optional<String> plainProject, String holder) {
        // Held by the issuer, not the workload: every workload of one issuer shares the id.
        return ProgramClaims.current().claimInOrder(
                new ProgramClaims.ScopedClaim("workload identity pool id", poolId, plainProject, projectScope),
                key, (project, earlier, later) -> InvalidInputException.of("poolId", poolId,
                        "a workload identity pool id no other issuer's pool uses in project '" + project + "', but '"
                                + holder + "' would give it to a second pool"));
    }

    /** @return the pool's id */
    String poolId() {
        return poolId;
    }

    /** @return the project the pool is in, known once the first workload resolved it */
    synchronized Output<String> project() {
        return project;
    }

    /**
     * Registers the pool on the first call; later calls get the same pool.
     *
     * @param issuer   the issuer, for the description
     * @param project  the pool's project
     * @param parent   the cluster when it is a resource, else none (the stack)
     * @param provider the gcp provider, if the mechanism names one
     * @param waitFor  what the pool waits for: the first workload's deploy-time checks and the cluster
     * @param name     the pool's Pulumi name
     * @return the pool
     */
    synchronized WorkloadIdentityPool register(OidcIssuer issuer, Output<String> project, Optional<Resource> parent,
                                               Optional<Provider> provider, Output<List<Resource>> waitFor, String name) {
        if (pool == null) {
            var options = CustomResourceOptions.builder().protect(protect).dependsOn(waitFor);
            parent.ifPresent(options::parent);
            provider.ifPresent(options::provider);
            this.project = project;
            pool = new WorkloadIdentityPool(name, WorkloadIdentityPoolArgs.builder()
                    .workloadIdentityPoolId(poolId)
                    .project(project)
                    .displayName(WorkloadIdentityPoolIds.cut("keyless " + poolId, WorkloadIdentityPoolIds.MAX_DISPLAY_NAME))
                    .description(WorkloadIdentityPoolIds.cut("Workloads whose tokens " + issuer.describe()
                            + " issues; one provider per ServiceAccount", WorkloadIdentityPoolIds.MAX_DESCRIPTION))
                    .build(),
                    options.build());
        }
        return pool;
    }
}
