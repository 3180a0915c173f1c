package dev.keyless.azure;

import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;

/** Azure as a {@link Cloud}: what its grants, mechanisms and clusters belong to. */
public final class AzureCloud {
    /** The one Azure cloud. */
    public static final Cloud CLOUD = new Cloud("azure", "Azure", () -> {
        throw InvalidInputException.of("grants", "Azure", "grants of the cluster's own cloud: federation into Azure is not available yet");
    });

    private AzureCloud() {
    }
}
