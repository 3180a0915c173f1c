package dev.keyless.core;

import com.pulumi.resources.ComponentResource;

import java.util.List;

/**
 * What an {@link IdentityMechanism} binds: one ServiceAccount in one cluster, with its grants.
 *
 * @param owner    the component the cloud resources are children of
 * @param baseName the prefix of the children's names ({@code baseName + "-role"})
 * @param account  the ServiceAccount
 * @param cluster  the cluster
 * @param grants   the storage grants, already validated for this mechanism's cloud
 */
public record BindingRequest(ComponentResource owner, String baseName, ServiceAccountRef account,
                             OidcCluster cluster, List<StorageGrant> grants) {

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
