package dev.keyless.gcp;

import dev.keyless.core.ResourceGrant;

/**
 * A grant a Google Cloud principal can hold: a role binding on one resource (a bucket), naming the
 * principal, never a project-wide binding.
 */
public interface GcpGrant extends ResourceGrant<GcpPrincipal> {

    /** @return {@link GcpCloud#CLOUD}: the grant is held by the workload's GCP identity */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return GcpCloud.CLOUD;
    }

}
