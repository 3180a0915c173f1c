package dev.keyless.azure;

import dev.keyless.core.Cloud;

/**
 * Azure as a {@link Cloud}: what its grants, mechanisms and clusters belong to. Azure grants of a
 * workload on a cluster of another cloud go through {@link AzureFederation#defaults()}.
 */
public final class AzureCloud {
    /** The one Azure cloud. */
    public static final Cloud CLOUD = new Cloud("azure", "Azure", AzureFederation::defaults);

    private AzureCloud() {
    }
}
