package myproject;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.ProtectedBlobContainer;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;

/** An AKS cluster, a key-less storage account and a ServiceAccount a managed identity trusts to read and write one container. */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        var cluster = new AksCluster("platform", AksClusterArgs.builder().build());
        // A storage account with shared keys off, and a versioned container; kept when the stack is destroyed.
        var data = ProtectedBlobContainer.create("data", cluster.resourceGroupName().orElseThrow(), true);
        var workload = new FederatedServiceAccount("app", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(ctx.config().get("namespace").orElse("app"))
                .name("app")
                .grant(BlobAccess.readWrite(data.container()))
                .build());

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("storageAccountName", data.account().name());
        ctx.export("containerName", data.container().name());
        ctx.export("clientId", workload.identity());
        // What the workload's pod spec must carry: serviceAccountName, and the use label.
        ctx.export("serviceAccountName", workload.serviceAccountName());
    }
}
