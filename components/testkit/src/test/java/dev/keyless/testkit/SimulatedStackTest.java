package dev.keyless.testkit;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.SecretValue;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedStackTest {

    @Test
    void readsProjectAndStackConfigurationLikePulumi() {
        var stack = SimulatedStack.fromProject(Path.of("src/test/resources/sample-program"), "dev");

        assertThat(stack.settings().project()).isEqualTo("sample");
        assertThat(stack.settings().stack()).isEqualTo("dev");
        assertThat(stack.settings().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sample:team", "payments",
                "kubernetes:namespace", "apps",
                "sample:replicas", "2"));
    }

    @Test
    void programsSeeConfigurationAndSecretsStaySecret() {
        var deployment = SimulatedStack.named("sample").config("team", "payments").secretConfig("token", "s3cr3t")
                .run(ctx -> {
                    var team = ctx.config().require("team");
                    new ConfigMap("settings", ConfigMapArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name(team).build())
                            .data(ctx.config().requireSecret("token").applyValue(t -> Map.of("token", t)))
                            .build());
                });

        var configMap = deployment.resource("kubernetes:core/v1:ConfigMap", "settings");
        assertThat(configMap.input("metadata.name")).contains("payments");
        assertThat(configMap.inputs().get("data")).isInstanceOf(SecretValue.class);
        assertThat(((SecretValue) configMap.inputs().get("data")).plaintext()).isEqualTo(Map.of("token", "s3cr3t"));
        assertThat(configMap.outputs().get("data")).isInstanceOf(SecretValue.class);
    }

    @Test
    void aFailingProgramFailsTheTestWithItsOwnError() {
        assertThatThrownBy(() -> SimulatedStack.named("sample").run(ctx -> {
            throw new IllegalStateException("no cluster configured");
        })).isInstanceOf(AssertionFailedError.class).hasMessageContaining("no cluster configured");
    }

    @Test
    void warningsTheProgramLogsAreThereToAssertOn() {
        var deployment = SimulatedStack.named("sample").run(ctx -> {
            var namespace = new Namespace("apps", NamespaceArgs.builder().build());
            ctx.log().warn("apps has no resource quota", namespace);
            ctx.log().info("two teams share apps");
        });

        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message)
                .containsExactly("apps has no resource quota");
        assertThat(deployment.diagnostics()).extracting(d -> d.severity().label() + ": " + d.message())
                .containsExactly("warning: apps has no resource quota", "info: two teams share apps");
    }

    @Test
    void aProgramThatLogsAnErrorFailsTheTest() {
        assertThatThrownBy(() -> SimulatedStack.named("sample").run(ctx -> ctx.log().error("quota exhausted")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the program logged errors: [quota exhausted]");
    }

    @Test
    void expectingAFailureOfAProgramThatSucceedsFailsTheTest() {
        assertThatThrownBy(() -> SimulatedStack.named("sample").runExpectingFailure(ctx -> { }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the program was expected to fail but registered 1 resources");
    }

    @Test
    void failuresKeepWhatWasRegisteredBeforeThem() {
        var failure = SimulatedStack.named("sample").runExpectingFailure(ctx -> {
            new Namespace("apps", NamespaceArgs.builder().build());
            throw new IllegalArgumentException("bad input");
        });

        assertThat(failure.message()).isEqualTo("bad input");
        assertThat(failure.registeredBesidesStack()).extracting(r -> r.name()).containsExactly("apps");
    }

    @Test
    void graphFollowsParentsAndDependencies() {
        var deployment = SimulatedStack.named("sample").run(ctx -> {
            var namespace = new Namespace("apps", NamespaceArgs.builder().build());
            var first = new ConfigMap("first", ConfigMapArgs.builder()
                    .metadata(ObjectMetaArgs.builder().namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow())).build())
                    .build());
            new ConfigMap("second", ConfigMapArgs.builder().build(),
                    CustomResourceOptions.builder().dependsOn(first).parent(first).build());
            new ConfigMap("independent", ConfigMapArgs.builder().build());
        });
        var graph = ResourceGraph.of(deployment);
        var namespace = deployment.resource("kubernetes:core/v1:Namespace", "apps");
        var first = deployment.resource("kubernetes:core/v1:ConfigMap", "first");
        var second = deployment.resource("kubernetes:core/v1:ConfigMap", "second");
        var independent = deployment.resource("kubernetes:core/v1:ConfigMap", "independent");

        assertThat(graph.waitsFor(first, namespace)).as("through an input").isTrue();
        assertThat(graph.waitsFor(second, first)).as("through dependsOn").isTrue();
        assertThat(graph.waitsFor(second, namespace)).isFalse();
        assertThat(graph.waitsForTransitively(second, namespace)).isTrue();
        assertThat(graph.waitsForTransitively(independent, namespace)).isFalse();
        assertThat(graph.parentOf(second).name()).isEqualTo("first");
        assertThat(graph.ancestorsOf(second)).extracting(r -> r.name()).containsExactly("first", "sample-dev");
    }

    @Test
    void resourceLookupsNameWhatExists() {
        var deployment = SimulatedStack.named("sample").run(ctx -> new Namespace("apps", NamespaceArgs.builder().build()));

        assertThatThrownBy(() -> deployment.resource("kubernetes:core/v1:Namespace", "web"))
                .hasMessage("no kubernetes:core/v1:Namespace named 'web' was registered; kubernetes:core/v1:Namespace resources: [apps]");
    }

    @Test
    void twoResourcesWithOneUrnAreRefusedAsTheEngineRefusesThem() {
        var failure = SimulatedStack.named("kit").runExpectingFailure(ctx -> {
            new Namespace("apps", NamespaceArgs.builder().build());
            new Namespace("apps", NamespaceArgs.builder().build());
        });

        assertThat(failure.message()).contains(
                "Duplicate resource URN 'urn:pulumi:dev::kit::kubernetes:core/v1:Namespace::apps'; try giving it a unique name");
        assertThat(failure.deployment().ofType("kubernetes:core/v1:Namespace")).hasSize(1);
    }

    @Test
    void jsonComparesAsData() {
        assertThat(Json.parse("{\"a\": [1, 2], \"b\": \"x\"}")).isEqualTo(Json.parse("{\"b\":\"x\",\"a\":[1,2]}"));
        assertThat(Json.parse("{\"a\": [1, 2]}")).isNotEqualTo(Json.parse("{\"a\": [2, 1]}"));
        assertThatThrownBy(() -> Json.parse("not json")).hasMessage("not JSON: not json");
    }

    @Test
    void onlyLoadBalancerServicesGetAnExternalAddress() {
        var deployment = SimulatedStack.named("sample").run(ctx -> {
            new com.pulumi.kubernetes.core.v1.Service("public", com.pulumi.kubernetes.core.v1.ServiceArgs.builder()
                    .spec(com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs.builder().type("LoadBalancer").build()).build());
            new com.pulumi.kubernetes.core.v1.Service("internal", com.pulumi.kubernetes.core.v1.ServiceArgs.builder()
                    .spec(com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs.builder().type("ClusterIP").build()).build());
        });

        assertThat(deployment.resource("kubernetes:core/v1:Service", "public").output("status.loadBalancer.ingress.0.hostname"))
                .contains("service-address.placeholder.example");
        assertThat(deployment.resource("kubernetes:core/v1:Service", "internal").output("status")).isEmpty();
    }
}
