package dev.keyless.preview.engine;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.google.protobuf.Value;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pulumi's mock monitor, plus a record of every request exactly as the engine received it.
 *
 * <p>{@link Mocks} sees only type, name and inputs. Parents, dependencies, {@code protect} and
 * {@code retainOnDelete} reach only the monitor, so ordering and data-safety facts are captured
 * here. It extends Pulumi's internal {@code MockMonitor}, one of the three uses of Pulumi's internal
 * API listed in the {@linkplain dev.keyless.preview.engine package documentation}.
 */
public final class RecordingMonitor extends MockMonitor {
    private final AtomicInteger arrivals = new AtomicInteger();
    private final Map<Integer, RegisteredResource> registered = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, Object>> registeredOutputs = new ConcurrentHashMap<>();
    private final Set<String> urns = ConcurrentHashMap.newKeySet();
    private final DeclaredOutputs declared;

    /**
     * @param mocks the simulated cloud that answers for each resource
     * @param log   Pulumi's log, for the mock monitor's serializer
     */
    public RecordingMonitor(Mocks mocks, Log log) {
        this(mocks, log, DeclaredOutputs.inThisJvm());
    }

    /**
     * @param mocks    the simulated cloud that answers for each resource
     * @param log      Pulumi's log, for the mock monitor's serializer
     * @param declared the outputs each resource type declares, for the ones the cloud does not answer
     */
    public RecordingMonitor(Mocks mocks, Log log, DeclaredOutputs declared) {
        super(mocks, log);
        this.declared = declared;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        int arrival = arrivals.getAndIncrement();
        var inputs = WireValues.read(request.getObject());
        return super.registerResourceAsync(resource, asTheEngineNamesIt(request)).thenCompose(response -> {
            // The engine refuses a second resource with one URN; the mock monitor would accept it.
            if (!urns.add(response.getUrn())) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "Duplicate resource URN '" + response.getUrn() + "'; try giving it a unique name"));
            }
            var outputs = markSecretOutputs(inputs, WireValues.read(response.getObject()), request.getAdditionalSecretOutputsList());
            registered.put(arrival, new RegisteredResource(
                    response.getUrn(), request.getType(), request.getName(), request.getParent(),
                    request.getCustom(), false, request.getCustom() ? response.getId() : "", request.getProvider(),
                    inputs, outputs, List.copyOf(new LinkedHashSet<>(request.getDependenciesList())),
                    propertyDependencies(request), request.getProtect(), request.getRetainOnDelete(),
                    request.getDeleteBeforeReplace(), request.getImportId(), request.getVersion(),
                    List.copyOf(request.getAdditionalSecretOutputsList()), aliases(request, response.getUrn())));
            return CompletableFuture.completedFuture(request.getCustom()
                    ? withEveryDeclaredOutput(response, declared.of(request.getType(), resource), request.getAdditionalSecretOutputsList())
                    : response);
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        int arrival = arrivals.getAndIncrement();
        var inputs = WireValues.read(request.getProperties());
        return super.readResourceAsync(resource, asTheEngineNamesIt(request)).thenApply(response -> {
            registered.put(arrival, new RegisteredResource(
                    response.getUrn(), request.getType(), request.getName(), request.getParent(),
                    true, true, request.getId(), request.getProvider(),
                    inputs, WireValues.read(response.getProperties()), List.copyOf(request.getDependenciesList()),
                    Map.of(), false, false, false, "", request.getVersion(), List.copyOf(request.getAdditionalSecretOutputsList())));
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        registeredOutputs.put(request.getUrn(), WireValues.read(request.getOutputs()));
        return super.registerResourceOutputsAsync(request);
    }

    /**
     * Returns what has been registered so far, components carrying the outputs they registered.
     *
     * @return the resources in the order the program registered them
     */
    public List<RegisteredResource> resources() {
        var snapshot = new ArrayList<RegisteredResource>();
        for (var r : registered.values()) {
            var outputs = registeredOutputs.get(r.urn());
            if (!r.custom() && outputs != null) {
                r = new RegisteredResource(r.urn(), r.type(), r.name(), r.parentUrn(), r.custom(), r.read(), r.id(),
                        r.providerReference(), r.inputs(), outputs, r.dependencies(), r.propertyDependencies(),
                        r.protect(), r.retainOnDelete(), r.deleteBeforeReplace(), r.importId(), r.packageVersion(),
                        r.additionalSecretOutputs(), r.aliases());
            }
            snapshot.add(r);
        }
        return snapshot;
    }

    /** @return the stack's exports, secrets marked; empty until the program has finished */
    public Map<String, Object> stackOutputs() {
        return registered.values().stream().filter(RegisteredResource::isStack).findFirst()
                .map(stack -> registeredOutputs.getOrDefault(stack.urn(), Map.of()))
                .orElse(Map.of());
    }

    // As the engine answers in a preview: every output the type declares, those the cloud computes
    // unknown, and secret when the program asked for them to be (see DeclaredOutputs).
    private static RegisterResourceResponse withEveryDeclaredOutput(RegisterResourceResponse response, Set<String> outputs,
                                                                    List<String> additionalSecrets) {
        var object = response.getObject().toBuilder();
        for (var name : outputs) {
            if (!object.containsFields(name)) {
                var unknown = Value.newBuilder().setStringValue(UnknownValue.WIRE_MARKER).build();
                object.putFields(name, additionalSecrets.contains(name) ? WireValues.secret(unknown) : unknown);
            }
        }
        return response.toBuilder().setObject(object).build();
    }

    // The mock monitor chains every parent's type into a URN, the root stack's too; the engine leaves
    // the stack out (see TypeChain). Its URN has no other use of the parent, so a resource parented
    // to the stack is handed to it as one with no parent, and the URN comes out as the engine's.
    // The recorded parent stays the one the program sent.
    private static RegisterResourceRequest asTheEngineNamesIt(RegisterResourceRequest request) {
        return TypeChain.startsAfresh(request.getParent()) ? request.toBuilder().clearParent().build() : request;
    }

    private static ReadResourceRequest asTheEngineNamesIt(ReadResourceRequest request) {
        return TypeChain.startsAfresh(request.getParent()) ? request.toBuilder().clearParent().build() : request;
    }

    // The project and stack are read from the URN the engine gave: urn:pulumi:STACK::PROJECT::TYPE::NAME.
    private static List<String> aliases(RegisterResourceRequest request, String urn) {
        var parts = urn.substring("urn:pulumi:".length()).split("::", -1);
        return AliasUrns.of(request, parts[1], parts[0]);
    }

    private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
        var result = new TreeMap<String, List<String>>();
        request.getPropertyDependenciesMap().forEach((property, urns) -> result.put(property, List.copyOf(urns.getUrnsList())));
        return result;
    }

    // The engine keeps secret inputs secret in the state it returns; the simulation echoes inputs.
    private static Map<String, Object> markSecretOutputs(Map<String, Object> inputs, Map<String, Object> outputs, List<String> additionalSecrets) {
        var marked = new TreeMap<String, Object>(SecretOutputs.maskLike(outputs, inputs));
        additionalSecrets.forEach(key -> marked.computeIfPresent(key, (k, v) -> v instanceof SecretValue ? v : new SecretValue(v)));
        return marked;
    }
}
