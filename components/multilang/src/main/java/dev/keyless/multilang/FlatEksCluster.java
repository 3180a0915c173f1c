package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.aws.EksCluster;
import dev.keyless.aws.EksClusterArgs;
import dev.keyless.aws.NodeGroupOptions;

/**
 * {@code keyless:index:EksCluster}: the typed {@link EksCluster} (its OIDC issuer registered in IAM,
 * optionally the Pod Identity agent) for programs in other languages. Its outputs are an AWS
 * {@code ClusterReference}: {@code cloud}, {@code name}, {@code clusterName}, {@code issuerUrl},
 * {@code oidcProviderArn}, {@code kubeconfig}, {@code podIdentityAgent}, and the {@code endpoint}.
 */
final class FlatEksCluster {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:EksCluster";

    private FlatEksCluster() {
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
        var args = EksClusterArgs.builder();
        inputs.field("clusterName").optionalString().ifPresent(value -> FlatClusterComponent.within(inputs, "", () -> args.clusterName(value)));
        inputs.field("kubernetesVersion").optionalString().ifPresent(value -> FlatClusterComponent.within(inputs, "", () -> args.kubernetesVersion(value)));
        var subnets = inputs.field("subnetIds");
        if (!subnets.absent()) {
            args.subnetIds(subnets.stringsOutput("a subnet id"));
        }
        var nodeGroup = inputs.field("nodeGroup");
        if (!nodeGroup.absent()) {
            var defaults = NodeGroupOptions.DEFAULT;
            var types = nodeGroup.field("instanceTypes");
            var options = FlatClusterComponent.within(nodeGroup, "nodeGroup", () -> new NodeGroupOptions(
                    types.absent() ? defaults.instanceTypes() : types.strings("an EC2 instance type"),
                    nodeGroup.field("minSize").integer(defaults.minSize()),
                    nodeGroup.field("desiredSize").integer(defaults.desiredSize()),
                    nodeGroup.field("maxSize").integer(defaults.maxSize())));
            args.nodeGroup(options);
        }
        var agent = inputs.field("podIdentityAgent").bool(false);
        args.podIdentityAgent(agent);
        var checked = FlatClusterComponent.within(inputs, "", () -> {
            var built = args.build();
            built.check(name);
            return built;
        });
        return options -> {
            var component = new FlatClusterComponent(TYPE, name, options, parent -> {
                var typed = new EksCluster(name, checked, ComponentResourceOptions.builder().parent(parent).build());
                var outputs = FlatClusterComponent.reference("aws", name);
                outputs.put("clusterName", typed.clusterName());
                outputs.put("issuerUrl", typed.issuerUrl());
                outputs.put("oidcProviderArn", typed.oidcProviderArn());
                outputs.put("podIdentityAgent", Output.of(agent));
                outputs.put("endpoint", typed.endpoint());
                outputs.put("kubeconfig", typed.kubeconfig().asSecret());
                return outputs;
            });
            return new FlatComponents.Constructed(component, component.outputs());
        };
    }
}
