package dev.keyless.examples.aks;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.ProtectedBlobContainer;
import dev.keyless.core.FederatedServiceAccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ChartMuseum from its official chart, on Azure Blob with no storage key, running as the keyless
 * ServiceAccount.
 *
 * <p>ChartMuseum's own Microsoft backend authenticates only with an account key (chartmuseum/storage
 * {@code microsoft.go}; helm/chartmuseum#222), which the storage account does not even accept. So the
 * pod carries a bridge: ChartMuseum's amazon backend talks S3 to an s3proxy sidecar on the pod's
 * loopback, and s3proxy's {@code azureblob-sdk} store reaches Blob as the workload's managed
 * identity through the Azure SDK's {@code DefaultAzureCredential}, which reads the token the
 * workload identity webhook projects into every container of the labelled pod.
 *
 * @see <a href="https://github.com/chartmuseum/charts/tree/main/src/chartmuseum">chartmuseum chart</a>
 * @see <a href="https://github.com/gaul/s3proxy">s3proxy</a>
 */
final class ChartMuseumRelease {
    static final String REPOSITORY = "https://chartmuseum.github.io/charts";
    /** The release name; the chart then names its Service the same. */
    static final String RELEASE_NAME = "chartmuseum";
    static final int PORT = 8080;
    /** Where s3proxy listens: the pod's loopback only, unreachable from any other pod or node. */
    static final String S3PROXY_ENDPOINT = "http://127.0.0.1:9000";
    /**
     * ChartMuseum's AWS SDK (Go v1, session.New()) signs every request and gives up without
     * credentials. These are not credentials: s3proxy runs with authorization "none" and ignores
     * signatures (S3ProxyHandler: anonymousIdentity), and it listens on 127.0.0.1 only, so what can
     * send it a request is already inside this pod. They open nothing in Azure or AWS.
     */
    static final String LOOPBACK_SIGNING_VALUE = "unused-loopback-s3proxy-needs-no-credential";
    /**
     * How long Helm waits for the pod to become ready before {@code atomic} rolls the release back:
     * 20 minutes, against Helm's 5. ChartMuseum exits when its first index listing fails
     * (helm/chartmuseum cmd/chartmuseum/main.go crashes on the error primeCache returns,
     * pkg/chartmuseum/server/multitenant/cache.go), and on a new stack it fails until Azure has
     * propagated the container's role assignment (up to 10 minutes) and accepts the new federated
     * credential (AADSTS70021 for a while after creation). The kubelet restarts it with a back-off
     * that grows to 5 minutes, so the first start after propagation can come that much later.
     */
    static final int RELEASE_TIMEOUT_SECONDS = 20 * 60;
    /** Succeeds once s3proxy's {@code /healthz} answers 200 on the pod's loopback. */
    static final List<String> SIDECAR_READY_COMMAND = List.of("bash", "-c",
            "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '");
    /** Any region: ChartMuseum requires one, and only the request signature, which s3proxy ignores, uses it. */
    static final String SIGNING_REGION = "us-east-1";

    private ChartMuseumRelease() {
    }

