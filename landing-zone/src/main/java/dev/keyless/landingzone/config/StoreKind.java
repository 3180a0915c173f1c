package dev.keyless.landingzone.config;

import dev.keyless.core.AccessGrant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of existing resource a cloud's stores may name besides buckets: a secret, a key, a
 * queue or topic, a DNS zone, a registry. The config names it by ARN, id or name ({@code create:
 * false}: the landing zone creates buckets and containers only) and each access builds the
 * cloud's catalog grant on it, so every rule on the names is the library's own.
 *
 * @param name     the kind as the config names it, e.g. {@code secret}
 * @param required the settings that name the resource, each with what it is for the message when it
 *                 is missing, e.g. {@code arn}, in order
 * @param optional further settings, e.g. {@code keyArn}
 * @param accesses access name (as the config names it) to the grant it builds from the settings, in order
 * @param fields   the library's field names to the settings they come from, so a refusal is reported
 *                 at the setting the user wrote (e.g. {@code secret -> arn})
 */
public record StoreKind(String name, Map<String, String> required, List<String> optional, Map<String, Function<Settings, AccessGrant>> accesses,
                        Map<String, String> fields) {

    /** Copies the lists and maps, keeping their order. */
    public StoreKind {
        required = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(required));
        optional = List.copyOf(optional);
        accesses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accesses));
        fields = Map.copyOf(fields);
    }

    /** @return the access names, in order */
    public List<String> accessNames() {
        return List.copyOf(accesses.keySet());
    }

    /** @return every setting the kind reads */
    public List<String> settings() {
        return java.util.stream.Stream.concat(required.keySet().stream(), optional.stream()).toList();
    }

    /**
     * A store kind's settings as the config gives them.
     *
     * @param values setting to its text, for the settings that are present
     */
    public record Settings(Map<String, String> values) {
        /** Copies the values. */
        public Settings {
            values = Map.copyOf(values);
        }

        /**
         * @param key a required setting
         * @return its value
         */
        public String get(String key) {
            var value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("the store setting " + key + " was required when the config was read");
            }
            return value;
        }

        /**
         * @param key an optional setting
         * @return its value, if present
         */
        public Optional<String> find(String key) {
            return Optional.ofNullable(values.get(key));
        }
    }

    /** Builds the accesses of a kind in the order the config lists them. */
    public static final class Accesses {
        private final Map<String, Function<Settings, AccessGrant>> accesses = new LinkedHashMap<>();

        /**
         * @param access the access's config name, e.g. {@code read}
         * @param grant  the grant it builds from the settings
         * @return this
         */
        public Accesses with(String access, Function<Settings, AccessGrant> grant) {
            accesses.put(access, grant);
            return this;
        }

        /** @return the accesses */
        public Map<String, Function<Settings, AccessGrant>> all() {
            return accesses;
        }
    }
}
