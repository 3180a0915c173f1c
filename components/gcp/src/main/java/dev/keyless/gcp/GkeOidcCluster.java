package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.TrustDomain;

import java.util.Map;
import java.util.Optional;

/**
 * A GKE cluster with Workload Identity Federation: its ServiceAccounts' tokens are exchanged for
 * Google credentials through the project's workload identity pool, {@code PROJECT_ID.svc.id.goog}.
 * A {@link GkeCluster} this stack creates, or an {@link AdoptedGkeCluster} made elsewhere.
 */
public interface GkeOidcCluster extends OidcCluster {

    /** @return {@link GcpCloud#CLOUD} */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return GcpCloud.CLOUD;
    }

    /** The node label GKE sets on nodes that run the GKE metadata server. */
    String METADATA_SERVER_NODE_LABEL = "iam.gke.io/gke-metadata-server-enabled";

    /** @return the ID of the project the cluster runs in, which names its workload identity pool */
    Output<String> projectId();

    /**
     * @return the project ID when the program gave it as text, so that rules which must hold in
     *     the project (one service account per id) are checked before anything registers; empty
     *     when it is an {@code Output}, known only at deploy
     */
    default Optional<String> knownProjectId() {
        return Optional.empty();
    }

    /** @return the cluster's region or zone */
    Output<String> location();

    /** @return the GKE cluster's name */
    Output<String> clusterName();

    /** @return the project's workload identity pool, {@code PROJECT_ID.svc.id.goog} */
    default Output<String> workloadPool() {
        return projectId().applyValue(GcpNames::workloadPool);
    }

    /** What a workload pool is called in messages. */
    String WORKLOAD_POOL = "workload pool";

    /**
     * @param projectId a project ID
     * @return the project's workload pool, {@code PROJECT_ID.svc.id.goog}
     */
    static String poolOf(String projectId) {
        return GcpNames.workloadPool(projectId);
    }

    /**
     * The project's workload pool, not the cluster: a principal and a {@code workloadIdentityUser}
     * member name {@code PROJECT_ID.svc.id.goog[NS/KSA]}, so one ServiceAccount in two clusters of
     * the project is one subject. Known once the project is.
     */
    @Override
    default TrustDomain trustDomain() {
        return TrustDomain.onceKnown(WORKLOAD_POOL, workloadPool());
    }

    /**
     * @return the issuer of the cluster's ServiceAccount tokens,
     *     {@code https://container.googleapis.com/v1/projects/PROJECT/locations/LOCATION/clusters/NAME}
     */
    default Output<String> issuerUrl() {
        return Output.tuple(projectId(), location(), clusterName()).applyValue(t -> GcpNames.issuerUrl(t.t1, t.t2, t.t3));
    }

    /**
     * @return the node selector that keeps pods on nodes with the GKE metadata server, without which
     *     a pod gets no federated credentials: empty when every node has it (Autopilot, or an adopted
     *     cluster declared so)
     */
    Map<String, String> podNodeSelector();

    /** Google's recommended mechanism: grants name the Kubernetes ServiceAccount itself. */
    @Override
    default IdentityMechanism defaultIdentity() {
        return GkeWorkloadIdentity.defaults();
    }
}
