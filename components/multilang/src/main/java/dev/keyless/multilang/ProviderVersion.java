package dev.keyless.multilang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project's version, written into the provider at build time: what Pulumi records for the plugin. */
final class ProviderVersion {
    private ProviderVersion() {
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT} */
    static String current() {
        var properties = new Properties();
        try (var in = ProviderVersion.class.getResourceAsStream("provider.properties")) {
            if (in == null) {
                throw new IllegalStateException("provider.properties is missing from the provider's classes");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
