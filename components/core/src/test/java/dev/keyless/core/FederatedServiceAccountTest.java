package dev.keyless.core;

import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedServiceAccountTest {

    @Test
    void kubernetesSideCarriesWhatTheMechanismAsksFor() {
        var mechanism = new StubCloud.Mechanism();
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c"))
                        .namespace("shop").name("api").identity(mechanism).label("team", "shop").build()));

        var sa = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa");
        assertThat(sa.input("metadata.annotations")).contains(Map.of("stub.example/identity", "stub-identity"));
        assertThat(sa.input("metadata.labels")).contains(Map.of("app.kubernetes.io/managed-by", "pulumi", "team", "shop"));
        assertThat(sa.input("automountServiceAccountToken")).contains(false);
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("identity", "stub-identity")
                .containsEntry("podLabels", Map.of("stub.example/use", "true"))
                .containsEntry("podEnv", Map.of("STUB", "1"))
                .containsEntry("nodeSelector", Map.of("os", "linux"));
        assertThat(mechanism.calls).containsExactly("validate api system:serviceaccount:shop:api 0", "bind api-identity");
    }

    @Test
    void serviceAccountWaitsForTheClusterAndTheCloudSide() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c"))
                        .namespace("shop").name("api").identity(new StubCloud.Mechanism()).build()));
        var graph = ResourceGraph.of(deployment);
        var sa = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa");

        assertThat(graph.waitsFor(sa, deployment.resource("test:index:Identity", "api-identity"))).isTrue();
        assertThat(graph.waitsForTransitively(sa, deployment.resource("test:index:Cluster", "c"))).isTrue();
        assertThat(graph.parentOf(deployment.resource("test:index:Identity", "api-identity")).name()).isEqualTo("api");
    }

    @Test
    void withoutANamedMechanismTheClustersDefaultBinds() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c")).namespace("shop").name("api").build()));

        assertThat(deployment.find("test:index:Identity", "api-identity")).isPresent();
    }

    @Test
    void aMechanismThatRejectsStopsEverythingBeforeRegistration() {
        var mechanism = new StubCloud.Mechanism();
        mechanism.rejectWith = InvalidInputException.of("roleName", "x y", "without spaces");
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c"))
                        .namespace("shop").name("api").identity(mechanism).build()));

        assertThat(failure.message()).isEqualTo("roleName must be without spaces: 'x y'");
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
        assertThat(failure.deployment().ofType("kubernetes:core/v1:ServiceAccount")).isEmpty();
    }
}
