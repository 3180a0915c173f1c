package dev.keyless.benchmarks.scale;

import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeWorkloadIdentity;

import java.util.List;

/**
 * The workloads benchmarks/scale.sh gives the landing zone as config, written as a Java keyless
 * program: one adopted cluster per cloud (EKS, GKE, AKS), workload {@code i} on cluster
 * {@code i mod 3} with the landing zone's default mechanism there (IRSA, the GKE direct principal,
 * Entra Workload ID) and one grant on an existing store of that cloud (an S3 or GCS prefix, a Blob
 * container).
 */
final class LandingZoneWorkloads {
    /** The cluster keys, in the order workloads are spread over them. */
    static final List<String> CLUSTERS = List.of("eks", "gke", "aks");

    private LandingZoneWorkloads() {
    }

    static void register(int workloads) {
        var eks = new dev.keyless.aws.AdoptedEksCluster("eks", dev.keyless.aws.AdoptedEksClusterArgs.builder()
                .clusterName(App.CLUSTER).issuerUrl(App.ISSUER).oidcProviderArn(App.PROVIDER_ARN).kubeconfig(App.KUBECONFIG).build());
        var gke = new dev.keyless.gcp.AdoptedGkeCluster("gke", dev.keyless.gcp.AdoptedGkeClusterArgs.builder()
                .projectId(GkeWorkloads.PROJECT).location("europe-west1").clusterName(App.CLUSTER).kubeconfig(App.KUBECONFIG).build());
        var aks = new dev.keyless.azure.AdoptedAksCluster("aks", dev.keyless.azure.AdoptedAksClusterArgs.builder()
                .issuerUrl(AksWorkloads.ISSUER).resourceGroupName(AksWorkloads.RESOURCE_GROUP).kubeconfig(App.KUBECONFIG).build());
        for (int i = 0; i < workloads; i++) {
            var team = "team-" + i;
            var args = FederatedServiceAccountArgs.builder().namespace(team).name("app");
            switch (i % CLUSTERS.size()) {
                case 0 -> register(args.cluster(eks).mechanism(IrsaIdentity.builder().build())
                        .grant(S3Access.readWrite(App.BUCKET).prefix(team + "/")), team);
                case 1 -> register(args.cluster(gke).mechanism(GkeWorkloadIdentity.builder().build())
                        .grant(GcsAccess.readWrite(App.BUCKET).prefix(team + "/")), team);
                default -> register(args.cluster(aks).mechanism(EntraWorkloadIdentity.builder().build())
                        .grant(BlobAccess.readWrite(AksWorkloads.RESOURCE_GROUP, AksWorkloads.ACCOUNT, App.BUCKET)), team);
            }
        }
    }

    private static void register(FederatedServiceAccountArgs.Builder args, String team) {
        new FederatedServiceAccount(team, args.build());
    }
}
