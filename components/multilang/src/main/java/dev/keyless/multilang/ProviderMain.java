package dev.keyless.multilang;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The provider's entry point, as Pulumi starts a plugin: {@code java -jar keyless-provider.jar
 * ENGINE_ADDRESS}. It serves on a free port of the loopback interface and prints that port on its
 * own line, which is how the engine learns where to call.
 *
 * <p>{@code java -jar keyless-provider.jar schema} prints the package schema instead: the command
 * that regenerates the committed {@code schema.json}.
 */
public final class ProviderMain {
    // Pulumi's SDKs accept messages of up to 400 MiB; Construct inputs can carry large kubeconfigs.
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private ProviderMain() {
    }

    /**
     * @param args the engine's address, or {@code schema}
     * @throws IOException          when the server cannot bind
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 1 && args[0].equals("schema")) {
            System.out.println(KeylessSchema.json());
            return;
        }
        // The engine passes its address first; flags (e.g. --logtostderr) may follow.
        String engine = args.length > 0 && !args[0].startsWith("-") ? args[0] : "";
        var server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new KeylessProviderService(engine))
                .build()
                .start();
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "keyless-provider-shutdown"));
        server.awaitTermination();
    }
}
