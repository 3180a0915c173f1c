package dev.keyless.gcp;

import dev.keyless.core.ResourceGrant;

/**
 * A grant a Google Cloud principal can hold: a role binding on one resource (a bucket), naming the
 * principal, never a project-wide binding.
 */
public interface GcpGrant extends ResourceGrant<GcpPrincipal> {
}
