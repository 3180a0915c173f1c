package myproject;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.gcp.GkeClusterArgs;
import dev.keyless.gcp.ProtectedGcsBucket;

/** A GKE cluster, a protected Cloud Storage bucket and a ServiceAccount bound to read and write it. */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        var config = ctx.config();
        var cluster = new GkeCluster("platform", GkeClusterArgs.builder().build());
        // Versioned, uniform access, public access prevented; kept when the stack is destroyed.
        var data = ProtectedGcsBucket.create("data", config.get("bucketLocation").orElse("EU"), true);
        var workload = new FederatedServiceAccount("app", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(config.get("namespace").orElse("app"))
                .name("app")
                .grant(GcsAccess.readWrite(data))
                .build());

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("bucketName", data.name());
        ctx.export("principal", workload.identity());
        // What the workload's pod spec must carry: serviceAccountName, and labels/nodeSelector.
        ctx.export("serviceAccountName", workload.serviceAccountName());
    }
}
