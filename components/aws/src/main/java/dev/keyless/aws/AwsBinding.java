package dev.keyless.aws;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.ChildNames;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.ServiceAccountRef;
import dev.keyless.core.Subject;

import java.util.List;
import java.util.Optional;

/**
 * A binding request checked for AWS: every grant is an AWS grant, and for the native mechanisms
 * the cluster is an EKS cluster.
 *
 * @param baseName      the prefix of the children's names
 * @param subjects      the subjects the role trusts: one ServiceAccount for IRSA and Pod Identity,
 *                      any subjects for {@link AwsFederation}
 * @param issuer        the issuer the role trusts: an EKS cluster for IRSA and Pod Identity, any
 *                      {@link OidcIssuer} for {@link AwsFederation}
 * @param grants        the AWS grants, in the user's order
 * @param roleAccountId the AWS account the role is created in, when it is known before anything
 *                      registers; otherwise the account of the provider the role registers with
 */
record AwsBinding(String baseName, List<Subject> subjects, OidcIssuer issuer, List<AwsGrant> grants,
                  Optional<String> roleAccountId) {

    /** A request for a native mechanism: the cluster must be an EKS cluster. */
    static AwsBinding onEks(BindingRequest request, String mechanism) {
        var cluster = CloudMatch.cluster(request.cluster(), AwsOidcCluster.class,
                "an EKS cluster (EksCluster or AdoptedEksCluster)", mechanism);
        request.account();
        return new AwsBinding(request.baseName(), request.subjects(), cluster, grants(request, mechanism), Optional.empty());
    }

    /** A request for a federation: the issuer may be any cluster's or a CI system's, the subjects any. */
    static AwsBinding federated(BindingRequest request, String mechanism) {
        return new AwsBinding(request.baseName(), request.subjects(), request.issuer(), grants(request, mechanism), Optional.empty());
    }

    /** @return the one ServiceAccount of a native mechanism's request (checked by {@link #onEks}) */
    ServiceAccountRef account() {
        return subjects.get(0).serviceAccount().orElseThrow();
    }

    /** @return the cluster of a native mechanism's request */
    OidcCluster cluster() {
        return (OidcCluster) issuer;
    }

    /** @return whom the role is for, for messages: {@code NS/NAME} for a ServiceAccount */
    String workload() {
        return String.join(", ", subjects.stream().map(Subject::description).toList());
    }

    private static List<AwsGrant> grants(BindingRequest request, String mechanism) {
        return CloudMatch.grants(request.grants(), AwsGrant.class,
                "an AWS grant (S3Access)", mechanism, "an IAM role can only hold AWS permissions");
    }

    /** @return the EKS cluster of a native mechanism's request */
    AwsOidcCluster eksCluster() {
        return (AwsOidcCluster) issuer;
    }

    /** @return this request with the role's account known */
    AwsBinding inAccount(Optional<String> accountId) {
        return new AwsBinding(baseName, subjects, issuer, grants, accountId);
    }

    String childName(String role) {
        return ChildNames.of(baseName, role);
    }
}
