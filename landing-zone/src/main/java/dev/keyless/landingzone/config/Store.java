package dev.keyless.landingzone.config;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.ControllerPreset;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A store the landing zone created or names, able to grant access to what it holds.
 *
 * @param grants builds a grant from the access's config name (one of its spec's
 *               {@link StoreSpec#accesses()}) and the object prefix it is limited to, if any
 * @param name   the bucket or container name, or the ARN, id or name of a referenced resource, for the stack's outputs
 * @param velero Velero's preset backing up to this bucket or container, given where Velero also snapshots disks
 *               when the cloud's preset takes that apart (a GCP project, an Azure resource group); empty for
 *               a store Velero cannot back up to (a secret, a key, a queue, ...)
 */
public record Store(BiFunction<String, Optional<String>, AccessGrant> grants, Output<String> name,
                    Optional<Function<Optional<String>, ControllerPreset>> velero) {

    /**
     * @param access what the grant allows, as the config names it
     * @param prefix the object prefix it is limited to, if any
     * @return the grant, for {@code FederatedServiceAccountArgs.grant}
     */
    public AccessGrant grant(String access, Optional<String> prefix) {
        return grants.apply(access, prefix);
    }

    /**
     * @param preset Velero's preset on this bucket or container, given where it also snapshots disks, if anywhere
     * @return the store, as a backup target of a cluster's {@code velero} controller
     */
    public Store withVelero(Function<Optional<String>, ControllerPreset> preset) {
        return new Store(grants, name, Optional.of(preset));
    }

    /**
     * A bucket or container, granting {@link Access#CONFIG_NAMES}.
     *
     * @param grant what is allowed, on the whole store
     * @param name  the bucket or container name
     * @return the store
     */
    public static Store ofObjects(Function<Access, ? extends AccessGrant> grant, Output<String> name) {
        return new Store((access, prefix) -> grant.apply(Access.of(access)), name, Optional.empty());
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
            var granted = grant.apply(Access.of(access));
            return prefix.map(p -> withPrefix.apply(granted, p)).orElse(granted);
        }, name, Optional.empty());
    }

    /**
     * A referenced resource of a {@link StoreKind}, whose settings were checked when the config was read.
     *
     * @param kind     its kind
     * @param settings its settings
     * @param name     the setting that names it, for the outputs
     * @return the store
     */
    public static Store referenced(StoreKind kind, StoreKind.Settings settings, String name) {
        return new Store((access, prefix) -> kind.accesses().get(access).apply(settings), Output.of(name), Optional.empty());
    }
}
