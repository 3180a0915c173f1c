package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;

import java.util.Optional;

/**
 * An EKS cluster whose issuer IAM trusts through an IAM OIDC provider: an {@link EksCluster} this
 * stack creates, or an {@link AdoptedEksCluster} made elsewhere.
 */
public interface AwsOidcCluster extends OidcCluster {

    /** @return the EKS cluster's name, as EKS APIs (Pod Identity associations) take it */
    Output<String> clusterName();

    /** @return the ARN of the IAM OIDC provider for the cluster's issuer */
    Output<String> oidcProviderArn();

    /** @return the {@code eks-pod-identity-agent} add-on, when the cluster has it */
    Optional<Resource> podIdentityAgent();

    /** IRSA works on every EKS cluster, so it is the default. */
    @Override
    default IdentityMechanism defaultIdentity() {
        return IrsaIdentity.defaults();
    }
}
