package dev.keyless.preview.host;

import com.google.protobuf.Empty;
import dev.keyless.preview.engine.Diagnostic;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pulumi's engine protocol: hands what the program logs to the simulated deployment, printing
 * warnings and errors as they arrive as the Pulumi CLI does, and keeps the root resource.
 */
final class EngineService extends EngineGrpc.EngineImplBase {
    private final SimulatedDeployment deployment;
    private final AtomicReference<String> rootResource = new AtomicReference<>("");
    private final PrintStream err;

    EngineService(SimulatedDeployment deployment, PrintStream err) {
        this.deployment = deployment;
        this.err = err;
    }

    @Override
    public void log(LogRequest request, StreamObserver<Empty> observer) {
        deployment.log(request).filter(EngineService::printedAsItArrives)
                .ifPresent(diagnostic -> err.println(diagnostic.severity().label() + ": " + diagnostic.message()));
        Replies.sendNow(Empty.getDefaultInstance(), observer);
    }

    @Override
    public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> observer) {
        Replies.sendNow(GetRootResourceResponse.newBuilder().setUrn(rootResource.get()).build(), observer);
    }

    @Override
    public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> observer) {
        rootResource.set(request.getUrn());
        Replies.sendNow(SetRootResourceResponse.getDefaultInstance(), observer);
    }

    // Any SDK version is acceptable: there is no real engine whose features it could miss.
    @Override
    public void requirePulumiVersion(RequirePulumiVersionRequest request, StreamObserver<RequirePulumiVersionResponse> observer) {
        Replies.sendNow(RequirePulumiVersionResponse.getDefaultInstance(), observer);
    }

    private static boolean printedAsItArrives(Diagnostic diagnostic) {
        return diagnostic.severity() == Diagnostic.Severity.WARNING || diagnostic.severity() == Diagnostic.Severity.ERROR;
    }
}
