package dev.keyless.gcp;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.ChildNames;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.ServiceAccountRef;

import java.util.List;

/**
 * A binding request checked for Google Cloud: the cluster is a GKE cluster and every grant a GCP
 * grant. That no two grants get one child name is checked once for every cloud, in {@link BindingRequest}.
 *
 * @param baseName the prefix of the children's names
 * @param account  the ServiceAccount
 * @param cluster  the GKE cluster
 * @param grants   the GCP grants, in the user's order
 */
record GcpBinding(String baseName, ServiceAccountRef account, GkeOidcCluster cluster, List<GcpGrant> grants) {

    static GcpBinding of(BindingRequest request, String mechanism) {
        var cluster = CloudMatch.cluster(request.cluster(), GkeOidcCluster.class,
                "a GKE cluster (GkeCluster or AdoptedGkeCluster)", mechanism);
        var grants = CloudMatch.grants(request.grants(), GcpGrant.class,
                "a GCP grant (GcsAccess)", mechanism, "a Google Cloud principal can only hold Google Cloud roles");
        return new GcpBinding(request.baseName(), request.account(), cluster, grants);
    }

    String childName(String role) {
        return ChildNames.of(baseName, role);
    }
}
