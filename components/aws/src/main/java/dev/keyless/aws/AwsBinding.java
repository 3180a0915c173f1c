package dev.keyless.aws;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.ChildNames;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.ServiceAccountRef;

import java.util.List;
import java.util.Optional;

/**
 * A binding request checked for AWS: every grant is an AWS grant, and for the native mechanisms
 * the cluster is an EKS cluster.
 *
 * @param baseName      the prefix of the children's names
 * @param account       the ServiceAccount
 * @param cluster       the cluster whose issuer the role trusts: an EKS cluster for IRSA and Pod
 *                      Identity, any {@link OidcCluster} for {@link AwsFederation}
 * @param grants        the AWS grants, in the user's order
 * @param roleAccountId the AWS account the role is created in, when it is known before anything
 *                      registers; otherwise the account of the provider the role registers with
 */
record AwsBinding(String baseName, ServiceAccountRef account, OidcCluster cluster, List<AwsGrant> grants,
                  Optional<String> roleAccountId) {

    /** A request for a native mechanism: the cluster must be an EKS cluster. */
    static AwsBinding onEks(BindingRequest request, String mechanism) {
        var cluster = CloudMatch.cluster(request.cluster(), AwsOidcCluster.class,
                "an EKS cluster (EksCluster or AdoptedEksCluster)", mechanism);
        return new AwsBinding(request.baseName(), request.account(), cluster, grants(request, mechanism), Optional.empty());
    }

    /** A request for a federation: the cluster may be of any cloud. */
    static AwsBinding federated(BindingRequest request, String mechanism) {
        return new AwsBinding(request.baseName(), request.account(), request.cluster(), grants(request, mechanism), Optional.empty());
    }

    private static List<AwsGrant> grants(BindingRequest request, String mechanism) {
        return CloudMatch.grants(request.grants(), AwsGrant.class,
                "an AWS grant (S3Access)", mechanism, "an IAM role can only hold AWS permissions");
    }

    /** @return the EKS cluster of a native mechanism's request */
    AwsOidcCluster eksCluster() {
        return (AwsOidcCluster) cluster;
    }

    /** @return this request with the role's account known */
    AwsBinding inAccount(Optional<String> accountId) {
        return new AwsBinding(baseName, account, cluster, grants, accountId);
    }

    String childName(String role) {
        return ChildNames.of(baseName, role);
    }
}
