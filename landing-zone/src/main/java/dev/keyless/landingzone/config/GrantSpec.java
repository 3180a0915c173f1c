package dev.keyless.landingzone.config;

import java.util.Optional;

/**
 * One grant of a workload, as the config declares it.
 *
 * @param store  the key of a store under {@code stores}
 * @param access what it allows
 * @param prefix the object prefix it is limited to, if any
 */
public record GrantSpec(String store, Access access, Optional<String> prefix) {
}
