package dev.keyless.aws;

import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;

/** AWS as a {@link Cloud}: what its grants, mechanisms and clusters belong to. */
public final class AwsCloud {
    /** The one AWS cloud. */
    public static final Cloud CLOUD = new Cloud("aws", "AWS", () -> {
        throw InvalidInputException.of("grants", "AWS", "grants of the cluster's own cloud: federation into AWS is not available yet");
    });

    private AwsCloud() {
    }
}
