package dev.keyless.core;

/**
 * How a cloud binds a Kubernetes ServiceAccount to a cloud identity: natively on its own clusters
 * (IRSA, EKS Pod Identity, GKE Workload Identity, Entra Workload ID), or federating another
 * cluster's issuer. {@link FederatedServiceAccount} owns the Kubernetes side and asks one mechanism
 * per cloud for the cloud side, so a new cloud or mechanism is one new class.
 *
 * <p>Binding has two steps. {@link #plan} checks everything that can be checked before anything is
 * registered and returns a plan typed for the mechanism's cloud (its own cluster type, its own
 * grants); {@link IdentityPlan#bind} then registers the cloud side.
 */
public interface IdentityMechanism {

    /** @return the mechanism's name for messages, e.g. {@code IRSA} */
    String displayName();

    /** @return the cloud whose identity the mechanism makes, and whose grants it binds */
    Cloud cloud();

    /**
     * Checks that the cluster and the grants belong to this mechanism's cloud, and every rule that
     * combines the mechanism's options with the request (names derived from the component's name,
     * options that exclude each other, the cloud's limits). Registers nothing.
     *
     * @param request what to bind
     * @return the checked plan
     * @throws InvalidInputException naming the field, the value and the rule
     */
    IdentityPlan plan(BindingRequest request);
}
