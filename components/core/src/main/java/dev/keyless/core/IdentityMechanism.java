package dev.keyless.core;

import java.util.List;

/**
 * How a cloud binds a Kubernetes ServiceAccount to a cloud identity (IRSA, EKS Pod Identity, GKE
 * Workload Identity, Entra Workload ID). {@link FederatedServiceAccount} owns the Kubernetes side
 * and asks the mechanism for the cloud side, so a new cloud or mechanism is one new class.
 */
public interface IdentityMechanism {

    /** @return the mechanism's name for messages, e.g. {@code IRSA} */
    String displayName();

    /**
     * Checks everything that can be checked before anything is registered: that the cluster and
     * the grants belong to this mechanism's cloud, names, options that exclude each other and the
     * cloud's limits.
     *
     * @param baseName the component's name, which prefixes the children's names
     * @param account the ServiceAccount to bind
     * @param grants  the storage grants the identity must hold
     * @param cluster the cluster the ServiceAccount lives in
     * @throws InvalidInputException naming the field, the value and the rule
     */
    void validate(String baseName, ServiceAccountRef account, List<StorageGrant> grants, OidcCluster cluster);

    /**
     * Registers the cloud side (identity, trust, grants) as children of the request's owner.
     * Called only after {@link #validate} passed.
     *
     * @param request what to bind
     * @return what the Kubernetes side must carry
     */
    CloudIdentity bind(BindingRequest request);
}
