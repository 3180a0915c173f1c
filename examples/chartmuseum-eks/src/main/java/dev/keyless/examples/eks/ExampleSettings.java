package dev.keyless.examples.eks;

import com.pulumi.Config;
import dev.keyless.core.KubernetesNames;

/**
 * The stack's configuration, with the defaults a first deploy needs.
 *
 * @param identity              {@code irsa} (default) or {@code pod-identity}
 * @param namespace             namespace of ChartMuseum and its ServiceAccount; default {@code chartmuseum}
 * @param chartVersion          chartmuseum Helm chart version; default {@value #CHART_VERSION}
 * @param imageTag              ChartMuseum server image tag; default {@value #IMAGE_TAG}
 * @param storagePrefix         key prefix for charts in the bucket; default none (the whole bucket)
 * @param retainChartsOnDestroy keep the bucket when the stack is destroyed; default true
 * @param nodeInstanceType      EC2 instance type of the nodes; default {@code t3.medium}
 */
record ExampleSettings(String identity, String namespace, String chartVersion, String imageTag,
                       String storagePrefix, boolean retainChartsOnDestroy, String nodeInstanceType) {
    static final String CHART_VERSION = "3.10.4";
    static final String IMAGE_TAG = "v0.16.5";

    ExampleSettings {
        if (!identity.equals("irsa") && !identity.equals("pod-identity")) {
            throw new IllegalArgumentException("identity must be irsa or pod-identity: '" + identity + "'");
        }
        // Checked here too so that a typo stops the stack before the cluster, not after it.
        KubernetesNames.requireLabel("namespace", namespace);
    }

    static ExampleSettings from(Config config) {
        return new ExampleSettings(
                config.get("identity").orElse("irsa"),
                config.get("namespace").orElse("chartmuseum"),
                config.get("chartVersion").orElse(CHART_VERSION),
                config.get("imageTag").orElse(IMAGE_TAG),
                config.get("storagePrefix").orElse(""),
                config.getBoolean("retainChartsOnDestroy").orElse(true),
                config.get("nodeInstanceType").orElse("t3.medium"));
    }

    boolean podIdentity() {
        return identity.equals("pod-identity");
    }
}
