package dev.keyless.examples.gke;

import com.pulumi.Config;
import dev.keyless.core.KubernetesNames;

/**
 * The stack's configuration, with the defaults a first deploy needs.
 *
 * @param identity                  {@code workload-identity} (default: the ServiceAccount's own principal) or {@code impersonation}
 * @param namespace                 namespace of ChartMuseum and its ServiceAccount; default {@code chartmuseum}
 * @param chartVersion              chartmuseum Helm chart version; default {@value #CHART_VERSION}
 * @param imageTag                  ChartMuseum server image tag; default {@value #IMAGE_TAG}
 * @param storagePrefix             object prefix for charts in the bucket; default none (the whole bucket)
 * @param retainChartsOnDestroy     keep the bucket when the stack is destroyed; default true
 * @param machineType               Compute Engine machine type of the nodes; default {@code e2-standard-2}
 * @param bucketLocation            the bucket's location; default the stack's {@code gcp:region}
 * @param clusterDeletionProtection whether GKE refuses to delete the cluster; default true
 */
record ExampleSettings(String identity, String namespace, String chartVersion, String imageTag, String storagePrefix,
                       boolean retainChartsOnDestroy, String machineType, String bucketLocation, boolean clusterDeletionProtection) {
    static final String CHART_VERSION = "3.10.4";
    static final String IMAGE_TAG = "v0.16.5";

    ExampleSettings {
        if (!identity.equals("workload-identity") && !identity.equals("impersonation")) {
            throw new IllegalArgumentException("identity must be workload-identity or impersonation: '" + identity + "'");
        }
        // Checked here too so that a typo stops the stack before the cluster, not after it.
        KubernetesNames.requireLabel("namespace", namespace);
        if (bucketLocation.isEmpty()) {
            throw new IllegalArgumentException("bucketLocation must be set, or the stack's gcp:region");
        }
    }

    static ExampleSettings from(Config config) {
        return new ExampleSettings(
                config.get("identity").orElse("workload-identity"),
                config.get("namespace").orElse("chartmuseum"),
                config.get("chartVersion").orElse(CHART_VERSION),
                config.get("imageTag").orElse(IMAGE_TAG),
                config.get("storagePrefix").orElse(""),
                config.getBoolean("retainChartsOnDestroy").orElse(true),
                config.get("machineType").orElse("e2-standard-2"),
                config.get("bucketLocation").or(() -> Config.of("gcp").get("region")).orElse(""),
                config.getBoolean("clusterDeletionProtection").orElse(true));
    }

    boolean impersonation() {
        return identity.equals("impersonation");
    }
}
