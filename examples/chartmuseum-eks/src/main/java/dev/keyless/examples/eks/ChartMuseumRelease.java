package dev.keyless.examples.eks;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.aws.EksCluster;
import dev.keyless.core.FederatedServiceAccount;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ChartMuseum from its official chart, on S3, running as the keyless ServiceAccount.
 *
 * @see <a href="https://github.com/chartmuseum/charts/tree/main/src/chartmuseum">chartmuseum chart</a>
 */
final class ChartMuseumRelease {
    static final String REPOSITORY = "https://chartmuseum.github.io/charts";
    /** The release name; the chart then names its Service the same. */
    static final String RELEASE_NAME = "chartmuseum";
    static final int PORT = 8080;

    private ChartMuseumRelease() {
    }

    static Release create(ExampleSettings settings, EksCluster cluster, BucketV2 bucket, FederatedServiceAccount account) {
        var values = Output.tuple(bucket.bucket(), bucket.region(), account.serviceAccountName(),
                        account.podEnv(), account.podLabels(), account.nodeSelector())
                .applyValue(v -> values(settings, v.t1, v.t2, v.t3, v.t4, v.t5, v.t6));
        return new Release("chartmuseum", ReleaseArgs.builder()
                .name(RELEASE_NAME)
                .chart("chartmuseum")
                .version(settings.chartVersion())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(REPOSITORY).build())
                .namespace(account.namespace())
                .createNamespace(false)
                .atomic(true)
                .values(values)
                .build(),
                CustomResourceOptions.builder()
                        .provider(cluster.kubernetesProvider())
                        .dependsOn(account)
                        .build());
    }

    static Map<String, Object> values(ExampleSettings settings, String bucket, String region, String serviceAccount,
                                      Map<String, String> podEnv, Map<String, String> podLabels, Map<String, String> nodeSelector) {
        var env = new LinkedHashMap<String, Object>();
        env.put("STORAGE", "amazon");
        env.put("STORAGE_AMAZON_BUCKET", bucket);
        env.put("STORAGE_AMAZON_REGION", region);
        // The region of the STS call that exchanges the web identity token. ChartMuseum's SDK (Go v1,
        // shared config) takes it from the environment only; the EKS identity webhook injects
        // AWS_REGION just when it was started with a default region, and leaves a set one alone
        // (aws/amazon-eks-pod-identity-webhook pkg/handler/handler.go).
        env.put("AWS_REGION", region);
        if (!settings.storagePrefix().isEmpty()) {
            env.put("STORAGE_AMAZON_PREFIX", settings.storagePrefix());
        }
        // The chart's values.yaml sets DISABLE_API: true, which renders DISABLE_API=true and turns the
        // upload API off. false overrides it; the chart then renders no variable at all (its
        // deployment.yaml skips every `empty` env.open value), and the server's own default, false,
        // leaves the API on (chartmuseum/charts 3.10.4; helm/chartmuseum pkg/config).
        env.put("DISABLE_API", false);
        // AWS_SDK_LOAD_CONFIG=true: ChartMuseum's session.New() ignores the web identity token without it
        // and silently falls back to the node's role (helm/chartmuseum#328).
        env.putAll(podEnv);

        var values = new LinkedHashMap<String, Object>();
        values.put("image", Map.of("tag", settings.imageTag()));
        values.put("env", Map.of("open", env));
        // Run as the keyless ServiceAccount; the chart must not create one of its own.
        values.put("serviceAccount", Map.of("create", false, "name", serviceAccount, "automountServiceAccountToken", false));
        values.put("podLabels", podLabels);
        values.put("nodeSelector", nodeSelector);
        values.put("service", Map.of("type", "ClusterIP"));
        return values;
    }

    static Output<String> serviceAddress(FederatedServiceAccount account) {
        return account.namespace().applyValue(ns -> "http://" + RELEASE_NAME + "." + ns + ".svc.cluster.local:" + PORT);
    }
}
