package dev.keyless.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks every mechanism makes first: the cluster and each grant belong to its cloud. Done once
 * here, so a mechanism works with its own types afterwards and never casts.
 */
public final class CloudMatch {
    private CloudMatch() {
    }

    /**
     * @param cluster   the request's cluster
     * @param type      the cluster type the mechanism needs, e.g. {@code AwsOidcCluster}
     * @param accepted  how to name it in the message, e.g. {@code an EKS cluster (EksCluster or AdoptedEksCluster)}
     * @param mechanism the mechanism's display name
     * @param <C>       the cluster type
     * @return the cluster, typed
     * @throws InvalidInputException when the cluster is of another cloud
     */
    public static <C extends OidcCluster> C cluster(OidcCluster cluster, Class<C> type, String accepted, String mechanism) {
        if (type.isInstance(cluster)) {
            return type.cast(cluster);
        }
        throw InvalidInputException.of("cluster", cluster.describe(), accepted + " for " + mechanism);
    }

    /**
     * @param grants    the request's grants
     * @param type      the grant type the mechanism's identity can hold
     * @param accepted  how to name it in the message, e.g. {@code an AWS grant (S3Access)}
     * @param mechanism the mechanism's display name
     * @param why       why another cloud's grant cannot be held, e.g. {@code an IAM role can only hold AWS permissions}
     * @param <G>       the grant type
     * @return the grants, typed, in order
     * @throws InvalidInputException naming the first grant of another cloud
     */
    public static <G extends AccessGrant> List<G> grants(List<AccessGrant> grants, Class<G> type, String accepted,
                                                         String mechanism, String why) {
        var typed = new ArrayList<G>();
        for (int i = 0; i < grants.size(); i++) {
            var grant = grants.get(i);
            if (!type.isInstance(grant)) {
                throw InvalidInputException.of("grants[" + i + "]", grant.describe(), accepted + " for " + mechanism + ": " + why);
            }
            typed.add(type.cast(grant));
        }
        return List.copyOf(typed);
    }
}
