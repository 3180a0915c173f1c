package dev.keyless.landingzone.config;

import java.util.function.Supplier;

/**
 * A store as the config declares it, checked and ready to create or name.
 *
 * @param key     its stable name under {@code stores}, also its Pulumi name when created
 * @param cloud   its cloud
 * @param created whether the landing zone creates it (protected) rather than naming an existing one
 * @param create  registers it when created, or names the existing one
 */
public record StoreSpec(String key, Cloud cloud, boolean created, Supplier<Store> create) {
}
