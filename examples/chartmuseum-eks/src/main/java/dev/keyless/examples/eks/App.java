package dev.keyless.examples.eks;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.aws.EksCluster;
import dev.keyless.aws.EksClusterArgs;
import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.NodeGroupOptions;
import dev.keyless.aws.PodIdentity;
import dev.keyless.aws.ProtectedS3Bucket;
import dev.keyless.aws.S3Access;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;

import java.util.List;

/**
 * ChartMuseum on EKS with its charts in S3 and no stored key: the pod's ServiceAccount is trusted
 * by an IAM role that may read and write the charts bucket (under the configured prefix) and
 * nothing else.
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

        var cluster = new EksCluster("platform", EksClusterArgs.builder()
                .nodeGroup(new NodeGroupOptions(List.of(settings.nodeInstanceType()), 1, 2, 3))
                .podIdentityAgent(settings.podIdentity())
                .build());

        var charts = ProtectedS3Bucket.create("charts", settings.retainChartsOnDestroy());
        var access = settings.storagePrefix().isEmpty()
                ? S3Access.readWrite(charts)
                : S3Access.readWrite(charts).prefix(settings.storagePrefix());
        IdentityMechanism identity = settings.podIdentity() ? PodIdentity.defaults() : IrsaIdentity.defaults();
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
        ctx.export("bucketName", charts.bucket());
        ctx.export("roleArn", account.identity());
        ctx.export("serviceAddress", ChartMuseumRelease.serviceAddress(account));
    }
}
