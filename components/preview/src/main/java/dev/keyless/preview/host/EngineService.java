package dev.keyless.preview.host;

import com.google.protobuf.Empty;
import dev.keyless.preview.report.Diagnostic;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pulumi's engine protocol: collects what the program logs, printing warnings and errors as they
 * arrive as the Pulumi CLI does, and keeps the root resource.
 */
final class EngineService extends EngineGrpc.EngineImplBase {
    private final Queue<Diagnostic> diagnostics = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> rootResource = new AtomicReference<>("");
    private final PrintStream err;

    EngineService(PrintStream err) {
        this.err = err;
    }

    @Override
    public void log(LogRequest request, StreamObserver<Empty> observer) {
        // Ephemeral messages are progress updates the CLI overwrites; debug output is hidden by default.
        if (!request.getEphemeral() && request.getSeverity() != LogSeverity.DEBUG) {
            var diagnostic = new Diagnostic(severityName(request.getSeverity()), request.getUrn(), request.getMessage());
            diagnostics.add(diagnostic);
            if (diagnostic.isError() || Diagnostic.WARNING.equals(diagnostic.severity())) {
                err.println(diagnostic.severity() + ": " + diagnostic.message());
            }
        }
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

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    String rootResource() {
        return rootResource.get();
    }

    private static String severityName(LogSeverity severity) {
        return severity == LogSeverity.UNRECOGNIZED ? "info" : severity.name().toLowerCase(Locale.ROOT);
    }
}
