package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.UnknownValue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which provider each resource of a preview uses, written as Pulumi writes a provider reference,
 * {@code PROVIDER_URN::PROVIDER_ID}.
 *
 * <p>A provider created in this update has no id until it is created, so, as in
 * {@code pulumi preview}, its references carry Pulumi's unknown id rather than the id the simulated
 * cloud made up. A custom resource that names no provider gets the engine's default provider for its
 * package and version, which the engine would create too.
 */
final class ProviderReferences {
    private final RecordedDeployment deployment;
    private final Set<String> createdProviders = new HashSet<>();

    ProviderReferences(RecordedDeployment deployment) {
        this.deployment = deployment;
        deployment.resources().stream()
                .filter(r -> r.isProvider() && Plan.of(r) == Plan.CREATE)
                .forEach(r -> createdProviders.add(r.urn()));
    }

    /**
     * @param resource a registered resource
     * @return its provider reference; empty for components, the stack and providers themselves
     */
    String of(RegisteredResource resource) {
        if (!resource.custom() || resource.isProvider()) {
            return "";
        }
        if (resource.providerReference().isEmpty()) {
            return defaultProvider(resource).map(p -> p.urn() + "::" + UnknownValue.WIRE_MARKER).orElse("");
        }
        var urn = resource.providerUrn();
        return createdProviders.contains(urn) ? urn + "::" + UnknownValue.WIRE_MARKER : resource.providerReference();
    }

    /**
     * @param resource a registered resource
     * @return the default provider it uses, if it is a custom resource that names no provider
     */
    private Optional<DefaultProvider> defaultProvider(RegisteredResource resource) {
        if (!resource.custom() || resource.isProvider() || !resource.providerReference().isEmpty()
                || resource.packageName().isEmpty()) {
            return Optional.empty();
        }
        var packageName = resource.packageName();
        var urn = "urn:pulumi:" + deployment.stack() + "::" + deployment.project() + "::"
                + DefaultProvider.TYPE_PREFIX + packageName + "::" + DefaultProvider.name(resource.packageVersion());
        return Optional.of(new DefaultProvider(urn, packageName));
    }
}
