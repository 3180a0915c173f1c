package dev.keyless.aws;

import dev.keyless.core.Cloud;

/**
 * AWS as a {@link Cloud}: what its grants, mechanisms and clusters belong to. AWS grants of a
 * workload on another cloud's cluster are federated into AWS with {@link AwsFederation}.
 */
public final class AwsCloud {
    /** The one AWS cloud. */
    public static final Cloud CLOUD = new Cloud("aws", "AWS", AwsFederation::defaults);

    private AwsCloud() {
    }
}
