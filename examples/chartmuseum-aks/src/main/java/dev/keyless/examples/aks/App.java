package dev.keyless.examples.aks;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.NodePoolOptions;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;

/**
 * ChartMuseum on AKS with its charts in Azure Blob and no storage key: the pod's ServiceAccount is
 * trusted by a managed identity (Entra Workload ID) that may read and write the charts container and
 * nothing else, and the storage account refuses keys altogether.
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

        var cluster = new AksCluster("platform", AksClusterArgs.builder()
                .systemNodePool(new NodePoolOptions(settings.nodeVmSize(), 1, 2, 3))
                .deployerPrincipalType(settings.deployerPrincipalType())
                .build());

        var charts = ChartStorage.create(settings);
        var account = new FederatedServiceAccount("chartmuseum", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(settings.namespace())
                .name("chartmuseum")
                .grant(BlobAccess.readWrite(charts.container()))
                .build());

        ChartMuseumRelease.create(settings, cluster, charts, account);

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("storageAccountName", charts.account().name());
        ctx.export("containerName", charts.container().name());
        ctx.export("clientId", account.identity());
        ctx.export("serviceAddress", ChartMuseumRelease.serviceAddress(account));
    }
}
