package dev.keyless.preview.host;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.aws.s3.BucketV2;
import dev.keyless.preview.engine.InProcessRun;
import dev.keyless.preview.engine.StackSettings;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.ResourceMonitorGrpc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to the server as a program's SDK would, without starting a program. */
class EngineServerTest {
    private static final StackSettings SETTINGS = StackSettings.of("demo", "dev").withConfig("aws:region", "ap-south-1");
    private static final String STACK_URN = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";

    @Test
    void recordsRegistrationsWithTheSimulatedCloudsAnswers() throws Exception {
        var err = new ByteArrayOutputStream();
        try (var deployment = SimulatedDeployment.start(SETTINGS)) {
            var server = EngineServer.start(deployment, new PrintStream(err, true, StandardCharsets.UTF_8));
            var channel = channelTo(server.address());
            try {
                var monitor = ResourceMonitorGrpc.newBlockingStub(channel);
                var stack = monitor.registerResource(RegisterResourceRequest.newBuilder()
                        .setType("pulumi:pulumi:Stack").setName("demo-dev").build());
                var bucket = monitor.registerResource(RegisterResourceRequest.newBuilder()
                        .setType("aws:s3/bucketV2:BucketV2").setName("logs").setParent(stack.getUrn()).setCustom(true)
                        .setProtect(true)
                        .setObject(Struct.newBuilder().putFields("bucket", text("demo-logs")))
                        .build());

                assertThat(stack.getUrn()).isEqualTo(STACK_URN);
                assertThat(bucket.getId()).isEqualTo("demo-logs");
                assertThat(bucket.getObject().getFieldsOrThrow("region").getStringValue()).isEqualTo("ap-south-1");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                server.close();
            }
            var logs = deployment.monitor().resources().get(1);
            assertThat(logs.name()).isEqualTo("logs");
            assertThat(logs.parentUrn()).isEqualTo(STACK_URN);
            assertThat(logs.protect()).isTrue();
            assertThat(logs.output("arn")).contains("arn:aws:s3:::demo-logs");
        }
    }

    @Test
    void answersFunctionsAndFeatureQueriesFromTheSimulation() throws Exception {
        try (var deployment = SimulatedDeployment.start(SETTINGS)) {
            var server = EngineServer.start(deployment, System.err);
            var channel = channelTo(server.address());
            try {
                var monitor = ResourceMonitorGrpc.newBlockingStub(channel);
                var region = monitor.invoke(ResourceInvokeRequest.newBuilder().setTok("aws:index/getRegion:getRegion").build());
                var secrets = monitor.supportsFeature(SupportsFeatureRequest.newBuilder().setId("secrets").build());

                assertThat(region.getReturn().getFieldsOrThrow("name").getStringValue()).isEqualTo("ap-south-1");
                assertThat(secrets.getHasSupport()).isTrue();
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                server.close();
            }
        }
    }

    @Test
    void collectsLogsPrintingWarningsAndErrorsAndKeepsTheRootResource() throws Exception {
        var err = new ByteArrayOutputStream();
        try (var deployment = SimulatedDeployment.start(SETTINGS)) {
            var server = EngineServer.start(deployment, new PrintStream(err, true, StandardCharsets.UTF_8));
            var channel = channelTo(server.address());
            try {
                var engine = EngineGrpc.newBlockingStub(channel);
                engine.log(LogRequest.newBuilder().setSeverity(LogSeverity.INFO).setMessage("starting").build());
                engine.log(LogRequest.newBuilder().setSeverity(LogSeverity.WARNING).setMessage("deprecated argument").build());
                engine.log(LogRequest.newBuilder().setSeverity(LogSeverity.ERROR).setMessage("it broke").setUrn(STACK_URN).build());
                engine.log(LogRequest.newBuilder().setSeverity(LogSeverity.DEBUG).setMessage("noise").build());
                engine.setRootResource(SetRootResourceRequest.newBuilder().setUrn(STACK_URN).build());

                assertThat(engine.getRootResource(pulumirpc.EngineOuterClass.GetRootResourceRequest.getDefaultInstance()).getUrn())
                        .isEqualTo(STACK_URN);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                server.close();
            }
            assertThat(deployment.recorded(Optional.empty()).diagnostics())
                    .extracting(d -> d.severity().label() + ": " + d.message())
                    .containsExactly("info: starting", "warning: deprecated argument", "error: it broke");
            assertThat(err.toString(StandardCharsets.UTF_8).lines())
                    .containsExactly("warning: deprecated argument", "error: it broke");
        }
    }

    @Test
    void leavesPulumisDeploymentFreeForTheNextRun() {
        try (var deployment = SimulatedDeployment.start(SETTINGS)) {
            assertThat(deployment.monitor().resources()).isEmpty();
        }

        var next = InProcessRun.run(SETTINGS, ctx -> new BucketV2("after"));

        assertThat(next.succeeded()).isTrue();
        assertThat(next.find("aws:s3/bucketV2:BucketV2", "after")).isPresent();
    }

    private static ManagedChannel channelTo(String address) {
        return NettyChannelBuilder.forTarget(address).usePlaintext().build();
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }
}
