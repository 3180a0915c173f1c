package dev.keyless.preview.host;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import pulumirpc.CallbackOuterClass.Callback;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * Pulumi's resource monitor protocol, answered by the simulated deployment's recording monitor, so a
 * program out of process and an in-process run meet the same simulation.
 */
final class MonitorService extends ResourceMonitorGrpc.ResourceMonitorImplBase {
    private final SimulatedDeployment deployment;

    MonitorService(SimulatedDeployment deployment) {
        this.deployment = deployment;
    }

    @Override
    public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().supportsFeatureAsync(request)), observer);
    }

    @Override
    public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> observer) {
        // The monitor's resource argument is the SDK object, which only exists in the program's JVM.
        Replies.send(() -> deployment.call(() -> deployment.monitor().registerResourceAsync(null, request)), observer);
    }

    @Override
    public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().readResourceAsync(null, request)), observer);
    }

    @Override
    public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().registerResourceOutputsAsync(request)
                .thenApply(ignored -> Empty.getDefaultInstance())), observer);
    }

    @Override
    public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().invokeAsync(request)), observer);
    }

    @Override
    public void call(ResourceCallRequest request, StreamObserver<CallResponse> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().callAsync(request)), observer);
    }

    @Override
    public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> observer) {
        Replies.send(() -> deployment.call(() -> deployment.monitor().registerPackageAsync(request)), observer);
    }

    // Transforms would run in the program and call back into it; a preview records what it registers
    // after its own transforms, so accepting the registration and never calling back is faithful enough.
    @Override
    public void registerStackTransform(Callback request, StreamObserver<Empty> observer) {
        Replies.sendNow(Empty.getDefaultInstance(), observer);
    }

    @Override
    public void registerStackInvokeTransform(Callback request, StreamObserver<Empty> observer) {
        Replies.sendNow(Empty.getDefaultInstance(), observer);
    }

    // Nothing in the simulation outlives the program, so there is nothing to wait for.
    @Override
    public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> observer) {
        Replies.sendNow(Empty.getDefaultInstance(), observer);
    }
}
