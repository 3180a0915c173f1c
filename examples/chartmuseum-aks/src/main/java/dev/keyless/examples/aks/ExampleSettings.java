package dev.keyless.examples.aks;

import com.pulumi.Config;
import dev.keyless.core.KubernetesNames;

/**
 * The stack's configuration, with the defaults a first deploy needs.
 *
 * @param namespace             namespace of ChartMuseum and its ServiceAccount; default {@code chartmuseum}
 * @param chartVersion          chartmuseum Helm chart version; default {@value #CHART_VERSION}
 * @param imageTag              ChartMuseum server image tag; default {@value #IMAGE_TAG}
 * @param s3proxyImage          the s3proxy sidecar's image; default {@value #S3PROXY_IMAGE}
 * @param storagePrefix         blob name prefix for charts in the container; default none
 * @param retainChartsOnDestroy protect the charts' resource group and keep it, the storage account and the container when the stack is destroyed; default true
 * @param nodeVmSize            VM size of the system node pool; default {@code Standard_D2s_v5}
 * @param deployerPrincipalType who runs {@code pulumi up}: {@code User} (default) or {@code ServicePrincipal}
 */
record ExampleSettings(String namespace, String chartVersion, String imageTag, String s3proxyImage,
                       String storagePrefix, boolean retainChartsOnDestroy, String nodeVmSize,
                       String deployerPrincipalType) {
    static final String CHART_VERSION = "3.10.4";
    static final String IMAGE_TAG = "v0.16.5";
    /**
     * s3proxy 4.0.0, whose azureblob-sdk store uses DefaultAzureCredential when identity and
     * credential are empty (gaul/s3proxy AzureBlobStore.java, since 2.4.0, commit 73df2b6f); the
     * release workflow tags Docker Hub images {@code s3proxy-VERSION} (.github/workflows/ci-main.yml).
     */
    static final String S3PROXY_IMAGE = "andrewgaul/s3proxy:s3proxy-4.0.0";

    ExampleSettings {
        // Checked here too so that a typo stops the stack before the cluster, not after it.
        KubernetesNames.requireLabel("namespace", namespace);
        if (!storagePrefix.isEmpty() && (storagePrefix.startsWith("/") || storagePrefix.contains(".."))) {
            throw new IllegalArgumentException("storagePrefix must be a blob name prefix without a leading '/' or '..': '" + storagePrefix + "'");
        }
    }

    static ExampleSettings from(Config config) {
        return new ExampleSettings(
                config.get("namespace").orElse("chartmuseum"),
                config.get("chartVersion").orElse(CHART_VERSION),
                config.get("imageTag").orElse(IMAGE_TAG),
                config.get("s3proxyImage").orElse(S3PROXY_IMAGE),
                config.get("storagePrefix").orElse(""),
                config.getBoolean("retainChartsOnDestroy").orElse(true),
                config.get("nodeVmSize").orElse("Standard_D2s_v5"),
                config.get("deployerPrincipalType").orElse("User"));
    }
}
