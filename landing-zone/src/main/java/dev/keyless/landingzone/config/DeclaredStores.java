package dev.keyless.landingzone.config;

import java.util.Map;

/**
 * The stores the config declares under {@code stores}, for a controller's settings that name one.
 *
 * @param clouds every declared store's cloud, also of stores with problems
 * @param specs  the stores read without a problem
 */
public record DeclaredStores(Map<String, Cloud> clouds, Map<String, StoreSpec> specs) {
    /** Copies the maps. */
    public DeclaredStores {
        clouds = Map.copyOf(clouds);
        specs = Map.copyOf(specs);
    }
}
