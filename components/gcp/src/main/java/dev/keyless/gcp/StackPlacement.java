package dev.keyless.gcp;

import com.pulumi.Config;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a {@link GkeCluster} goes when its args name no project or location: the stack's
 * {@code gcp:project} and {@code gcp:region}, which configure the default gcp provider, and so
 * only when the cluster registers with that provider. A cluster given a gcp provider of its own
 * (the {@code provider} or {@code providers} option) registers in that provider's project, which
 * the stack's config does not tell: the cluster asks the provider ({@link ProjectIdLookup}), and
 * the rules that hold in a project are checked once it answers. Its location is a choice the
 * cluster must make itself: {@code location} is then required, rather than the stack's region.
 */
final class StackPlacement {
    private final Optional<String> configProject;
    private final Optional<String> configRegion;
    private final Optional<com.pulumi.gcp.Provider> ownProvider;

    private StackPlacement(Optional<String> configProject, Optional<String> configRegion, Optional<com.pulumi.gcp.Provider> ownProvider) {
        this.configProject = configProject;
        this.configRegion = configRegion;
        this.ownProvider = ownProvider;
    }

    /**
     * @param options the cluster's options, or null
     * @return the stack's defaults, refused where the options name a gcp provider
     */
    static StackPlacement of(ComponentResourceOptions options) {
        var gcp = Config.of("gcp");
        return new StackPlacement(gcp.get("project"), gcp.get("region"), ownGcpProvider(options));
    }

    /**
     * @param field the option that names the project, for the message
     * @return the stack's {@code gcp:project}, checked; empty when the cluster's own provider must be asked
     */
    Optional<String> project(String field) {
        if (ownProvider.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(configProject.map(p -> GcpNames.requireProjectId("gcp:project", p))
                .orElseThrow(() -> InvalidInputException.missing(field, "set it, or the stack's gcp:project config")));
    }

    /** @return the gcp provider the cluster's options name, if any */
    Optional<com.pulumi.gcp.Provider> ownProvider() {
        return ownProvider;
    }

    /**
     * @param field the option that names the location, for the message
     * @return the stack's {@code gcp:region}, checked
     */
    String region(String field) {
        requireDefaultProvider(field, "region");
        return configRegion.map(r -> GcpNames.requireLocation("gcp:region", r))
                .orElseThrow(() -> InvalidInputException.missing(field, "set it, or the stack's gcp:region config"));
    }

    private void requireDefaultProvider(String field, String setting) {
        ownProvider.ifPresent(provider -> {
            throw InvalidInputException.missing(field, "set it when the cluster is given the gcp provider '" + provider.pulumiResourceName()
                    + "': the stack's gcp:" + setting + " configures the default provider, not that one");
        });
    }

    private static Optional<com.pulumi.gcp.Provider> ownGcpProvider(ComponentResourceOptions options) {
        if (options == null) {
            return Optional.empty();
        }
        return Stream.concat(options.getProvider().stream(), options.getProviders() == null ? Stream.empty() : options.getProviders().stream())
                .filter(com.pulumi.gcp.Provider.class::isInstance)
                .map(com.pulumi.gcp.Provider.class::cast)
                .findFirst();
    }
}
