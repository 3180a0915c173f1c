package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

/**
 * A Kubernetes cluster whose OIDC issuer its cloud trusts: created with keyless (EKS, GKE, AKS) or
 * adopted from another stack. A {@link FederatedServiceAccount} asks it for the Kubernetes provider
 * and for the way its cloud binds an identity.
 */
public interface OidcCluster {

    /** @return the cluster's OIDC issuer URL, exactly as the cluster puts it in its tokens' {@code iss} */
    Output<String> issuerUrl();

    /** @return the Kubernetes provider that talks to this cluster */
    Provider kubernetesProvider();

    /**
     * @return the resource that is ready once the cluster can run workloads and its issuer is trusted;
     *     what binds to the cluster depends on it
     */
    Resource readiness();

    /** @return how this cluster's cloud binds a ServiceAccount to a cloud identity when the user names no mechanism */
    IdentityMechanism defaultIdentity();

    /** @return a short description for messages, e.g. {@code EKS cluster 'platform'} */
    String describe();
}
