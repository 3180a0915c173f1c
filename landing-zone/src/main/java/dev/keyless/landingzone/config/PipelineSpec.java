package dev.keyless.landingzone.config;

import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.Subject;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A CI pipeline as the config declares it, checked: the identities a {@code PipelineIdentity}
 * gives its jobs on each cloud its grants name.
 *
 * @param key      its stable name under {@code pipelines}, also its Pulumi name
 * @param issuer   the CI system's issuer
 * @param subjects the jobs it trusts, exactly (a branch pattern only where the config allows it)
 * @param grants   its grants, in config order
 * @param federations the federations its grants need instead of their clouds' defaults
 */
public record PipelineSpec(String key, OidcIssuer issuer, List<Subject> subjects, List<GrantSpec> grants,
                           Map<dev.keyless.core.Cloud, Supplier<IdentityMechanism>> federations) {
    /** Copies the lists. */
    public PipelineSpec {
        subjects = List.copyOf(subjects);
        grants = List.copyOf(grants);
    }
}
