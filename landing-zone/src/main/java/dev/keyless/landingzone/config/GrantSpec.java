package dev.keyless.landingzone.config;

import java.util.Optional;

/**
 * One grant of a workload, a controller or a pipeline, as the config declares it.
 *
 * @param store  the key of a store under {@code stores}
 * @param access what it allows, one of the store's {@link StoreSpec#accesses()}
 * @param prefix the object prefix it is limited to, if any
 */
public record GrantSpec(String store, String access, Optional<String> prefix) {
}
