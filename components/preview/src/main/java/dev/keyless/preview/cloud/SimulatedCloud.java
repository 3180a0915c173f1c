package dev.keyless.preview.cloud;

import com.pulumi.test.Mocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated cloud behind both the offline preview and the test kit: Pulumi {@link Mocks} that
 * answer every resource with its inputs plus recognisable placeholders for what the cloud computes
 * (ARNs, ids, issuer URLs, endpoints), and answer the data-source functions programs commonly call.
 *
 * <p>One simulation serves both, so what a test asserts is what a user sees in the preview.
 */
public final class SimulatedCloud implements Mocks {
    private final List<ProviderSimulation> providers;

    /**
     * @param config the stack configuration ({@code aws:region} and the like pick regions)
     */
    public SimulatedCloud(Map<String, String> config) {
        this.providers = List.of(new AwsSimulation(config), new KubernetesSimulation());
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var inputs = args.inputs == null ? Map.<String, Object>of() : args.inputs;
        var type = args.type == null ? "" : args.type;
        var name = args.name == null ? "" : args.name;
        if (type.startsWith("pulumi:providers:")) {
            return done(new SimulatedResource(name + "-provider-id", inputs));
        }
        var simulated = simulationFor(type)
                .map(p -> p.create(type, name, inputs))
                .orElseGet(() -> new SimulatedResource(name + "-id", inputs));
        // An import keeps the id the user named.
        var id = args.id == null || args.id.isEmpty() ? simulated.id() : args.id;
        return done(new SimulatedResource(id, simulated.state()));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        var token = args.token == null ? "" : args.token;
        Map<String, Object> callArgs = args.args == null ? Map.of() : args.args;
        return CompletableFuture.completedFuture(simulationFor(token)
                .flatMap(p -> p.invoke(token, callArgs))
                .orElseGet(Map::of));
    }

    private Optional<ProviderSimulation> simulationFor(String token) {
        var packageName = token.contains(":") ? token.substring(0, token.indexOf(':')) : token;
        return providers.stream().filter(p -> p.packageName().equals(packageName)).findFirst();
    }

    private static CompletableFuture<ResourceResult> done(SimulatedResource resource) {
        return CompletableFuture.completedFuture(
                ResourceResult.of(Optional.of(resource.id()), new LinkedHashMap<>(resource.state())));
    }
}
