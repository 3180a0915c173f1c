package dev.keyless.landingzone.config;

import java.util.List;

/** What a grant lets a workload do with a store's objects. */
public enum Access {
    /** Read objects. */
    READ,
    /** Read, write and delete objects. */
    READ_WRITE;

    /** The names the config uses, in order. */
    public static final List<String> CONFIG_NAMES = List.of("read", "readWrite");

    /** @return whether the grant writes */
    public boolean writes() {
        return this == READ_WRITE;
    }

    static Access of(String configName) {
        return configName.equals("readWrite") ? READ_WRITE : READ;
    }
}
