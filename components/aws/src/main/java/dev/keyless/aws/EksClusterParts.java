package dev.keyless.aws;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.ChildNames;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EksCluster} and an {@link AdoptedEksCluster} both are to IAM, built by the same
 * function: the cluster's issuer and IAM OIDC provider, and the Pod Identity agent. What every
 * cluster shares (name, Kubernetes provider, readiness) is core's
 * {@link dev.keyless.core.OidcClusterComponent}. Each component holds one and answers
 * {@link AwsOidcCluster} from it.
 *
 * @param clusterName      the EKS cluster's name
 * @param issuerUrl        the cluster's OIDC issuer URL
 * @param oidcProviderArn  the IAM OIDC provider's ARN
 * @param podIdentityAgent the Pod Identity agent, when the cluster has it
 */
record EksClusterParts(Output<String> clusterName, Output<String> issuerUrl, Output<String> oidcProviderArn,
                       Optional<PodIdentityAgent> podIdentityAgent) {

    /**
     * The IAM OIDC provider IRSA trusts: {@code NAME-oidc}, with STS as its client id. IAM verifies
     * EKS issuers against trusted root CAs, so no thumbprint is given.
     */
    static OpenIdConnectProvider createOidcProvider(ComponentResource owner, String name, Output<String> issuerUrl) {
        return new OpenIdConnectProvider(ChildNames.of(name, "oidc"), OpenIdConnectProviderArgs.builder()
                .url(issuerUrl)
                .clientIdLists(AwsOidcCluster.STS_AUDIENCE)
                .build(),
                CustomResourceOptions.builder().parent(owner).build());
    }

    /** @return the outputs both components register, under their {@code @Export} names */
    Map<String, Output<?>> outputs() {
        return Map.of(
                "clusterName", clusterName,
                "issuerUrl", issuerUrl,
                "oidcProviderArn", oidcProviderArn);
    }
}
