package dev.keyless.core;

import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Several workloads in one cluster: shared namespaces, no shared subjects, nothing lost on removal. */
class WorkloadsInOneClusterTest {
    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";

    private static RecordedDeployment deploy(List<String> workloads) {
        return SimulatedStack.named("core").run(ctx -> {
            var cluster = new StubCloud.Cluster("c");
            for (var workload : workloads) {
                new FederatedServiceAccount(workload, FederatedServiceAccountArgs.builder()
                        .cluster(cluster).namespace("shop").name(workload).build());
            }
        });
    }

    private static Set<String> urns(RecordedDeployment deployment) {
        return deployment.resources().stream().map(RegisteredResource::urn).collect(Collectors.toSet());
    }

    @Test
    void workloadsInOneNamespaceShareOneNamespaceOwnedByTheCluster() {
        var deployment = deploy(List.of("api", "web", "worker"));
        var graph = ResourceGraph.of(deployment);

        var namespace = deployment.resource(NAMESPACE, "c-ns-shop");
        assertThat(deployment.ofType(NAMESPACE)).containsExactly(namespace);
        assertThat(graph.parentOf(namespace).name()).isEqualTo("c");
        for (var workload : List.of("api", "web", "worker")) {
            assertThat(graph.waitsFor(deployment.resource("kubernetes:core/v1:ServiceAccount", workload + "-sa"), namespace))
                    .as(workload).isTrue();
        }
    }

    @Test
    void removingTheFirstWorkloadDeletesOnlyItsOwnResources() {
        var before = urns(deploy(List.of("api", "web", "worker")));
        var after = urns(deploy(List.of("web", "worker")));

        var deleted = before.stream().filter(urn -> !after.contains(urn)).map(urn -> urn.substring(urn.lastIndexOf("::") + 2)).sorted().toList();
        assertThat(deleted).as("what the plan would delete").containsExactly("api", "api-identity", "api-sa");
        assertThat(after).contains(before.stream().filter(urn -> urn.endsWith("::c-ns-shop")).findFirst().orElseThrow());
    }

    @Test
    void twoComponentsBindingOneServiceAccountAreRefusedNamingBoth() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            var cluster = new StubCloud.Cluster("c");
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
            new FederatedServiceAccount("api-copy", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });

        assertThat(failure.message()).isEqualTo("serviceAccount must be bound by one FederatedServiceAccount per stub issuer, but 'api' "
                + "(stub cluster 'c') and 'api-copy' (stub cluster 'c') both bind it in stub issuer 'https://stub.example/c' (the cloud sees "
                + "one subject: a pod of either could use both identities and hold the union of their grants): 'shop/api'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-copy")).isEmpty();
    }

    @Test
    void oneServiceAccountNameInTwoClustersIsTwoSubjects() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            for (var cluster : List.of(new StubCloud.Cluster("blue"), new StubCloud.Cluster("green"))) {
                new FederatedServiceAccount("api-" + cluster.pulumiResourceName(), FederatedServiceAccountArgs.builder()
                        .cluster(cluster).namespace("shop").name("api").build());
            }
        });

        assertThat(deployment.ofType(NAMESPACE)).extracting(RegisteredResource::name).containsExactlyInAnyOrder("blue-ns-shop", "green-ns-shop");
    }

    @Test
    void workloadsInOneNamespaceMustAgreeWhetherKeylessCreatesIt() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            var cluster = new StubCloud.Cluster("c");
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
            new FederatedServiceAccount("web", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("web")
                    .createNamespace(false).build());
        });

        assertThat(failure.message()).isEqualTo(
                "createNamespace must be the same for every workload in namespace 'shop' of stub cluster 'c': 'api' has true: 'false'");
    }

    @Test
    void systemNamespacesAreNeverCreated() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("dns", FederatedServiceAccountArgs.builder()
                .cluster(new StubCloud.Cluster("c")).namespace("kube-system").name("external-dns").build()));
        assertThat(deployment.ofType(NAMESPACE)).isEmpty();
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "dns-sa").input("metadata.namespace")).contains("kube-system");

        for (var system : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount("x", FederatedServiceAccountArgs.builder()
                    .cluster(new StubCloud.Cluster("c")).namespace(system).name("x").createNamespace(true).build()));
            assertThat(failure.message()).as(system).isEqualTo("createNamespace must be false for '" + system
                    + "': Kubernetes creates and owns its system namespaces [default, kube-node-lease, kube-public, kube-system]: 'true'");
        }
    }

    @Test
    void trustInKubeSystemIsWarnedAbout() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("dns", FederatedServiceAccountArgs.builder()
                .cluster(new StubCloud.Cluster("c")).namespace("kube-system").name("external-dns").build()));

        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message).containsExactly(
                "ServiceAccount kube-system/external-dns gets a cloud identity: kube-system holds the cluster's own controllers, "
                        + "and anything that can run pods there can use it");
        var elsewhere = deploy(List.of("api"));
        assertThat(elsewhere.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }
}
