package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.StorageGrant;

import java.util.List;

/** Checks every AWS mechanism makes: the cluster is an EKS cluster, the grants are AWS grants. */
final class AwsBindingChecks {
    private AwsBindingChecks() {
    }

    static AwsOidcCluster requireEks(OidcCluster cluster, String mechanism) {
        if (cluster instanceof AwsOidcCluster eks) {
            return eks;
        }
        throw InvalidInputException.of("cluster", cluster.describe(), "an EKS cluster (EksCluster or AdoptedEksCluster) for " + mechanism);
    }

    static void requireAwsGrants(List<StorageGrant> grants, String mechanism) {
        for (int i = 0; i < grants.size(); i++) {
            if (!(grants.get(i) instanceof AwsGrant)) {
                throw InvalidInputException.of("grants[" + i + "]", grants.get(i).describe(),
                        "an AWS grant (S3Access) for " + mechanism + ": an IAM role can only hold AWS permissions");
            }
        }
    }
}
