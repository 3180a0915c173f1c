package dev.keyless.core;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

/**
 * A Kubernetes cluster whose cloud trusts its workloads' tokens: created with keyless (EKS, GKE,
 * AKS) or adopted from another stack. A {@link FederatedServiceAccount} asks it for the Kubernetes
 * provider and for the way its cloud binds an identity.
 *
 * <p>Only what the cloud-neutral side needs is here. How the cloud trusts the cluster (an issuer
 * URL and an IAM OIDC provider on EKS, a workload pool on GKE, an issuer on AKS) belongs to each
 * cloud's sub-interface.
 */
public interface OidcCluster {

    /** @return the Kubernetes provider that talks to this cluster */
    Provider kubernetesProvider();

    /**
     * @return the resource that is ready once the cluster can run workloads and its cloud trusts
     *     it; what binds to the cluster depends on it
     */
    Resource readiness();

    /** @return how this cluster's cloud binds a ServiceAccount to a cloud identity when the user names no mechanism */
    IdentityMechanism defaultIdentity();

    /** @return a short description for messages, e.g. {@code EKS cluster 'platform'} */
    String describe();
}
