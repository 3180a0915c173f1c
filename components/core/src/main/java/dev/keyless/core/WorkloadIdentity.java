package dev.keyless.core;

import com.pulumi.core.Output;

/**
 * The cloud identity a workload runs as, in the shape its cloud gives it: an IAM role (ARN and
 * name), a GKE principal, an Azure managed identity (client id, principal id, tenant id). Each
 * cloud module has its own implementation; {@link #exportValue()} is the one string an app team
 * reads from a stack's outputs.
 */
public interface WorkloadIdentity {

    /** @return the identity as one string for exports: a role ARN, a principal, a client id */
    Output<String> exportValue();
}
