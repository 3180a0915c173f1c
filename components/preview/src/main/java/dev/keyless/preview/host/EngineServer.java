package dev.keyless.preview.host;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server on the loopback interface that plays the Pulumi engine and resource monitor for one
 * program run.
 */
public final class EngineServer implements AutoCloseable {
    // Pulumi's SDKs accept messages of up to 400 MiB; a large Helm values file must not be refused here.
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private final Server server;
    private final ExecutorService executor;

    private EngineServer(Server server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on an ephemeral port of 127.0.0.1.
     *
     * @param deployment the deployment that answers the monitor's calls and records what the program logs
     * @param err        where warnings and errors the program logs are printed as they arrive
     * @return the running server
     */
    public static EngineServer start(SimulatedDeployment deployment, PrintStream err) {
        return start(deployment, err, () -> { });
    }

    /**
     * Starts serving on an ephemeral port of 127.0.0.1.
     *
     * @param deployment  the deployment that answers the monitor's calls and records what the program logs
     * @param err         where warnings and errors the program logs are printed as they arrive
     * @param onFirstCall run once, when the program first calls the engine or the monitor
     * @return the running server
     */
    public static EngineServer start(SimulatedDeployment deployment, PrintStream err, Runnable onFirstCall) {
        var firstCall = new FirstCall(onFirstCall);
        var executor = Executors.newCachedThreadPool(runnable -> {
            var thread = new Thread(runnable, "preview-engine");
            thread.setDaemon(true);
            return thread;
        });
        var server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .executor(executor)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(ServerInterceptors.intercept(new MonitorService(deployment), firstCall))
                .addService(ServerInterceptors.intercept(new EngineService(deployment, err), firstCall))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not start the preview's engine server on 127.0.0.1", e);
        }
        return new EngineServer(server, executor);
    }

    /** @return the address the program is given as {@code PULUMI_MONITOR} and {@code PULUMI_ENGINE} */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Stops accepting calls and waits briefly for the ones under way, so every registration is recorded. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }
}
