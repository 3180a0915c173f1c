package dev.keyless.landingzone;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.StackReference;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app team's stack reads the landing zone's outputs through a StackReference, as it would with
 * {@code pulumi up}, and builds its Deployment from them: the outputs carry everything the pod needs.
 */
class StackReferenceConsumerTest {
    private static final String LANDING_ZONE_STACK = "acme/landing-zone/aws";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The app team's program: one Deployment running as the workload the landing zone made. */
    @SuppressWarnings("unchecked")
    static void appStack(Context ctx) {
        var zone = new StackReference(LANDING_ZONE_STACK);
        Output<Map<String, Object>> workload = zone.requireOutput("workloads")
                .applyValue(all -> (Map<String, Object>) ((Map<String, Object>) all).get("chartmuseum"));
        var labels = workload.applyValue(w -> {
            var podLabels = new HashMap<>((Map<String, String>) w.get("podLabels"));
            podLabels.put("app", "chartmuseum");
            return (Map<String, String>) podLabels;
        });
        var env = workload.applyValue(w -> ((Map<String, String>) w.get("podEnv")).entrySet().stream()
                .map(e -> EnvVarArgs.builder().name(e.getKey()).value(e.getValue()).build()).toList());
        new Deployment("chartmuseum", DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().namespace(workload.applyValue(w -> (String) w.get("namespace"))).build())
                .spec(DeploymentSpecArgs.builder()
                        .selector(LabelSelectorArgs.builder().matchLabels(Map.of("app", "chartmuseum")).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(workload.applyValue(w -> (String) w.get("serviceAccount")))
                                        .nodeSelector(workload.applyValue(w -> (Map<String, String>) w.get("nodeSelector")))
                                        .containers(ContainerArgs.builder().name("chartmuseum")
                                                .image("ghcr.io/helm/chartmuseum:v0.16.5").env(env).build())
                                        .build())
                                .build())
                        .build())
                .build());
        ctx.export("identity", workload.applyValue(w -> (String) w.get("identity")));
    }

    @Test
    void anAppStackBuildsItsPodFromTheLandingZonesOutputs() {
        var landingZone = SimulatedStack.fromProject(Path.of(".."), "aws").run(LandingZone::stack);
        var registered = new ConcurrentHashMap<String, Map<String, Object>>();
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.put(args.type, args.inputs);
                if (args.type.equals("pulumi:pulumi:StackReference")) {
                    // What the Pulumi service answers for the landing zone's stack: its outputs.
                    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), Map.of(
                            "name", args.name, "outputs", landingZone.stackOutputs(), "secretOutputNames", List.of())));
                }
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };

        var result = PulumiTest.withMocks(mocks).runTest(StackReferenceConsumerTest::appStack).throwOnError();

        var deployment = registered.get("kubernetes:apps/v1:Deployment");
        assertThat(deployment).isNotNull();
        assertThat(at(deployment, "metadata", "namespace")).isEqualTo("chartmuseum");
        var pod = (Map<String, Object>) at(deployment, "spec", "template", "spec");
        assertThat(pod).containsEntry("serviceAccountName", "chartmuseum").containsEntry("nodeSelector", Map.of());
        assertThat(((List<Map<String, Object>>) pod.get("containers")).get(0).get("env"))
                .isEqualTo(List.of(Map.of("name", "AWS_SDK_LOAD_CONFIG", "value", "true")));
        assertThat(at(deployment, "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "chartmuseum"));
        assertThat(PulumiTest.extractValue(result.output("identity")))
                .isEqualTo("arn:aws:iam::123456789012:role/chartmuseum-role-xxxxxxx");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... path) {
        Object value = map;
        for (var key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }
}
