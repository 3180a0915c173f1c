package dev.keyless.preview.cloud;

import com.pulumi.test.Mocks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated cloud behind both the offline preview and the test kit: Pulumi {@link Mocks} that
 * answer every resource with its inputs plus recognisable placeholders for what the cloud computes
 * (ARNs, ids, issuer URLs, endpoints), and answer the data-source functions programs commonly call.
 * Each package's resources are answered by its {@link ProviderSimulation}; a package without one
 * gets its inputs back.
 *
 * <p>One simulation serves both, so what a test asserts is what a user sees in the preview.
 */
public final class SimulatedCloud implements Mocks {
    private final List<ProviderSimulation> providers;
    // Explicit providers' inputs by the id the simulation gave them, for the invokes run through them.
    private final Map<String, Map<String, Object>> providerInputs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param providers one simulation per Pulumi package
     * @throws IllegalArgumentException when two simulate the same package
     */
    public SimulatedCloud(List<ProviderSimulation> providers) {
        var packages = new HashSet<String>();
        for (var provider : providers) {
            if (!packages.add(provider.packageName())) {
                throw new IllegalArgumentException("providers must simulate each package once: '"
                        + provider.packageName() + "' is simulated twice");
            }
        }
        this.providers = List.copyOf(providers);
    }

    /**
     * The simulations the preview and the test kit run on. A new cloud is one more {@link ProviderSimulation}
     * in this list.
     *
     * @param config the stack configuration ({@code aws:region} and the like pick regions)
     * @return the simulations of every package the simulated cloud knows
     */
    public static List<ProviderSimulation> defaultSimulations(Map<String, String> config) {
        return List.of(new AwsSimulation(config), new GcpSimulation(config), new AzureSimulation(config), new KubernetesSimulation());
    }

    /**
     * @param config the stack configuration ({@code aws:region} and the like pick regions)
     * @return the cloud of {@link #defaultSimulations(Map)}
     */
    public static SimulatedCloud withDefaults(Map<String, String> config) {
        return new SimulatedCloud(defaultSimulations(config));
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var inputs = args.inputs == null ? Map.<String, Object>of() : args.inputs;
        var type = args.type == null ? "" : args.type;
        var name = args.name == null ? "" : args.name;
        if (type.startsWith("pulumi:providers:")) {
            providerInputs.put(name + "-provider-id", inputs);
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
        // A provider reference is "URN::ID"; the default provider's inputs are the stack's config.
        var reference = args.provider == null ? "" : args.provider;
        var separator = reference.lastIndexOf("::");
        var provider = separator < 0 ? Map.<String, Object>of() : providerInputs.getOrDefault(reference.substring(separator + 2), Map.of());
        return CompletableFuture.completedFuture(simulationFor(token)
                .flatMap(p -> p.invoke(token, callArgs, provider))
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
