package dev.keyless.landingzone.clouds;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

/**
 * What every cluster stand-in shares: its config key and description, and no Kubernetes side.
 * Planning checks rules and binds nothing, so asking a stand-in for its provider or readiness is a
 * mistake in the landing zone, which throws naming the cluster. A value only the cloud will know
 * is a {@link #placeholder}: a failed {@code Output} would fail the whole program even unread, as
 * pulumi-java reports every failed output of a deployment.
 */
abstract class PlannedCluster {
    private final String key;
    private final boolean adopted;
    private final String kind;

    /**
     * @param key     the cluster's config key
     * @param adopted whether the config adopts it rather than creating it
     * @param kind    how messages name its kind, e.g. {@code EKS cluster}
     */
    PlannedCluster(String key, boolean adopted, String kind) {
        this.key = key;
        this.adopted = adopted;
        this.kind = kind;
    }

    /** @return the cluster's config key */
    final String key() {
        return key;
    }

    /** @return whether the config adopts it */
    final boolean adopted() {
        return adopted;
    }

    /**
     * @param what the value, e.g. {@code the issuer of EKS cluster 'platform'}
     * @return text standing in for a value the plan may hold but not read
     */
    static Output<String> placeholder(String what) {
        return Output.of("(" + what + ", known once the cluster is registered)");
    }

    public Provider kubernetesProvider() {
        throw new IllegalStateException("the Kubernetes provider of " + describe() + " exists only once the cluster is registered");
    }

    public Resource readiness() {
        throw new IllegalStateException("the readiness of " + describe() + " exists only once the cluster is registered");
    }

    /** @return as the component will describe itself, e.g. {@code adopted EKS cluster 'platform'} */
    public String describe() {
        return (adopted ? "adopted " : "") + kind + " '" + key + "'";
    }
}
