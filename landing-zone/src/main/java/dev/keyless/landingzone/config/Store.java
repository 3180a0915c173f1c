package dev.keyless.landingzone.config;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A store the landing zone created or names, able to grant access to its objects.
 *
 * @param grants builds a grant from what it allows and the object prefix it is limited to, if any
 * @param name   the bucket or container name, for the stack's outputs
 */
public record Store(BiFunction<Access, Optional<String>, AccessGrant> grants, Output<String> name) {

    /**
     * @param access what the grant allows
     * @param prefix the object prefix it is limited to, if any
     * @return the grant, for {@code FederatedServiceAccountArgs.grant}
     */
    public AccessGrant grant(Access access, Optional<String> prefix) {
        return grants.apply(access, prefix);
    }
}
