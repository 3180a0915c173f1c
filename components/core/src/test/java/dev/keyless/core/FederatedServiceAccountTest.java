package dev.keyless.core;

import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(mechanism.calls).containsExactly("plan api system:serviceaccount:shop:api 0", "bind api-identity");
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

    @Test
    void resourceGrantsBindToThePrincipalAsChildrenKeyedByTheirOwnKey() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c")).namespace("shop").name("api")
                        .grant(new StubCloud.Grant("charts")).grant(new StubCloud.Grant("logs")).build()));
        var graph = ResourceGraph.of(deployment);
        var charts = deployment.resource("test:index:BucketMember", "api-grant-charts");

        assertThat(graph.parentOf(charts).name()).isEqualTo("api");
        assertThat(graph.waitsFor(charts, deployment.resource("test:index:Identity", "api-identity"))).isTrue();
        assertThat(graph.waitsFor(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa"), charts)).isTrue();
        assertThat(deployment.find("test:index:BucketMember", "api-grant-logs")).isPresent();
    }

    @Test
    void aMechanismCalledDirectlyRefusesAGrantOfAnotherCloudNamingItsPosition() {
        SimulatedStack.named("core").run(ctx -> {
            var request = new BindingRequest("api", new ServiceAccountRef("shop", "api"), new StubCloud.Cluster("c"),
                    List.of(new StubCloud.Grant("charts"), new StubCloud.ForeignGrant()));
            assertThatThrownBy(() -> new StubCloud.Mechanism().plan(request)).hasMessage(
                    "grants[1] must be a stub grant for stub: the stub cloud holds only its own: 'foreign access'");
        });
    }

    @Test
    void twoResourceGrantsWithOneChildKeyAreRefusedNamingBothBeforeTheMechanismPlans() {
        var mechanism = new StubCloud.Mechanism();
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c")).namespace("shop").name("api")
                        .identity(mechanism)
                        .grant(new StubCloud.Grant("charts")).grant(new StubCloud.Grant("logs")).grant(new StubCloud.Grant("charts"))
                        .build()));

        assertThat(failure.message()).isEqualTo("grants[2] must be a grant other than grants[0] (stub access to charts): "
                + "both would be the child 'api-grant-charts': 'stub access to charts'");
        assertThat(mechanism.calls).as("the mechanism never sees the request").isEmpty();
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
        assertThat(failure.deployment().ofType("test:index:BucketMember")).isEmpty();
    }

    @Test
    void grantKeysAreCheckedWhereverABindingRequestIsMade() {
        SimulatedStack.named("core").run(ctx -> {
            var cluster = new StubCloud.Cluster("c");
            var account = new ServiceAccountRef("shop", "api");

            assertThat(new BindingRequest("api", account, cluster, List.of(new StubCloud.Grant("charts"), new StubCloud.Grant("logs")))
                    .grants()).hasSize(2);
            assertThatThrownBy(() -> new BindingRequest("api", account, cluster,
                    List.of(new StubCloud.Grant("charts"), new StubCloud.Grant("charts"))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("grants[1] must be a grant other than grants[0] (stub access to charts): "
                            + "both would be the child 'api-grant-charts': 'stub access to charts'");
            // Grants that are not resources (AWS statements) have no child key to compare.
            assertThat(new BindingRequest("api", account, cluster, List.of(new StubCloud.ForeignGrant(), new StubCloud.ForeignGrant()))
                    .grants()).hasSize(2);
        });
    }

    @Test
    void theTypedIdentityIsReachableInItsCloudsShape() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var sa = new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(new StubCloud.Cluster("c")).namespace("shop").name("api").build());
            assertThat(sa.cloudIdentity(StubCloud.Principal.class)).isNotNull();
            assertThatThrownBy(() -> sa.cloudIdentity(OtherIdentity.class)).hasMessage(
                    "cloudIdentity type must be an identity type this binding made: [Principal]: 'OtherIdentity'");
        });
        assertThat(deployment.ofType(FederatedServiceAccount.TYPE)).hasSize(1);
    }

    private interface OtherIdentity extends WorkloadIdentity {
    }
}
