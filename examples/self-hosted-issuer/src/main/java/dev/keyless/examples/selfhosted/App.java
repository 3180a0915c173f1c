package dev.keyless.examples.selfhosted;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.aws.S3Access;
import dev.keyless.aws.S3OidcIssuer;
import dev.keyless.aws.S3OidcIssuerArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.SelfManagedCluster;
import dev.keyless.core.SelfManagedClusterArgs;

/**
 * A k3s cluster's ServiceAccount issuer published to S3 and trusted by AWS: one ServiceAccount
 * gets an IAM role that may write one bucket, and nothing else; its pods get the projected token
 * and environment the AWS SDKs read, since no webhook runs on k3s.
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
        var config = ctx.config();
        var awsRegion = ctx.config("aws").require("region");

        var issuer = new S3OidcIssuer("issuer", S3OidcIssuerArgs.builder()
                .bucketName(config.require("issuerBucket"))
                .region(awsRegion)
                .serviceAccountPublicKey(config.require("serviceAccountPublicKey"))
                .build());
        var cluster = new SelfManagedCluster("k3s", SelfManagedClusterArgs.builder()
                .issuer(issuer)
                .kubeconfig(config.require("kubeconfig"))
                .build());
        var exporter = new FederatedServiceAccount("exporter", FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(config.require("namespace"))
                .name(config.require("serviceAccount"))
                .grant(S3Access.readWrite(config.require("reportsBucket")))
                .build());

        ctx.export("issuerUrl", issuer.issuerUrl());
        ctx.export("apiServerArguments", issuer.apiServerArguments());
        ctx.export("roleArn", exporter.identity());
        ctx.export("podEnv", exporter.podEnv());
    }
}
