package dev.keyless.multilang;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.host.EngineServer;
import dev.keyless.preview.host.SimulatedDeployment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The project's simulated engine served over Pulumi's protocol and the provider jar started against
 * it, as {@code pulumi up} runs a TypeScript program's flat components; with what tests compare
 * the recorded children by.
 */
final class FlatEngine implements AutoCloseable {
    static final String PROJECT = "multilang";
    static final String STACK = "dev";
    static final String STACK_URN = "urn:pulumi:" + STACK + "::" + PROJECT + "::pulumi:pulumi:Stack::" + PROJECT + "-" + STACK;

    private final StackSettings settings;
    private final SimulatedDeployment engine;
    private final EngineServer server;
    private final ProviderProcess provider;

    private FlatEngine(StackSettings settings, SimulatedDeployment engine, EngineServer server, ProviderProcess provider) {
        this.settings = settings;
        this.engine = engine;
        this.server = server;
        this.provider = provider;
    }

    /**
     * @param settings the stack's settings, config included, as the engine would send them
     * @return the engine and provider, started
     */
    static FlatEngine start(StackSettings settings) throws Exception {
        var engine = SimulatedDeployment.start(settings);
        var server = EngineServer.start(engine, System.err);
        return new FlatEngine(settings, engine, server, ProviderProcess.start(server.address()));
    }

    /** @return the provider process, for what it costs */
    ProviderProcess providerProcess() {
        return provider;
    }

    /** @return everything the engine recorded so far */
    RecordedDeployment recorded() {
        return engine.recorded(Optional.empty());
    }

    /**
     * Calls Construct as the engine does for a TypeScript program's {@code new keyless.X(name, inputs)}.
     *
     * @param type         the flat type token
     * @param name         the component's name
     * @param inputs       its inputs as the SDK marshals them
     * @param dryRun       a preview when true
     * @param dependencies URNs the program made the component depend on ({@code dependsOn})
     * @return the engine's answer
     */
    ConstructResponse construct(String type, String name, Map<String, PropertyValue> inputs, boolean dryRun, String... dependencies) {
        return provider.provider().construct(ConstructRequest.newBuilder()
                .setProject(PROJECT).setStack(STACK).setOrganization("organization")
                .setDryRun(dryRun)
                .setMonitorEndpoint(server.address())
                .setParent(STACK_URN)
                .setType(type)
                .setName(name)
                .putAllConfig(settings.config())
                .addAllDependencies(List.of(dependencies))
                .setInputs(PropertyValue.marshalProperties(inputs))
                .build());
    }

