package dev.keyless.landingzone.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store as the config declares it, checked and ready to create or name.
 *
 * @param key        its stable name under {@code stores}, also its Pulumi name when created
 * @param cloud      its cloud
 * @param kind       what it is, as the config names it: {@code bucket} (Azure {@code container}), or a {@link StoreKind}
 * @param created    whether the landing zone creates it (protected) rather than naming an existing one
 * @param create     registers it when created, or names the existing one
 * @param planned    the store as planning sees it, registering nothing: the existing one, or for a
 *                   created store a stand-in whose grants have the same keys as the created store's
 *                   (its Pulumi name) and names known only once it exists, so the workloads' grant
 *                   rules are checked while the config is read
 * @param accesses   the access names its grants take, in order
 * @param prefixable whether a grant may be limited to an object prefix
 * @param placement  where the cloud's federation puts an identity for grants on it, when its grant
 *                   does not say (an Azure resource group of a referenced resource)
 */
public record StoreSpec(String key, Cloud cloud, String kind, boolean created, Supplier<Store> create, Supplier<Store> planned,
                        List<String> accesses, boolean prefixable, Optional<String> placement) {

    /** Copies the accesses. */
    public StoreSpec {
        accesses = List.copyOf(accesses);
    }

    /**
     * @param key        its stable name
     * @param cloud      its cloud
     * @param kind       {@code bucket} or {@code container}
     * @param created    whether the landing zone creates it
     * @param create     registers it, or names the existing one
     * @param planned    a stand-in registering nothing (the existing one when not created)
     * @param prefixable whether a grant may be limited to an object prefix
     * @return a bucket or container granting {@link Access#CONFIG_NAMES}
     */
    public static StoreSpec objects(String key, Cloud cloud, String kind, boolean created, Supplier<Store> create, Supplier<Store> planned,
                                    boolean prefixable) {
        return new StoreSpec(key, cloud, kind, created, create, planned, Access.CONFIG_NAMES, prefixable, Optional.empty());
    }
}
