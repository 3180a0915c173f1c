package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.WorkloadIdentity;

/**
 * A workload's identity on Google Cloud, as IAM allow policies name it: a Kubernetes ServiceAccount's
 * own principal ({@link WorkloadPrincipal}) or a Google service account it impersonates
 * ({@link GoogleServiceAccount}).
 */
public sealed interface GcpPrincipal extends WorkloadIdentity permits WorkloadPrincipal, GoogleServiceAccount {

    /** @return the member string a role binding names, e.g. {@code principal://...} or {@code serviceAccount:EMAIL} */
    Output<String> iamMember();
}
