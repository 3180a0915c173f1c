package dev.keyless.landingzone.clouds;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

/**
 * Values a planned cluster stand-in cannot have: what exists only once the cluster is registered.
 * Planning checks rules and binds nothing, so no such value reaches a resource. A placeholder
 * stands in for a value the plan may hold but not read (a created AKS cluster's own resource group):
 * a failed {@code Output} would fail the whole program even unread, as pulumi-java reports every
 * failed output of a deployment. What only registering could give throws, naming itself.
 */
final class PlannedValues {
    private PlannedValues() {
    }

    static Output<String> placeholder(String what) {
        return Output.of("(" + what + ", known once the cluster is registered)");
    }

    static Provider kubernetesProvider(String cluster) {
        throw new IllegalStateException("the Kubernetes provider of " + cluster + " exists only once the cluster is registered");
    }

    static Resource readiness(String cluster) {
        throw new IllegalStateException("the readiness of " + cluster + " exists only once the cluster is registered");
    }
}
