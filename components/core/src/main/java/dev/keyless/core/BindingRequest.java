package dev.keyless.core;

import java.util.List;

/**
 * What an {@link IdentityMechanism} binds: one ServiceAccount in one cluster, with its grants.
 *
 * @param baseName the prefix of the children's names ({@code baseName + "-role"}), the component's name
 * @param account  the ServiceAccount
 * @param cluster  the cluster
 * @param grants   the grants, of any cloud: the mechanism checks they are its own
 */
public record BindingRequest(String baseName, ServiceAccountRef account, OidcCluster cluster, List<AccessGrant> grants) {

    /** Copies the grants. */
    public BindingRequest {
        grants = List.copyOf(grants);
    }

    /**
     * @param role the child's role, e.g. {@code role} or {@code grants}
     * @return the child's name, {@code baseName-role}
     */
    public String childName(String role) {
        return baseName + "-" + role;
    }
}
