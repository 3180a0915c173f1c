package dev.keyless.gcp;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ServiceAccountRef;

import java.util.HashMap;
import java.util.List;

/**
 * A binding request checked for Google Cloud: the cluster is a GKE cluster, every grant a GCP
 * grant, and no two grants would get the same child name.
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
        var keys = new HashMap<String, Integer>();
        for (int i = 0; i < grants.size(); i++) {
            var earlier = keys.putIfAbsent(grants.get(i).key(), i);
            if (earlier != null) {
                throw InvalidInputException.of("grants[" + i + "]", grants.get(i).describe(),
                        "a grant other than grants[" + earlier + "] (" + grants.get(earlier).describe()
                                + "): both would be the child '" + request.childName("grant-" + grants.get(i).key()) + "'");
            }
        }
        return new GcpBinding(request.baseName(), request.account(), cluster, grants);
    }

    String childName(String role) {
        return baseName + "-" + role;
    }
}
