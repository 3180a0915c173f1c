package dev.keyless.gcp;

import dev.keyless.core.Cloud;

/**
 * GCP as a {@link Cloud}: what its grants, mechanisms and clusters belong to. A GCP grant on a
 * workload of another cloud's cluster is federated by {@link GcpFederation#defaults()}.
 */
public final class GcpCloud {
    /** The one GCP cloud. */
    public static final Cloud CLOUD = new Cloud("gcp", "GCP", GcpFederation::defaults);

    private GcpCloud() {
    }
}
