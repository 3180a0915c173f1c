package dev.keyless.examples.crosscloud;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.gcp.GcsAccess;

/**
 * One workload on an existing EKS cluster with access on three clouds and no stored key:
 * {@code reports/exporter} writes one S3 prefix through IRSA (its cluster's own cloud), and reads
 * one GCS bucket and one Blob container through federations of the cluster's OIDC issuer
 * (a workload identity pool provider on GCP, a managed identity's federated credential on Azure),
 * each trusting exactly this ServiceAccount.
 */
public final class App {
    private App() {
    }

    /**
     * Runs the stack under the Pulumi engine.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        var settings = ExampleSettings.from(ctx.config());

        var cluster = new AdoptedEksCluster("reports", AdoptedEksClusterArgs.builder()
                .clusterName(settings.clusterName())
                .issuerUrl(settings.issuerUrl())
                .oidcProviderArn(settings.oidcProviderArn())
                .kubeconfig(settings.kubeconfig())
                .build());

        // Each grant goes to its own cloud's identity: the S3 grant to an IAM role (IRSA), the
        // GCS grant to the pool's principal for this ServiceAccount, the Blob grant to a managed
        // identity. Nothing else is needed to reach the other clouds.
        var exporter = new FederatedServiceAccount("exporter", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace("reports")
                .name("exporter")
                .grant(S3Access.readWrite(settings.exportBucket()).prefix(settings.exportPrefix()))
                .grant(GcsAccess.readOnly(settings.gcsBucket()))
                .grant(BlobAccess.readOnly(settings.blobResourceGroup(), settings.blobAccount(), settings.blobContainer()))
                .build());

        ExporterDeployment.create(settings, cluster, exporter);

        ctx.export("identities", exporter.identities());
        ctx.export("podEnv", exporter.podEnv());
    }
}
