package dev.keyless.examples.gke;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.gcp.GkeClusterArgs;
import dev.keyless.gcp.GkeWorkloadIdentity;
import dev.keyless.gcp.NodePoolOptions;
import dev.keyless.gcp.ProtectedGcsBucket;
import dev.keyless.gcp.ServiceAccountImpersonation;

/**
 * ChartMuseum on GKE with its charts in Cloud Storage and no stored key: the pod's ServiceAccount
 * may read and write the charts bucket (under the configured prefix) and nothing else, as its own
 * Workload Identity principal or through a Google service account it impersonates.
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

        var cluster = new GkeCluster("platform", GkeClusterArgs.builder()
                .nodePool(new NodePoolOptions(settings.machineType(), 1, 1, 3))
                .deletionProtection(settings.clusterDeletionProtection())
                .build());

        var charts = ProtectedGcsBucket.create("charts", settings.bucketLocation(), settings.retainChartsOnDestroy());
        var access = settings.storagePrefix().isEmpty()
                ? GcsAccess.readWrite(charts)
                : GcsAccess.readWrite(charts).prefix(settings.storagePrefix());
        IdentityMechanism identity = settings.impersonation() ? ServiceAccountImpersonation.defaults() : GkeWorkloadIdentity.defaults();
        var account = new FederatedServiceAccount("chartmuseum", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(settings.namespace())
                .name("chartmuseum")
                .mechanism(identity)
                .grant(access)
                .build());

        ChartMuseumRelease.create(settings, cluster, charts, account);

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("bucketName", charts.name());
        ctx.export("identity", account.identity());
        ctx.export("serviceAddress", ChartMuseumRelease.serviceAddress(account));
    }
}
