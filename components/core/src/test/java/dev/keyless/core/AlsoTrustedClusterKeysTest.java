package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys other clusters' children are named by: the component name while unique, then with the kind. */
class AlsoTrustedClusterKeysTest {

    @Test
    void uniqueNamesKeepTheirKeyAndSharedOnesAddTheirKind() {
        SimulatedStack.named("keys").run(ctx -> {
            var createdBlue = new StubCluster("keyless:azure:AksCluster", "blue");
            var adoptedBlue = new StubCluster("keyless:azure:AdoptedAksCluster", "blue");
            var red = new StubCluster("keyless:azure:AdoptedAksCluster", "red");

            assertThat(AlsoTrustedClusters.childKeys(List.of(red))).containsExactly("red");
            assertThat(AlsoTrustedClusters.childKeys(List.of(createdBlue, red))).containsExactly("blue", "red");
            assertThat(AlsoTrustedClusters.childKeys(List.of(createdBlue, red, adoptedBlue)))
                    .containsExactly("blue-aks-cluster", "red", "blue-adopted-aks-cluster");
        });
    }

    @Test
    void twoClustersOfOneNameAndTypeUnderDifferentParentsAreRefused() {
        SimulatedStack.named("keys").run(ctx -> {
            var first = new StubCluster("keyless:azure:AdoptedAksCluster", "blue");
            var parent = new ComponentResource("test:index:Team", "team");
            var second = new StubCluster("keyless:azure:AdoptedAksCluster", "blue", ComponentResourceOptions.builder().parent(parent).build());
            assertThatThrownBy(() -> AlsoTrustedClusters.childKeys(List.of(first, second)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("alsoTrustedBy must be a cluster whose component name and type no other alsoTrustedBy cluster shares "
                            + "(each names the children NAME-credential-blue-adopted-aks-cluster and NAME-sa-blue-adopted-aks-cluster): "
                            + "'stub blue'");
        });
    }

    /** A cluster component of any type token, as each cloud's clusters are. */
    private static final class StubCluster extends ComponentResource implements OidcCluster {
        StubCluster(String type, String name) {
            this(type, name, null);
        }

        StubCluster(String type, String name, ComponentResourceOptions options) {
            super(type, name, options);
        }

        @Override
        public Output<String> issuerUrl() {
            return Output.of("https://issuer.example.com");
        }

        @Override
        public java.util.Optional<String> plainIssuerUrl() {
            return java.util.Optional.of("https://issuer.example.com");
        }

        // Only the name, type and description are read to key clusters.
        @Override
        public Cloud cloud() {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.pulumi.kubernetes.Provider kubernetesProvider() {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.pulumi.resources.Resource readiness() {
            return this;
        }

        @Override
        public IdentityMechanism defaultIdentity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrustDomain trustDomain() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "stub " + pulumiResourceName();
        }
    }
}
