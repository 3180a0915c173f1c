package dev.keyless.multilang;

import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.PodIdentity;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.core.Cloud;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.gcp.GkeWorkloadIdentity;
import dev.keyless.gcp.ServiceAccountImpersonation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A mechanism named as a string, since an {@link IdentityMechanism} object cannot cross languages:
 * each name is the typed mechanism with its defaults (exact trust of one subject and audience), or
 * with the plain options of {@code mechanismOptions}.
 */
final class FlatMechanism {
    private record Named(String cloud, Supplier<IdentityMechanism> mechanism) {
    }

    /** The input carrying the chosen mechanism's options ({@link FlatMechanismOptions}). */
    static final String OPTIONS = "mechanismOptions";

    private static final Map<String, Named> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("irsa", new Named("aws", IrsaIdentity::defaults));
        NAMES.put("podIdentity", new Named("aws", PodIdentity::defaults));
        NAMES.put("gkeWorkloadIdentity", new Named("gcp", GkeWorkloadIdentity::defaults));
        NAMES.put("serviceAccountImpersonation", new Named("gcp", ServiceAccountImpersonation::defaults));
        NAMES.put("entraWorkloadIdentity", new Named("azure", EntraWorkloadIdentity::defaults));
    }

    private FlatMechanism() {
    }

    /** @return every name {@code mechanism} accepts, in the schema's order */
    static List<String> names() {
        return List.copyOf(NAMES.keySet());
    }

    /** @return a sentence per name, for the schema: the cloud it binds */
    static String describeNames() {
        return String.join(", ", NAMES.entrySet().stream().map(e -> "`" + e.getKey() + "` (" + e.getValue().cloud() + ")").toList());
    }

    /**
     * @param inputs the component's inputs, with {@code mechanism} and {@code mechanismOptions}
     * @param cloud  the cluster's cloud
     * @return the mechanism, empty when left out (the cluster's default then applies)
     * @throws InvalidInputException when the name is unknown or of another cloud, or an option is refused
     */
    static Optional<IdentityMechanism> read(FlatValue inputs, Cloud cloud) {
        var value = inputs.field("mechanism");
        var options = inputs.field(OPTIONS);
        var name = value.optionalString();
        if (name.isEmpty()) {
            if (!options.absent()) {
                throw InvalidInputException.missing(value.path(), "the mechanism " + options.path() + " are for, one of " + names());
            }
            return Optional.empty();
        }
        var named = NAMES.get(name.get());
        if (named == null) {
            throw InvalidInputException.of(value.path(), name.get(), "one of " + names());
        }
        if (!named.cloud().equals(cloud.name())) {
            throw InvalidInputException.of(value.path(), name.get(), "a mechanism of the cluster's cloud " + cloud.name() + " ("
                    + String.join(", ", NAMES.entrySet().stream().filter(e -> e.getValue().cloud().equals(cloud.name())).map(Map.Entry::getKey).toList()) + ")");
        }
        return Optional.of(options.absent() ? named.mechanism().get() : FlatMechanismOptions.read(name.get(), options));
    }
}
