package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.TrustDomain;

import java.util.Optional;

/**
 * An EKS cluster whose issuer IAM trusts through an IAM OIDC provider: an {@link EksCluster} this
 * stack creates, or an {@link AdoptedEksCluster} made elsewhere.
 */
public interface AwsOidcCluster extends OidcCluster {

    /** @return {@link AwsCloud#CLOUD} */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return AwsCloud.CLOUD;
    }

    /** The audience of IRSA tokens: the IAM OIDC provider's client id and the trust's {@code aud}. */
    String STS_AUDIENCE = "sts.amazonaws.com";

    /** @return the EKS cluster's name, as EKS APIs (Pod Identity associations) take it */
    Output<String> clusterName();

    /** @return the cluster's OIDC issuer URL, exactly as the cluster puts it in its tokens' {@code iss} */
    Output<String> issuerUrl();

    /** @return the issuer when it is known before anything is registered (an adopted cluster's plain value) */
    default Optional<String> plainIssuerUrl() {
        return Optional.empty();
    }

    /** What an OIDC issuer is called in messages. */
    String OIDC_ISSUER = "OIDC issuer";

    /**
     * The cluster's issuer: IRSA trusts {@code ISSUER:sub}, so one ServiceAccount of two cluster
     * objects with one issuer (one cluster adopted twice) is one subject; a Pod Identity
     * association names the cluster, which has one issuer too.
     */
    @Override
    default TrustDomain trustDomain() {
        return TrustDomain.of(OIDC_ISSUER, plainIssuerUrl(), issuerUrl());
    }

    /** @return the ARN of the IAM OIDC provider for the cluster's issuer */
    Output<String> oidcProviderArn();

    /**
     * @return the IAM OIDC provider's ARN when known before anything is registered (an adopted
     *     cluster's plain value), so a trust policy naming it is built and checked then
     */
    default Optional<String> plainOidcProviderArn() {
        return Optional.empty();
    }

    /**
     * @return the AWS account of the cluster's IAM OIDC provider when the program gave its ARN as
     *     text: the account its roles live in (a role federates only a provider of its own account,
     *     and Pod Identity in this SDK assumes roles of the cluster's account). Empty otherwise.
     */
    default Optional<String> knownAccountId() {
        return Optional.empty();
    }

    /** @return the {@code eks-pod-identity-agent} add-on, when the cluster has it */
    Optional<PodIdentityAgent> podIdentityAgent();

    /** IRSA works on every EKS cluster, so it is the default. */
    @Override
    default IdentityMechanism defaultIdentity() {
        return IrsaIdentity.defaults();
    }
}