    static Release create(ExampleSettings settings, AksCluster cluster, ProtectedBlobContainer storage, FederatedServiceAccount account) {
        var values = Output.tuple(storage.account().name(), storage.container().name(), account.serviceAccountName(), account.podLabels())
                .applyValue(v -> values(settings, v.t1, v.t2, v.t3, v.t4));
        return new Release("chartmuseum", ReleaseArgs.builder()
                .name(RELEASE_NAME)
                .chart("chartmuseum")
                .version(settings.chartVersion())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(REPOSITORY).build())
                .namespace(account.namespace())
                .createNamespace(false)
                .atomic(true)
                .timeout(RELEASE_TIMEOUT_SECONDS)
                .values(values)
                .build(),
                CustomResourceOptions.builder()
                        .provider(cluster.kubernetesProvider())
                        .dependsOn(account)
                        .build());
    }

    static Map<String, Object> values(ExampleSettings settings, String storageAccount, String container, String serviceAccount,
                                      Map<String, String> podLabels) {
        var env = new LinkedHashMap<String, Object>();
        env.put("STORAGE", "amazon");
        env.put("STORAGE_AMAZON_BUCKET", container);
        env.put("STORAGE_AMAZON_REGION", SIGNING_REGION);
        // An endpoint makes ChartMuseum use path-style requests over plain HTTP (chartmuseum/storage amazon.go).
        env.put("STORAGE_AMAZON_ENDPOINT", S3PROXY_ENDPOINT);
        if (!settings.storagePrefix().isEmpty()) {
            env.put("STORAGE_AMAZON_PREFIX", settings.storagePrefix());
        }
        env.put("AWS_ACCESS_KEY_ID", LOOPBACK_SIGNING_VALUE);
        env.put("AWS_SECRET_ACCESS_KEY", LOOPBACK_SIGNING_VALUE);
        // The chart's values.yaml sets DISABLE_API: true, which renders DISABLE_API=true and turns the
        // upload API off. false overrides it; the chart then renders no variable at all (its
        // deployment.yaml skips every `empty` env.open value), and the server's own default, false,
        // leaves the API on (chartmuseum/charts 3.10.4; helm/chartmuseum pkg/config).
        env.put("DISABLE_API", false);

        var values = new LinkedHashMap<String, Object>();
        values.put("image", Map.of("tag", settings.imageTag()));
        values.put("env", Map.of("open", env));
        // Run as the keyless ServiceAccount; the chart must not create one of its own.
        values.put("serviceAccount", Map.of("create", false, "name", serviceAccount, "automountServiceAccountToken", false));
        // azure.workload.identity/use: "true" makes the webhook project the token into both containers.
        values.put("podLabels", podLabels);
        values.put("service", Map.of("type", "ClusterIP"));
        // A regular container listed after ChartMuseum's, the only place the chart (3.10.4) renders
        // one: it has no init-container, lifecycle or command value that could hold ChartMuseum back
        // until s3proxy listens (templates/deployment.yaml lines 46-61, 111-118, 155-160; README).
        values.put("deployment", Map.of("sidecarContainers", Map.of("s3proxy", s3proxy(settings, storageAccount))));
        // No top-level "resources": the chart's template emits it after the sidecars, so it would
        // land on the last sidecar, not on ChartMuseum (chartmuseum/charts deployment.yaml).
        return values;
    }

    /**
     * The bridge. Settings from gaul/s3proxy 4.0.0: run-docker-container.sh maps the variables to
     * properties; BlobStores resolves {@code azureblob-sdk}; AzureBlobStore uses a key only when
     * both identity and credential are non-empty, and DefaultAzureCredential otherwise; the image
     * defaults them to "remote-identity"/"remote-credential", so they are set empty here. S3Proxy
     * binds Jetty to the host of {@code S3PROXY_ENDPOINT}.
     */
    private static Map<String, Object> s3proxy(ExampleSettings settings, String storageAccount) {
        return Map.of(
                "image", settings.s3proxyImage(),
                "env", List.of(
                        env("JCLOUDS_PROVIDER", "azureblob-sdk"),
                        env("JCLOUDS_ENDPOINT", "https://" + storageAccount + ".blob.core.windows.net"),
                        env("JCLOUDS_IDENTITY", ""),
                        env("JCLOUDS_CREDENTIAL", ""),
                        env("S3PROXY_ENDPOINT", S3PROXY_ENDPOINT),
                        env("S3PROXY_AUTHORIZATION", "none")),
                // Ready only once s3proxy answers on loopback, so Helm's wait (and atomic) counts the pod
                // ready only when ChartMuseum's storage is. A kubelet tcpSocket or httpGet probe would
                // dial the pod IP, where s3proxy does not listen; this is the image's own HEALTHCHECK
                // (bash /dev/tcp to /healthz, which needs no authorization; gaul/s3proxy 4.0.0 Dockerfile).
                "readinessProbe", Map.of(
                        "exec", Map.of("command", SIDECAR_READY_COMMAND),
                        "periodSeconds", 2,
                        "failureThreshold", 3),
                // The JVM sizes its heap from the memory limit (-XX:MaxRAMPercentage=75), so it has one.
                "resources", Map.of(
                        "requests", Map.of("cpu", "100m", "memory", "512Mi"),
                        "limits", Map.of("memory", "512Mi")),
                "securityContext", Map.of(
                        "allowPrivilegeEscalation", false,
                        "capabilities", Map.of("drop", List.of("ALL")),
                        // Port 9000 needs no root, unlike the image's default port 80.
                        "runAsNonRoot", true,
                        "runAsUser", 1000));
    }

    private static Map<String, String> env(String name, String value) {
        return Map.of("name", name, "value", value);
    }

    static Output<String> serviceAddress(FederatedServiceAccount account) {
        return account.namespace().applyValue(ns -> "http://" + RELEASE_NAME + "." + ns + ".svc.cluster.local:" + PORT);
    }
}
