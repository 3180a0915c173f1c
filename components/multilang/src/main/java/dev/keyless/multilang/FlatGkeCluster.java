package dev.keyless.multilang;

import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.gcp.GkeClusterArgs;
import dev.keyless.gcp.NodePoolOptions;

/**
 * {@code keyless:index:GkeCluster}: the typed {@link GkeCluster} (Workload Identity on) for programs
 * in other languages. Its outputs are a GCP {@code ClusterReference}: {@code cloud}, {@code name},
 * {@code projectId}, {@code location}, {@code clusterName}, {@code issuerUrl}, {@code kubeconfig},
 * and the {@code endpoint} and {@code workloadPool}.
 */
final class FlatGkeCluster {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:GkeCluster";

    private FlatGkeCluster() {
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
        var args = GkeClusterArgs.builder();
        FlatClusterComponent.within(inputs, "", () -> {
            inputs.field("projectId").optionalString().ifPresent(args::projectId);
            inputs.field("location").optionalString().ifPresent(args::location);
            inputs.field("clusterName").optionalString().ifPresent(args::clusterName);
            inputs.field("releaseChannel").optionalString().ifPresent(args::releaseChannel);
            var autopilot = inputs.field("autopilot");
            if (!autopilot.absent()) {
                args.autopilot(autopilot.bool(false));
            }
            var protection = inputs.field("deletionProtection");
            if (!protection.absent()) {
                args.deletionProtection(protection.bool(true));
            }
            return null;
        });
        var nodePool = inputs.field("nodePool");
        if (!nodePool.absent()) {
            var defaults = NodePoolOptions.DEFAULT;
            args.nodePool(FlatClusterComponent.within(nodePool, "nodePool", () -> new NodePoolOptions(
                    nodePool.field("machineType").optionalString().orElse(defaults.machineType()),
                    nodePool.field("minNodes").integer(defaults.minNodes()),
                    nodePool.field("initialNodes").integer(defaults.initialNodes()),
                    nodePool.field("maxNodes").integer(defaults.maxNodes()))));
        }
        var checked = FlatClusterComponent.within(inputs, "", () -> {
            var built = args.build();
            built.check(name);
            return built;
        });
        return options -> {
            var component = new FlatClusterComponent(TYPE, name, options, parent -> {
                var typed = new GkeCluster(name, checked, ComponentResourceOptions.builder().parent(parent).build());
                var outputs = FlatClusterComponent.reference("gcp", name);
                outputs.put("projectId", typed.projectId());
                outputs.put("location", typed.location());
                outputs.put("clusterName", typed.clusterName());
                outputs.put("issuerUrl", typed.issuerUrl());
                outputs.put("endpoint", typed.endpoint());
                outputs.put("workloadPool", typed.workloadPool());
                outputs.put("kubeconfig", typed.kubeconfig().asSecret());
                return outputs;
            });
            return new FlatComponents.Constructed(component, component.outputs());
        };
    }
}