    /**
     * Calls Construct expecting keyless's refusal, and that nothing was registered.
     *
     * @return the refusal's message
     */
    String refusal(String type, String name, Map<String, PropertyValue> inputs) {
        var before = recorded().resources().size();
        var refusal = catchThrowableOfType(StatusRuntimeException.class, () -> construct(type, name, inputs, true));
        assertThat(refusal).as("a refusal").isNotNull();
        assertThat(refusal.getStatus().getCode()).as(refusal.getStatus().getDescription()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refusal.getStatus().getDescription()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(recorded().resources()).as("registered before the refusal").hasSize(before);
        return refusal.getStatus().getDescription();
    }

    /**
     * @param component a flat component's name
     * @param cluster   its cluster reference's {@code name}
     * @return the name the component's own adopted copy of the cluster has, for the Java API twin
     *     to name its cluster alike (see {@code FlatCluster.childName})
     */
    static String adoptedName(String component, String cluster) {
        return component + "-" + cluster;
    }

    /** @return the resources below the root, at any depth */
    static List<RegisteredResource> descendants(RecordedDeployment recorded, RegisteredResource root) {
        var result = new ArrayList<RegisteredResource>();
        var frontier = new ArrayList<>(List.of(root.urn()));
        while (!frontier.isEmpty()) {
            var parent = frontier.remove(0);
            for (var r : recorded.resources()) {
                if (r.parentUrn().equals(parent)) {
                    result.add(r);
                    frontier.add(r.urn());
                }
            }
        }
        return result;
    }

    /** @return the named top-level resources of a Java API program and everything below them */
    static List<RegisteredResource> trees(RecordedDeployment recorded, String... rootNames) {
        var result = new ArrayList<RegisteredResource>();
        for (var root : recorded.resources()) {
            if (!root.isStack() && root.parentUrn().equals(recorded.resources().stream().filter(RegisteredResource::isStack)
                    .findFirst().orElseThrow().urn()) && List.of(rootNames).contains(root.name())) {
                result.add(root);
                result.addAll(descendants(recorded, root));
            }
        }
        return result;
    }

    /** What a reviewer compares: each resource's type, name, and its parent's type and name. */
    static Set<String> shapes(List<RegisteredResource> resources) {
        var byUrn = resources.stream().collect(Collectors.toMap(RegisteredResource::urn, r -> r));
        return resources.stream().map(r -> {
            var parent = byUrn.get(r.parentUrn());
            return r.type() + " " + r.name() + " under " + (parent == null ? "the root" : parent.type() + " " + parent.name());
        }).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Asserts the flat component built what the Java API built: the same resources under the same
     * parents, and every cloud resource with the same inputs (trust and policy JSON included).
     */
    static void assertSameAsJavaApi(List<RegisteredResource> flat, RecordedDeployment javaApi, List<RegisteredResource> typed) {
        assertThat(shapes(flat)).isEqualTo(shapes(typed));
        for (var child : flat) {
            if (child.custom()) {
                assertThat(revealed(child.inputs())).as(child.type() + " " + child.name())
                        .isEqualTo(revealed(javaApi.resource(child.type(), child.name()).inputs()));
            }
        }
    }

    // Secrets compared by their plaintext, so a difference shows in the message instead of "[secret]";
    // JSON documents (a kubeconfig) by their content, since the provider jar's JSON writer orders
    // keys its own way.
    private static Object revealed(Object value) {
        if (value instanceof dev.keyless.preview.engine.SecretValue secret) {
            return List.of("secret", revealed(secret.plaintext()));
        }
        if (value instanceof String text && text.startsWith("{\"")) {
            return dev.keyless.testkit.Json.parse(text);
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), revealed(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FlatEngine::revealed).toList();
        }
        return value;
    }

    static RegisteredResource only(List<RegisteredResource> resources, String type) {
        var matching = resources.stream().filter(r -> r.type().equals(type)).toList();
        assertThat(matching).as(type).hasSize(1);
        return matching.get(0);
    }

    /** @return an object input, its fields in order */
    static Map<String, PropertyValue> object(Object... fieldsAndValues) {
        var object = new LinkedHashMap<String, PropertyValue>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            var value = fieldsAndValues[i + 1];
            object.put((String) fieldsAndValues[i], value instanceof PropertyValue p ? p
                    : value instanceof String s ? PropertyValue.of(s)
                    : value instanceof Boolean b ? PropertyValue.of(b)
                    : value instanceof Number n ? PropertyValue.of(n.doubleValue())
                    : value instanceof Map<?, ?> m ? PropertyValue.of(castMap(m))
                    : value instanceof List<?> l ? PropertyValue.of(l.stream().map(FlatEngine::value).toList())
                    : PropertyValue.NULL);
        }
        return object;
    }

    /** @return a list input */
    static PropertyValue list(Object... elements) {
        return PropertyValue.of(java.util.Arrays.stream(elements).map(FlatEngine::value).toList());
    }

    /** @return a value another resource computes, unknown at preview, as a TypeScript program sends it */
    static PropertyValue unknownFrom(String urn) {
        return PropertyValue.of(new PropertyValue.OutputReference(null, Set.of(urn)));
    }

    /** @return a known value of another resource, with its dependency, as a TypeScript program sends it */
    static PropertyValue knownFrom(String urn, PropertyValue value) {
        return PropertyValue.of(new PropertyValue.OutputReference(value, Set.of(urn)));
    }

    private static PropertyValue value(Object element) {
        return element instanceof PropertyValue p ? p : object("v", element).get("v");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PropertyValue> castMap(Map<?, ?> map) {
        return (Map<String, PropertyValue>) map;
    }

    @Override
    public void close() throws Exception {
        provider.close();
        server.close();
        engine.close();
    }
}
