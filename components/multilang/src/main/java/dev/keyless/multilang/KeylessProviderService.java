package dev.keyless.multilang;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.Empty;
import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackOptions;
import com.pulumi.resources.internal.DependencyProviderResource;
import dev.keyless.core.InvalidInputException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.ResourceProviderGrpc;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Pulumi's ResourceProvider protocol for keyless's flat components: plugin info with the project's
 * version, the package schema, and {@code Construct}, which runs the flat component in a deployment
 * of its own against the calling program's resource monitor.
 *
 * <p>Why not pulumi-java's {@code ComponentProviderHost}: in 1.36.1 it reports version 1.0.0, infers
 * the schema from the classes (with no descriptions from Javadoc, no map, enum or {@code Optional}
 * inputs), and answers a failed construction with the exception's class and stack trace. This class
 * uses the same SDK pieces the host uses for {@code Construct} ({@code PulumiInternal.fromInline},
 * {@code PropertyValue}) and answers bad input with {@code INVALID_ARGUMENT} and keyless's message.
 */
final class KeylessProviderService extends ResourceProviderGrpc.ResourceProviderImplBase {
    // Pulumi's deployment is a JVM-wide singleton: one Construct at a time.
    private final Object oneDeployment = new Object();
    private final StackClaims stackClaims = new StackClaims();
    private final String engineAddress;

    /** @param engineAddress the engine's address, given on the command line, for the SDK's log */
    KeylessProviderService(String engineAddress) {
        this.engineAddress = engineAddress;
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> observer) {
        observer.onNext(PluginInfo.newBuilder().setVersion(ProviderVersion.current()).build());
        observer.onCompleted();
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> observer) {
        observer.onNext(GetSchemaResponse.newBuilder().setSchema(KeylessSchema.json()).build());
        observer.onCompleted();
    }

    // The provider has no configuration of its own; the components' cloud providers come from the
    // program (default providers, or the ones given as options).
    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> observer) {
        observer.onNext(ConfigureResponse.newBuilder().setAcceptSecrets(true).setAcceptResources(true).setAcceptOutputs(true).build());
        observer.onCompleted();
    }

    @Override
    public void construct(ConstructRequest request, StreamObserver<ConstructResponse> observer) {
        try {
            ConstructResponse response;
            synchronized (oneDeployment) {
                response = run(request);
            }
            observer.onNext(response);
            observer.onCompleted();
        } catch (Throwable e) {
            observer.onError(asStatus(e).asRuntimeException());
        }
    }

    private ConstructResponse run(ConstructRequest request) throws InterruptedException, ExecutionException {
        var inputs = FlatValue.inputs(PropertyValue.unmarshalProperties(request.getInputs()));
        var constructor = FlatComponents.named(request.getType());
        var options = options(request);
        var settings = InlineDeploymentSettings.builder()
                .monitorAddr(request.getMonitorEndpoint())
                .engineAddr(engineAddress)
                .project(request.getProject())
                .stack(request.getStack())
                .organization(request.getOrganization())
                .isDryRun(request.getDryRun())
                .config(ImmutableMap.copyOf(request.getConfigMap()))
                .configSecretKeys(ImmutableSet.copyOf(request.getConfigSecretKeysList()))
                .build();
        var refused = new java.util.concurrent.atomic.AtomicReference<InvalidInputException>();
        try {
            var answer = PulumiInternal.fromInline(settings, StackOptions.builder().build())
                    .runInlineAsync(ctx -> {
                        // Checked inside the deployment, since some checks read the stack's config
                        // (gcp:project) and the stack's claims so far, and before the component
                        // registers anything. A refusal ends
                        // the program quietly: it reaches the user once, as Construct's error.
                        FlatComponents.Registration registration;
                        try {
                            stackClaims.continueFor(request.getOrganization(), request.getProject(), request.getStack(), request.getDryRun());
                            registration = constructor.check(request.getName(), inputs);
                        } catch (InvalidInputException e) {
                            refused.set(e);
                            return java.util.concurrent.CompletableFuture.<ConstructResponse>completedFuture(null);
                        }
                        var constructed = registration.register(options);
                        return Internal.of(constructed.resource().urn()).getValueOrDefault("")
                                .thenCombine(ConstructedState.of(constructed.outputs()), (urn, state) -> {
                                    var response = ConstructResponse.newBuilder()
                                            .setUrn(urn)
                                            .setState(PropertyValue.marshalProperties(state));
                                    // Every output comes from the component's own children.
                                    state.keySet().forEach(key -> response.putStateDependencies(key,
                                            ConstructResponse.PropertyDependencies.newBuilder().addUrns(urn).build()));
                                    return response.build();
                                });
                    })
                    .get();
            if (refused.get() != null) {
                throw refused.get();
            }
            return answer;
        } finally {
            DeploymentInstanceHolder.internalUnsafeDestroyInstance();
        }
    }

    private static ComponentResourceOptions options(ConstructRequest request) {
        if (request.getParent().isEmpty()) {
            throw InvalidInputException.missing("parent", "the engine gives every component a parent (the stack at least)");
        }
        var builder = ComponentResourceOptions.builder()
                .parent(new DependencyResource(request.getParent()))
                .protect(request.getProtect())
                .dependsOn(request.getDependenciesList().stream().map(DependencyResource::new).toArray(Resource[]::new));
        if (request.getProvidersCount() > 0) {
            builder.providers(request.getProvidersMap().values().stream()
                    .map(DependencyProviderResource::new).toArray(DependencyProviderResource[]::new));
        }
        return builder.build();
    }

    // keyless's own refusals reach the user as they are; anything else names its type, never a
    // stack trace, which would bury the message in another language's console.
    static Status asStatus(Throwable error) {
        var cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause.getClass().getName().equals("com.pulumi.deployment.internal.RunException")) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var invalid = findInvalidInput(cause);
        if (invalid != null) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage());
        }
        if (cause instanceof UnknownComponentException) {
            return Status.NOT_FOUND.withDescription(cause.getMessage());
        }
        // Pulumi's runner gathers a program's failures as one exception with the others suppressed:
        // name each, so the user sees what failed.
        var described = new StringBuilder(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        for (var suppressed : cause.getSuppressed()) {
            var root = suppressed;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            described.append("; ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
        }
        error.printStackTrace();
        return Status.INTERNAL.withDescription(described.toString());
    }

    private static InvalidInputException findInvalidInput(Throwable error) {
        // Pulumi's runner gathers a program's failures as suppressed exceptions of one.
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
            for (var suppressed : cause.getSuppressed()) {
                var found = findInvalidInput(suppressed);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A type token the provider does not serve. */
    static final class UnknownComponentException extends RuntimeException {
        UnknownComponentException(String message) {
            super(message);
        }
    }

}
