package dev.keyless.aws;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.ServiceAccountRef;

import java.util.List;

/**
 * A binding request checked for AWS: the cluster is an EKS cluster and every grant an AWS grant.
 *
 * @param baseName the prefix of the children's names
 * @param account  the ServiceAccount
 * @param cluster  the EKS cluster
 * @param grants   the AWS grants, in the user's order
 */
record AwsBinding(String baseName, ServiceAccountRef account, AwsOidcCluster cluster, List<AwsGrant> grants) {

    static AwsBinding of(BindingRequest request, String mechanism) {
        var cluster = dev.keyless.core.CloudMatch.cluster(request.cluster(), AwsOidcCluster.class,
                "an EKS cluster (EksCluster or AdoptedEksCluster)", mechanism);
        var grants = dev.keyless.core.CloudMatch.grants(request.grants(), AwsGrant.class,
                "an AWS grant (S3Access)", mechanism, "an IAM role can only hold AWS permissions");
        return new AwsBinding(request.baseName(), request.account(), cluster, grants);
    }

    String childName(String role) {
        return baseName + "-" + role;
    }
}
