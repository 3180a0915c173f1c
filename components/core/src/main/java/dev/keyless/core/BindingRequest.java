package dev.keyless.core;

import java.util.HashMap;
import java.util.List;

/**
 * What an {@link IdentityMechanism} binds: one ServiceAccount in one cluster, with its grants of
 * the mechanism's cloud. The cluster is the issuer a federation trusts, and the ServiceAccount's
 * {@link ServiceAccountRef#subject()} the subject.
 *
 * <p>No two {@link ResourceGrant}s of one request have the same {@link ResourceGrant#key()}: each
 * would be the child {@code baseName-grant-KEY}, and the engine refuses a second resource of one
 * name only at deploy. Checked here, once for every cloud, before any mechanism plans or registers.
 *
 * @param baseName the prefix of the children's names ({@code baseName + "-role"}), the component's name
 * @param account  the ServiceAccount
 * @param cluster  the cluster
 * @param grants   the grants of the mechanism's cloud (a mechanism called directly checks they are its own)
 */
public record BindingRequest(String baseName, ServiceAccountRef account, OidcCluster cluster, List<AccessGrant> grants) {

    /**
     * Copies the grants.
     *
     * @throws InvalidInputException naming both grants when two resource grants have one key
     */
    public BindingRequest {
        grants = List.copyOf(grants);
        requireDistinctGrantKeys(baseName, grants, java.util.stream.IntStream.range(0, grants.size()).boxed().toList());
    }

    /**
     * @param role the child's role, e.g. {@code role} or {@code grants}
     * @return the child's name, {@code baseName-role}
     */
    public String childName(String role) {
        return ChildNames.of(baseName, role);
    }

    /**
     * @param positions each grant's position in the user's list, for the message
     */
    static void requireDistinctGrantKeys(String baseName, List<AccessGrant> grants, List<Integer> positions) {
        var firstWithKey = new HashMap<String, Integer>();
        for (int i = 0; i < grants.size(); i++) {
            if (!(grants.get(i) instanceof ResourceGrant<?> grant)) {
                continue;
            }
            var earlier = firstWithKey.putIfAbsent(grant.key(), i);
            if (earlier != null) {
                throw InvalidInputException.of("grants[" + positions.get(i) + "]", grant.describe(),
                        "a grant other than grants[" + positions.get(earlier) + "] (" + grants.get(earlier).describe()
                                + "): both would be the child '" + GrantContext.childName(baseName, grant.key()) + "'");
            }
        }
    }
}
