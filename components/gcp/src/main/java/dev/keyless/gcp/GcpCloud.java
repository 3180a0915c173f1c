package dev.keyless.gcp;

import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;

/** GCP as a {@link Cloud}: what its grants, mechanisms and clusters belong to. */
public final class GcpCloud {
    /** The one GCP cloud. */
    public static final Cloud CLOUD = new Cloud("gcp", "GCP", () -> {
        throw InvalidInputException.of("grants", "GCP", "grants of the cluster's own cloud: federation into GCP is not available yet");
    });

    private GcpCloud() {
    }
}
