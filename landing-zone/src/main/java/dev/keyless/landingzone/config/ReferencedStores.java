package dev.keyless.landingzone.config;

import dev.keyless.core.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the stores that name an existing resource of a {@link StoreKind} (a secret, a key, a queue,
 * a zone, a registry): the settings the kind takes, each reported at its path, and the resource's
 * names checked by the catalog grant itself before anything is registered.
 */
public final class ReferencedStores {
    /** The keys every store has, whatever its kind. */
    public static final List<String> COMMON_KEYS = List.of("cloud", "kind", "create");

    private ReferencedStores() {
    }

    /**
     * @param store a store's map
     * @param objects the kind the cloud's buckets or containers have, e.g. {@code bucket}
     * @param kinds the other kinds of the store's cloud
     * @return the store's kind: {@code objects} when it names none, or one of {@code kinds};
     *     empty when it names another (reported)
     */
    public static Optional<String> kindOf(ConfigNode store, String objects, Map<String, StoreKind> kinds) {
        if (!store.has("kind")) {
            return Optional.of(objects);
        }
        var names = Stream.concat(Stream.of(objects), kinds.keySet().stream()).toList();
        return store.oneOf("kind", names);
    }

    /**
     * @param key   the store's key
     * @param store the store's map
     * @param cloud its cloud
     * @param kind  its kind
     * @param terms how the cloud's config words what its library names otherwise, for messages
     * @return the store, or empty when it has problems (reported)
     */
    public static Optional<StoreSpec> read(String key, ConfigNode store, Cloud cloud, StoreKind kind, ConfigTerms terms) {
        var problems = store.problems();
        var mark = problems.count();
        store.allowOnly(Stream.concat(COMMON_KEYS.stream(), kind.settings().stream()).toList());
        if (store.bool("create", false)) {
            problems.add(store.path("create"), "must be false for a " + kind.name() + ": the landing zone creates buckets and "
                    + "containers, and grants on an existing " + kind.name() + " named by " + String.join(" and ", kind.required().keySet()));
        }
        var values = new LinkedHashMap<String, String>();
        kind.required().forEach((setting, hint) -> store.requiredText(setting, hint).ifPresent(value -> values.put(setting, value)));
        kind.optional().forEach(setting -> store.text(setting).ifPresent(value -> values.put(setting, value)));
        if (problems.count() != mark) {
            return Optional.empty();
        }
        var settings = new StoreKind.Settings(values);
        // Every access takes the same names: the first one checks them, once.
        var first = kind.accesses().values().iterator().next();
        try {
            first.apply(settings);
        } catch (InvalidInputException refusal) {
            var setting = kind.fields().getOrDefault(refusal.field(), refusal.field());
            problems.add(store.has(setting) ? store.path(setting) : store.path(), terms.message(refusal));
            return Optional.empty();
        }
        var name = values.get(kind.required().keySet().iterator().next());
        return Optional.of(new StoreSpec(key, cloud, kind.name(), false, () -> Store.referenced(kind, settings, name),
                () -> Store.referenced(kind, settings, name), kind.accessNames(), false, settings.find("resourceGroup")));
    }
}
