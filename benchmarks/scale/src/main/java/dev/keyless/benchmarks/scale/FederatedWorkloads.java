package dev.keyless.benchmarks.scale;

import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.OidcCluster;
import dev.keyless.gcp.GcsAccess;

/**
 * Workloads whose one grant is on another cloud than their cluster's, through keyless: the grant
 * goes to the target cloud's default federation of the cluster's issuer (a workload identity pool
 * provider on GCP, a managed identity's federated credential on Azure, an IAM OIDC provider and a
 * role on AWS).
 */
final class FederatedWorkloads {
    private FederatedWorkloads() {
    }

    /** @return the adopted EKS cluster, without its own cloud's IAM OIDC provider in use */
    static OidcCluster adoptedEks() {
        return new AdoptedEksCluster(App.CLUSTER, AdoptedEksClusterArgs.builder()
                .clusterName(App.CLUSTER).issuerUrl(App.ISSUER).oidcProviderArn(App.PROVIDER_ARN).kubeconfig(App.KUBECONFIG).build());
    }

    /** EKS to GCS: one workload reads one bucket prefix through GcpFederation. */
    static void eksToGcs(OidcCluster cluster, String team) {
        register(cluster, team, builder -> builder.grant(GcsAccess.readOnly(App.BUCKET).prefix(team + "/")));
    }

    /** EKS to Blob: one workload reads one container through AzureFederation. */
    static void eksToBlob(OidcCluster cluster, String team) {
        register(cluster, team, builder -> builder.grant(
                BlobAccess.readOnly(AksWorkloads.RESOURCE_GROUP, AksWorkloads.ACCOUNT, App.BUCKET)));
    }

    /** GKE to S3: one workload writes one bucket prefix through AwsFederation. */
    static void gkeToS3(OidcCluster cluster, String team) {
        register(cluster, team, builder -> builder.grant(S3Access.readWrite(App.BUCKET).prefix(team + "/")));
    }

    private static void register(OidcCluster cluster, String team,
                                 java.util.function.UnaryOperator<FederatedServiceAccountArgs.Builder> grants) {
        new FederatedServiceAccount(team, grants.apply(FederatedServiceAccountArgs.builder()
                        .cluster(cluster)
                        .namespace(team).name("app"))
                .build());
    }
}
