package dev.keyless.benchmarks.scale;

import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketIAMMemberConditionArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.OidcCluster;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeWorkloadIdentity;

/**
 * GKE Workload Identity with a direct principal: per workload a namespace, a prefix-conditioned
 * bucket IAM member for the Kubernetes ServiceAccount's principal, and the ServiceAccount.
 */
final class GkeWorkloads {
    static final String PROJECT = "acme-platform";
    static final String PROJECT_NUMBER = "123456789012";
    private static final String LIST_PREFIX = "api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\")";

    private GkeWorkloads() {
    }

    static OidcCluster adoptedCluster() {
        return new AdoptedGkeCluster(App.CLUSTER, AdoptedGkeClusterArgs.builder()
                .projectId(PROJECT).location("europe-west1").clusterName(App.CLUSTER).kubeconfig(App.KUBECONFIG).build());
    }

    static void keyless(OidcCluster cluster, String team) {
        new FederatedServiceAccount(team, FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(team).name("app")
                .mechanism(GkeWorkloadIdentity.builder().projectNumber(PROJECT_NUMBER).build())
                .grant(GcsAccess.readWrite(App.BUCKET).prefix(team + "/"))
                .build());
    }

    static void raw(CustomResourceOptions kubernetes, String team) {
        var namespace = new Namespace(team + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(team).build()).build(), kubernetes);
        var prefix = team + "/";
        var member = new BucketIAMMember(team + "-grant", BucketIAMMemberArgs.builder()
                .bucket(App.BUCKET)
                .role("roles/storage.objectUser")
                .member("principal://iam.googleapis.com/projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/"
                        + PROJECT + ".svc.id.goog/subject/ns/" + team + "/sa/app")
                .condition(BucketIAMMemberConditionArgs.builder()
                        .title("only objects under " + prefix)
                        .expression("resource.name.startsWith(\"projects/_/buckets/" + App.BUCKET + "/objects/" + prefix + "\")"
                                + " || " + LIST_PREFIX + ".startsWith(\"" + prefix + "\")"
                                + " || " + LIST_PREFIX + " == \"" + team + "\"")
                        .build())
                .build());
        new ServiceAccount(team + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("app").namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow())).build())
                .automountServiceAccountToken(false)
                .build(), CustomResourceOptions.builder().provider(kubernetes.getProvider().orElseThrow()).dependsOn(member).build());
    }
}
