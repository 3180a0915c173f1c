package dev.keyless.core;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

/**
 * A Kubernetes cluster whose cloud trusts its workloads' tokens: created with keyless (EKS, GKE,
 * AKS) or adopted from another stack. A {@link FederatedServiceAccount} asks it for the Kubernetes
 * provider and for the way its cloud binds an identity.
 *
 * <p>A cluster is an {@link OidcIssuer}: its own cloud trusts it natively (an IAM OIDC provider
 * on EKS, a workload pool on GKE, an issuer on AKS, each in its cloud's sub-interface), and every
 * other cloud can federate its issuer.
 */
public interface OidcCluster extends OidcIssuer {

    /** @return the cloud the cluster runs on, whose native mechanism binds its own-cloud grants */
    Cloud cloud();


    /** @return the Kubernetes provider that talks to this cluster */
    Provider kubernetesProvider();

    /**
     * @return the resource that is ready once the cluster can run workloads and its cloud trusts
     *     it; what binds to the cluster depends on it
     */
    Resource readiness();

    /** @return how this cluster's cloud binds a ServiceAccount to a cloud identity when the user names no mechanism */
    IdentityMechanism defaultIdentity();

    /**
     * The scope in which the cloud tells workloads apart, where one {@code namespace/ServiceAccount}
     * is one subject: keyless lets one component bind it there, across the whole program.
     * <ul>
     *   <li>GKE: the project's workload pool, {@code PROJECT_ID.svc.id.goog}. Principals and the
     *       {@code workloadIdentityUser} member name the pool, never the cluster, so every cluster
     *       of the project (and one cluster adopted twice) is one domain.</li>
     *   <li>EKS and AKS: the cluster's OIDC issuer URL. IAM and Entra trust a subject of one issuer,
     *       and each cluster has its own, so only the same cluster reached twice (adopted twice)
     *       shares one. EKS Pod Identity names the cluster itself, which has one issuer too. A
     *       cluster created here is its own domain: its issuer is new (and unknown until created).</li>
     * </ul>
     * A plain value is checked before anything is registered; an {@code Output} (a StackReference
     * output, a created cluster's issuer) once it is known, before the binding registers anything.
     *
     * @return the cluster's trust domain
     */
    TrustDomain trustDomain();
}
