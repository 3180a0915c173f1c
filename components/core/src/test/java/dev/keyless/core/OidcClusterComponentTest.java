package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spine every cluster component shares: its name, messages, Kubernetes provider and readiness. */
class OidcClusterComponentTest {
    private static final String PROVIDER = "pulumi:providers:kubernetes";

    /** A cluster of the stub cloud, created (readiness is a node stand-in) or adopted. */
    private static final class StubClusterComponent extends OidcClusterComponent {
        StubClusterComponent(String name, String kind, boolean adopted) {
            super("keyless:test:StubCluster", name, kind, checked(name));
            if (adopted) {
                connectAdopted(Output.of("apiVersion: v1"), List.of());
            } else {
                var nodes = new Namespace(ChildNames.of(name, "nodes"), NamespaceArgs.builder().build(),
                        CustomResourceOptions.builder().parent(this).build());
                connect(Output.of("apiVersion: v1"), List.of(nodes), nodes);
            }
            registerOutputs(java.util.Map.of());
        }

        // As a subclass's validated(...) does: checks, then the options to register with.
        private static ComponentResourceOptions checked(String name) {
            requireArgs(name, "args", "StubArgs");
            return null;
        }

        void connectAgain() {
            connectAdopted(Output.of("apiVersion: v1"), List.of());
        }

        @Override
        public Cloud cloud() {
            return StubCloud.STUB;
        }

        @Override
        public Output<String> issuerUrl() {
            return Output.of("https://issuer.example.com");
        }

        @Override
        public IdentityMechanism defaultIdentity() {
            throw new UnsupportedOperationException("not bound in this test");
        }

        @Override
        public TrustDomain trustDomain() {
            return ownTrustDomain("stub cluster");
        }
    }

    @Test
    void aCreatedClusterOwnsItsProviderWhichWaitsForTheNodesAsWorkloadsDo() {
        var cluster = new java.util.concurrent.atomic.AtomicReference<StubClusterComponent>();
        var deployment = SimulatedStack.named("spine").run(ctx -> cluster.set(new StubClusterComponent("platform", "stub cluster", false)));

        var component = deployment.resource("keyless:test:StubCluster", "platform");
        var provider = deployment.resource(PROVIDER, "platform-k8s");
        var nodes = deployment.resource("kubernetes:core/v1:Namespace", "platform-nodes");
        assertThat(provider.parentUrn()).isEqualTo(component.urn());
        assertThat(provider.dependencies()).containsExactly(nodes.urn());
        assertThat(cluster.get().readiness().pulumiResourceName()).isEqualTo("platform-nodes");
        assertThat(cluster.get().kubernetesProvider().pulumiResourceName()).isEqualTo("platform-k8s");
        assertThat(cluster.get().describe()).isEqualTo("stub cluster 'platform'");
        assertThat(cluster.get().logicalName()).isEqualTo("platform");
        assertThat(cluster.get().trustDomain().plainValue()).contains("platform");
    }

    @Test
    void anAdoptedClusterIsReadyOnceItsProviderIs() {
        var cluster = new java.util.concurrent.atomic.AtomicReference<StubClusterComponent>();
        SimulatedStack.named("spine").run(ctx -> cluster.set(new StubClusterComponent("green", "adopted stub cluster", true)));

        assertThat(cluster.get().readiness()).isSameAs(cluster.get().kubernetesProvider());
        assertThat(cluster.get().describe()).isEqualTo("adopted stub cluster 'green'");
    }

    @Test
    void aClusterConnectsOnce() {
        SimulatedStack.named("spine").run(ctx -> {
            var cluster = new StubClusterComponent("green", "adopted stub cluster", true);
            assertThatThrownBy(cluster::connectAgain).isInstanceOf(IllegalStateException.class)
                    .hasMessage("adopted stub cluster 'green' is connected already");
        });
    }

    @Test
    void theArgsAreCheckedBeforeAnythingRegisters() {
        assertThatThrownBy(() -> new StubClusterComponent(" ", "stub cluster", true)).isInstanceOf(InvalidInputException.class)
                .hasMessage("name must be a non-empty component name (it prefixes every child's name): ' '");
    }
}
