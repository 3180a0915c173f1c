package dev.keyless.multilang;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.ResourceProviderGrpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The provider jar started as the Pulumi engine starts a plugin: {@code java -jar JAR ENGINE_ADDRESS},
 * its port read from the first line it prints, a gRPC channel to it.
 */
final class ProviderProcess implements AutoCloseable {
    private final Process process;
    private final ManagedChannel channel;
    private final long startMillis;

    private ProviderProcess(Process process, ManagedChannel channel, long startMillis) {
        this.process = process;
        this.channel = channel;
        this.startMillis = startMillis;
    }

    /** @return the jar that {@code mvn package} built, as the build passes it to these tests */
    static Path jar() {
        var jar = Path.of(System.getProperty("keyless.provider.jar", "target/keyless-provider.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the provider jar is not built: " + jar.toAbsolutePath() + " (run mvn package)");
        }
        return jar;
    }

    static ProviderProcess start(String engineAddress) throws IOException {
        long started = System.nanoTime();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-jar", jar().toString(), engineAddress))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var line = out.readLine();
        if (line == null || !line.matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("the provider printed no port, but: " + line);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        var channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(line)).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        return new ProviderProcess(process, channel, millis);
    }

    /** @return how long the provider took from start until it printed its port */
    long startMillis() {
        return startMillis;
    }

    /** @return the CPU time the provider process has used so far */
    java.time.Duration cpu() {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    ResourceProviderGrpc.ResourceProviderBlockingStub provider() {
        return ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(90, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
