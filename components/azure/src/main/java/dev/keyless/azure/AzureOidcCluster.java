package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.TrustDomain;

import java.util.Optional;

/**
 * An AKS cluster whose OIDC issuer Microsoft Entra ID trusts through federated identity
 * credentials: an {@link AksCluster} this stack creates, or an {@link AdoptedAksCluster} made elsewhere.
 */
public interface AzureOidcCluster extends OidcCluster {

    /** @return {@link AzureCloud#CLOUD} */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return AzureCloud.CLOUD;
    }


    /**
     * @return the cluster's OIDC issuer URL exactly as AKS reports it, trailing '/' included: a
     *     federated credential's issuer must equal the tokens' {@code iss} byte for byte
     */
    Output<String> issuerUrl();

    /** @return the issuer when it is known before deploy (an adopted cluster's plain value), for preview-time checks */
    Optional<String> plainIssuerUrl();

    /** @return the cluster's resource group, where workload identities go unless told otherwise; empty when unknown */
    Optional<Output<String>> resourceGroupName();

    /**
     * @return the cluster's resource group when it is known before deploy (given as a plain value),
     *     for preview-time checks of the names that meet in it; empty otherwise
     */
    default Optional<String> plainResourceGroupName() {
        return Optional.empty();
    }

    /** @return the component's logical name, which keys the children other components make for this cluster */
    String logicalName();

    /**
     * The cluster's issuer: a federated credential trusts an issuer and subject, so one
     * ServiceAccount of two cluster objects with one issuer (one cluster adopted twice) is one subject.
     */
    @Override
    default TrustDomain trustDomain() {
        return TrustDomain.of("OIDC issuer", plainIssuerUrl(), issuerUrl());
    }

    /** Entra Workload ID is how AKS binds identities, so it is the default. */
    @Override
    default IdentityMechanism defaultIdentity() {
        return EntraWorkloadIdentity.defaults();
    }
}
