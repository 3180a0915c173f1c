package dev.keyless.multilang;

import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.PodIdentity;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.azure.SharedManagedIdentity;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.gcp.GkeWorkloadIdentity;
import dev.keyless.gcp.ServiceAccountImpersonation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flat {@code mechanismOptions} object ({@code keyless:index:MechanismOptions}): the typed
 * mechanism builders' options that are plain values, each read into the builder of the mechanism
 * named, so each is checked by the typed setter and reported at {@code mechanismOptions.FIELD}.
 * Options of another mechanism are refused, naming the mechanism.
 */
final class FlatMechanismOptions {
    /**
     * @param start   a new builder
     * @param options the flat option name to the builder's setter, in the schema's order
     * @param build   the mechanism from the builder
     * @param <B>     the builder
     */
    private record Typed<B>(Supplier<B> start, Map<String, BiConsumer<B, String>> options, Function<B, IdentityMechanism> build) {
        IdentityMechanism read(FlatValue given) {
            var builder = start.get();
            options.forEach((field, setter) -> {
                var value = given.field(field);
                if (!value.absent()) {
                    var plain = value.requiredString("a string");
                    try {
                        setter.accept(builder, plain);
                    } catch (InvalidInputException e) {
                        throw e.at(value.path());
                    }
                }
            });
            return build.apply(builder);
        }
    }

    /** The options that make a new identity, which binding an existing one leaves to its owner. */
    private static final List<String> CREATING = List.of("roleName", "rolePath", "permissionsBoundaryArn", "accountId", "identityName",
            "resourceGroupName");
    private static final String EXISTING = "existingIdentity";

    private static final Map<String, Typed<?>> BY_MECHANISM = new LinkedHashMap<>();

    static {
        var irsa = new LinkedHashMap<String, BiConsumer<IrsaIdentity.Builder, String>>();
        irsa.put("roleName", IrsaIdentity.Builder::roleName);
        irsa.put("rolePath", IrsaIdentity.Builder::rolePath);
        irsa.put("permissionsBoundaryArn", IrsaIdentity.Builder::permissionsBoundary);
        irsa.put("existingOidcProviderArn", IrsaIdentity.Builder::existingOidcProviderArn);
        irsa.put(EXISTING, IrsaIdentity.Builder::existingIdentity);
        BY_MECHANISM.put("irsa", new Typed<>(IrsaIdentity::builder, irsa, IrsaIdentity.Builder::build));
        var podIdentity = new LinkedHashMap<String, BiConsumer<PodIdentity.Builder, String>>();
        podIdentity.put("roleName", PodIdentity.Builder::roleName);
        podIdentity.put("rolePath", PodIdentity.Builder::rolePath);
        podIdentity.put("permissionsBoundaryArn", PodIdentity.Builder::permissionsBoundary);
        podIdentity.put(EXISTING, PodIdentity.Builder::existingIdentity);
        BY_MECHANISM.put("podIdentity", new Typed<>(PodIdentity::builder, podIdentity, PodIdentity.Builder::build));
        var gke = new LinkedHashMap<String, BiConsumer<GkeWorkloadIdentity.Builder, String>>();
        gke.put("projectNumber", GkeWorkloadIdentity.Builder::projectNumber);
        BY_MECHANISM.put("gkeWorkloadIdentity", new Typed<>(GkeWorkloadIdentity::builder, gke, GkeWorkloadIdentity.Builder::build));
        var impersonation = new LinkedHashMap<String, BiConsumer<ServiceAccountImpersonation.Builder, String>>();
        impersonation.put("accountId", ServiceAccountImpersonation.Builder::accountId);
        impersonation.put(EXISTING, ServiceAccountImpersonation.Builder::existingIdentity);
        BY_MECHANISM.put("serviceAccountImpersonation", new Typed<>(ServiceAccountImpersonation::builder, impersonation,
                ServiceAccountImpersonation.Builder::build));
        var entra = new LinkedHashMap<String, BiConsumer<EntraWorkloadIdentity.Builder, String>>();
        entra.put("identityName", EntraWorkloadIdentity.Builder::identityName);
        entra.put("resourceGroupName", EntraWorkloadIdentity.Builder::resourceGroupName);
        entra.put("credentialName", EntraWorkloadIdentity.Builder::credentialName);
        entra.put(EXISTING, (builder, resourceId) -> builder.existingIdentity(SharedManagedIdentity.existing(resourceId)));
        BY_MECHANISM.put("entraWorkloadIdentity", new Typed<>(EntraWorkloadIdentity::builder, entra, EntraWorkloadIdentity.Builder::build));
    }

    private FlatMechanismOptions() {
    }

    /** @return every option, in the schema's order, each once */
    static List<String> fields() {
        var fields = new LinkedHashSet<String>();
        BY_MECHANISM.values().forEach(typed -> fields.addAll(typed.options().keySet()));
        // The existing identity last: it is every mechanism's, and excludes the creating options.
        fields.remove(EXISTING);
        fields.add(EXISTING);
        return List.copyOf(fields);
    }

    /**
     * @param field an option
     * @return the mechanisms that take it, in the schema's order
     */
    static List<String> mechanismsTaking(String field) {
        return BY_MECHANISM.entrySet().stream().filter(e -> e.getValue().options().containsKey(field)).map(Map.Entry::getKey).toList();
    }

    /**
     * @param mechanism a mechanism's flat name, checked already
     * @param given     the {@code mechanismOptions} input, given
     * @return the mechanism with the options given
     * @throws InvalidInputException naming {@code mechanismOptions.FIELD} when an option is unknown,
     *     of another mechanism, excluded by another, or breaks its typed rule
     */
    static IdentityMechanism read(String mechanism, FlatValue given) {
        var typed = BY_MECHANISM.get(mechanism);
        var takes = List.copyOf(typed.options().keySet());
        for (var field : given.fieldNames()) {
            var value = given.field(field);
            if (!fields().contains(field)) {
                throw InvalidInputException.of(value.path(), "(given)", "one of the options " + fields());
            }
            if (!takes.contains(field) && !value.absent()) {
                throw InvalidInputException.of(value.path(), value.optionalString().orElse("(given)"),
                        "left out for " + mechanism + ", which takes " + takes + " (" + field + " is " + String.join(" and ", mechanismsTaking(field)) + "'s)");
            }
        }
        if (!given.field(EXISTING).absent()) {
            for (var creating : CREATING) {
                if (takes.contains(creating) && !given.field(creating).absent()) {
                    throw InvalidInputException.conflict(given.field(EXISTING).path(), given.field(creating).path(),
                            "an existing identity keeps its owner's name, place and boundary");
                }
            }
        }
        return typed.read(given);
    }
}
