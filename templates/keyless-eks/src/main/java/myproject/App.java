package myproject;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.aws.EksCluster;
import dev.keyless.aws.EksClusterArgs;
import dev.keyless.aws.ProtectedS3Bucket;
import dev.keyless.aws.S3Access;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;

/** An EKS cluster, a protected S3 bucket and a ServiceAccount an IAM role trusts to read and write it. */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        var cluster = new EksCluster("platform", EksClusterArgs.builder().build());
        // Versioned, encrypted, public access blocked; kept when the stack is destroyed.
        var data = ProtectedS3Bucket.create("data", true);
        var workload = new FederatedServiceAccount("app", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(ctx.config().get("namespace").orElse("app"))
                .name("app")
                .grant(S3Access.readWrite(data))
                .build());

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("bucketName", data.bucket());
        ctx.export("roleArn", workload.identity());
        // What the workload's pod spec must carry: serviceAccountName, and env/labels/nodeSelector.
        ctx.export("serviceAccountName", workload.serviceAccountName());
    }
}
