package dev.keyless.aws;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EksCluster} and an {@link AdoptedEksCluster} both are to keyless, built by the
 * same function for the cluster's IAM trust (its issuer and IAM OIDC provider); the Kubernetes
 * provider is core's {@link dev.keyless.core.ClusterKubernetesProvider}. Each component holds one and answers {@link AwsOidcCluster} from it.
 *
 * @param clusterName        the EKS cluster's name
 * @param issuerUrl          the cluster's OIDC issuer URL
 * @param oidcProviderArn    the IAM OIDC provider's ARN
 * @param kubernetesProvider the provider for the cluster
 * @param podIdentityAgent   the Pod Identity agent, when the cluster has it
 * @param readiness          what workloads wait for
 */
record EksClusterParts(Output<String> clusterName, Output<String> issuerUrl, Output<String> oidcProviderArn,
                       Provider kubernetesProvider, Optional<PodIdentityAgent> podIdentityAgent, Resource readiness) {

    /**
     * The IAM OIDC provider IRSA trusts: {@code NAME-oidc}, with STS as its client id. IAM verifies
     * EKS issuers against trusted root CAs, so no thumbprint is given.
     */
    static OpenIdConnectProvider createOidcProvider(ComponentResource owner, String name, Output<String> issuerUrl) {
        return new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
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
