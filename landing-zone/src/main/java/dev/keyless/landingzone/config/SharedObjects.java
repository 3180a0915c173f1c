package dev.keyless.landingzone.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the workloads of one pass over the config share, such as one existing managed identity that
 * several workloads bind to: the library counts an identity's federated credentials on the one
 * object every workload passes. Planning and registering each get their own, so what planning
 * reserved is not reserved again when the components are created.
 */
public final class SharedObjects {
    private final Map<String, Object> objects = new HashMap<>();

    /**
     * @param key  what the object stands for, compared as the cloud compares it (e.g. lowercased for Azure ids)
     * @param type the object's type
     * @param make makes it the first time
     * @param <T>  the object's type
     * @return the one object for that key in this pass
     */
    public <T> T get(String key, Class<T> type, Supplier<T> make) {
        return type.cast(objects.computeIfAbsent(key, ignored -> make.get()));
    }
}
