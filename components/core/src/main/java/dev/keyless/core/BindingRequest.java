package dev.keyless.core;

import java.util.HashMap;
import java.util.List;

/**
 * What an {@link IdentityMechanism} binds: one ServiceAccount in one cluster, with its grants.
 *
 * <p>No two {@link ResourceGrant}s of one request have the same {@link ResourceGrant#key()}: each
 * would be the child {@code baseName-grant-KEY}, and the engine refuses a second resource of one
 * name only at deploy. Checked here, once for every cloud, before any mechanism plans or registers.
 *
 * @param baseName the prefix of the children's names ({@code baseName + "-role"}), the component's name
 * @param account  the ServiceAccount
 * @param cluster  the cluster
 * @param grants   the grants, of any cloud: the mechanism checks they are its own
 */
public record BindingRequest(String baseName, ServiceAccountRef account, OidcCluster cluster, List<AccessGrant> grants) {

    /**
     * Copies the grants.
     *
     * @throws InvalidInputException naming both grants when two resource grants have one key
     */
    public BindingRequest {
        grants = List.copyOf(grants);
        requireDistinctGrantKeys(baseName, grants);
    }

    /**
     * @param role the child's role, e.g. {@code role} or {@code grants}
     * @return the child's name, {@code baseName-role}
     */
    public String childName(String role) {
        return baseName + "-" + role;
    }

    private static void requireDistinctGrantKeys(String baseName, List<AccessGrant> grants) {
        var firstWithKey = new HashMap<String, Integer>();
        for (int i = 0; i < grants.size(); i++) {
            if (!(grants.get(i) instanceof ResourceGrant<?> grant)) {
                continue;
            }
            var earlier = firstWithKey.putIfAbsent(grant.key(), i);
            if (earlier != null) {
                throw InvalidInputException.of("grants[" + i + "]", grant.describe(),
                        "a grant other than grants[" + earlier + "] (" + grants.get(earlier).describe()
                                + "): both would be the child '" + GrantContext.childName(baseName, grant.key()) + "'");
            }
        }
    }
}
