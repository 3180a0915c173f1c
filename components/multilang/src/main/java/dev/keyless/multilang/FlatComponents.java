package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Map;

/** The flat components the provider constructs, by type token. */
final class FlatComponents {
    /** A constructed component and its outputs by schema name. */
    record Constructed(ComponentResource resource, Map<String, Output<?>> outputs) {
    }

    /** Registers one flat component whose inputs passed every check. */
    @FunctionalInterface
    interface Registration {
        Constructed register(ComponentResourceOptions options);
    }

    /**
     * Checks one flat component's inputs and returns how to register it: every refusal comes
     * before the deployment starts, so a refused component has registered nothing.
     */
    @FunctionalInterface
    interface Constructor {
        Registration check(String name, FlatValue inputs);
    }

    private static final Map<String, Constructor> BY_TYPE = Map.of(
            FlatFederatedServiceAccount.TYPE, (name, inputs) -> serviceAccount(FlatFederatedServiceAccount.check(name, inputs)),
            FlatControllerIdentity.TYPE, (name, inputs) -> serviceAccount(FlatControllerIdentity.check(name, inputs)),
            FlatPipelineIdentity.TYPE, (name, inputs) -> {
                var checked = FlatPipelineIdentity.check(name, inputs);
                return options -> {
                    var component = checked.register(options);
                    return new Constructed(component, component.outputs());
                };
            },
            FlatEksCluster.TYPE, FlatEksCluster::check,
            FlatGkeCluster.TYPE, FlatGkeCluster::check,
            FlatAksCluster.TYPE, FlatAksCluster::check);

    private static Registration serviceAccount(FlatFederatedServiceAccount.Checked checked) {
        return options -> {
            var component = checked.register(options);
            return new Constructed(component, component.outputs());
        };
    }

    /** @return every type token the provider constructs */
    static java.util.Set<String> types() {
        return new java.util.TreeSet<>(BY_TYPE.keySet());
    }

    private FlatComponents() {
    }

    /**
     * @param type a type token from a Construct request
     * @return how to construct it
     * @throws KeylessProviderService.UnknownComponentException when the provider has no such component
     */
    static Constructor named(String type) {
        var constructor = BY_TYPE.get(type);
        if (constructor == null) {
            throw new KeylessProviderService.UnknownComponentException(
                    "keyless has no component " + type + "; it offers " + new java.util.TreeSet<>(BY_TYPE.keySet()));
        }
        return constructor;
    }
}
