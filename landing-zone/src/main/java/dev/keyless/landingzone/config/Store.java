package dev.keyless.landingzone.config;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;

import java.util.Optional;

/** A store the landing zone created or names, able to grant access to its objects. */
public interface Store {

    /**
     * @param access what the grant allows
     * @param prefix the object prefix it is limited to, if any
     * @return the grant, for {@code FederatedServiceAccountArgs.grant}
     */
    AccessGrant grant(Access access, Optional<String> prefix);

    /** @return the bucket or container name, for the stack's outputs */
    Output<String> name();
}
