package dev.keyless.landingzone.config;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    /**
     * A store whose grants may be limited to an object prefix, as S3 and Cloud Storage grants are.
     *
     * @param grant      the grant for what is allowed, on the whole store
     * @param withPrefix limits a grant to a prefix, e.g. {@code S3Access::prefix}
     * @param name       the bucket name
     * @param <G>        the cloud's grant type
     * @return the store
     */
    public static <G extends AccessGrant> Store prefixable(Function<Access, G> grant, BiFunction<G, String, G> withPrefix,
                                                           Output<String> name) {
        return new Store((access, prefix) -> {
            var granted = grant.apply(access);
            return prefix.map(p -> withPrefix.apply(granted, p)).orElse(granted);
        }, name);
    }
}
