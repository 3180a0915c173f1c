package dev.keyless.examples.gke;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.gcp.GkeCluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ChartMuseum from its official chart, on Cloud Storage, running as the keyless ServiceAccount.
 * Its Google backend uses Application Default Credentials, which on GKE come from the metadata
 * server: no key, no {@code GOOGLE_APPLICATION_CREDENTIALS}.
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

    static Release create(ExampleSettings settings, GkeCluster cluster, Bucket bucket, FederatedServiceAccount account) {
        var values = Output.tuple(bucket.name(), account.serviceAccountName(), account.podEnv(), account.podLabels(), account.nodeSelector())
                .applyValue(v -> values(settings, v.t1, v.t2, v.t3, v.t4, v.t5));
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

    static Map<String, Object> values(ExampleSettings settings, String bucket, String serviceAccount,
                                      Map<String, String> podEnv, Map<String, String> podLabels, Map<String, String> nodeSelector) {
        var env = new LinkedHashMap<String, Object>();
        env.put("STORAGE", "google");
        env.put("STORAGE_GOOGLE_BUCKET", bucket);
        if (!settings.storagePrefix().isEmpty()) {
            env.put("STORAGE_GOOGLE_PREFIX", settings.storagePrefix());
        }
        // The chart's values.yaml sets DISABLE_API: true, which renders DISABLE_API=true and turns the
        // upload API off. false overrides it; the chart then renders no variable at all (its
        // deployment.yaml skips every `empty` env.open value), and the server's own default, false,
        // leaves the API on (chartmuseum/charts 3.10.4; helm/chartmuseum pkg/config).
        env.put("DISABLE_API", false);
        env.putAll(podEnv);

        var values = new LinkedHashMap<String, Object>();
        values.put("image", Map.of("tag", settings.imageTag()));
        values.put("env", Map.of("open", env));
        // Run as the keyless ServiceAccount; the chart must not create one of its own.
        values.put("serviceAccount", Map.of("create", false, "name", serviceAccount, "automountServiceAccountToken", false));
        values.put("podLabels", podLabels);
        // Only nodes with the GKE metadata server hand the pod its own identity.
        values.put("nodeSelector", nodeSelector);
        values.put("service", Map.of("type", "ClusterIP"));
        return values;
    }

    static Output<String> serviceAddress(FederatedServiceAccount account) {
        return account.namespace().applyValue(ns -> "http://" + RELEASE_NAME + "." + ns + ".svc.cluster.local:" + PORT);
    }
}
