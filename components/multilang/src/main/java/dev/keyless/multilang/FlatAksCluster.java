package dev.keyless.multilang;

import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.azure.NodePoolOptions;

/**
 * {@code keyless:index:AksCluster}: the typed {@link AksCluster} (OIDC issuer and workload identity
 * on) for programs in other languages. Its outputs are an Azure {@code ClusterReference}:
 * {@code cloud}, {@code name}, {@code clusterName}, {@code issuerUrl}, {@code resourceGroupName},
 * {@code kubeconfig}.
 */
final class FlatAksCluster {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:AksCluster";

    private FlatAksCluster() {
    }

    /**
     * Reads and checks every input, registering nothing.
     *
     * @param name   the component's name
     * @param inputs its flat inputs as the engine sent them
     * @return how to register it
     * @throws dev.keyless.core.InvalidInputException naming the flat input's path
     */
    static FlatComponents.Registration check(String name, FlatValue inputs) {
        dev.keyless.core.Checks.componentName(name);
        var args = AksClusterArgs.builder();
        FlatClusterComponent.within(inputs, "", () -> {
            var group = inputs.field("resourceGroupName");
            if (!group.absent()) {
                // Known, the typed API checks it at preview; another resource's output, once known.
                if (group.known()) {
                    args.resourceGroupName(group.requiredString("the resource group"));
                } else {
                    args.resourceGroupName(group.output("the resource group"));
                }
            }
            inputs.field("location").optionalString().ifPresent(args::location);
            inputs.field("clusterName").optionalString().ifPresent(args::clusterName);
            inputs.field("kubernetesVersion").optionalString().ifPresent(args::kubernetesVersion);
            inputs.field("dnsPrefix").optionalString().ifPresent(args::dnsPrefix);
            inputs.field("deployerPrincipalType").optionalString().ifPresent(args::deployerPrincipalType);
            return null;
        });
        var pool = inputs.field("systemNodePool");
        if (!pool.absent()) {
            var defaults = NodePoolOptions.DEFAULT;
            args.systemNodePool(FlatClusterComponent.within(pool, "systemNodePool", () -> new NodePoolOptions(
                    pool.field("vmSize").optionalString().orElse(defaults.vmSize()),
                    pool.field("minCount").integer(defaults.minCount()),
                    pool.field("count").integer(defaults.count()),
                    pool.field("maxCount").integer(defaults.maxCount()))));
        }
        var checked = FlatClusterComponent.within(inputs, "", () -> {
            var built = args.build();
            built.check(name);
            return built;
        });
        return options -> {
            var component = new FlatClusterComponent(TYPE, name, options, parent -> {
                var typed = new AksCluster(name, checked, ComponentResourceOptions.builder().parent(parent).build());
                var outputs = FlatClusterComponent.reference("azure", name);
                outputs.put("clusterName", typed.clusterName());
                outputs.put("issuerUrl", typed.issuerUrl());
                outputs.put("resourceGroupName", typed.resourceGroupName().orElseThrow());
                outputs.put("kubeconfig", typed.kubeconfig().asSecret());
                return outputs;
            });
            return new FlatComponents.Constructed(component, component.outputs());
        };
    }
}
