package dev.keyless.core;

import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud-neutral input rules: component names, nulls, labels, the builder method named in messages. */
class InputRulesTest {

    private static String failure(Consumer<FederatedServiceAccountArgs.Builder> customise) {
        var builder = FederatedServiceAccountArgs.builder().cluster(new NoCluster()).namespace("shop").name("api");
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(() -> customise.accept(builder), InvalidInputException.class);
        assertThat(error).as("an InvalidInputException").isNotNull();
        return error.getMessage();
    }

    @Test
    void emptyAndNullComponentNamesAreRefusedBeforeRegistration() {
        for (var name : new String[] {"", " ", null}) {
            var failed = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount(name,
                    FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c")).namespace("shop").name("api").build()));
            assertThat(failed.message()).isEqualTo("name must be a non-empty component name (it prefixes every child's name): '" + name + "'");
            assertThat(failed.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
        }
    }

    @Test
    void nullsAreReportedAsTheFieldTheUserGave() {
        assertThat(failure(b -> b.cluster(null))).isEqualTo("cluster must be an OidcCluster (EksCluster, AdoptedEksCluster, ...), not null: 'null'");
        assertThat(failure(b -> b.identity(null))).isEqualTo("identity must be an IdentityMechanism such as IrsaIdentity.defaults(), not null: 'null'");
        assertThat(failure(b -> b.grant(null))).isEqualTo("grant must be an AccessGrant such as S3Access.readWrite(bucket), not null: 'null'");
        assertThat(failure(b -> b.label(null, "x"))).isEqualTo("label key must be a label key, not null: 'null'");
        assertThat(failure(b -> b.label("team", null))).isEqualTo("label value must be a label value (empty is allowed), not null: 'null'");
        assertThat(failure(b -> b.namespace(null))).startsWith("namespace must be a DNS-1123 label");
        assertThat(failure(b -> b.name(null))).startsWith("name must be a DNS-1123 subdomain");
        var noArgs = SimulatedStack.named("core").runExpectingFailure(ctx -> new FederatedServiceAccount("api", null));
        assertThat(noArgs.message()).isEqualTo("args must be FederatedServiceAccountArgs, not null: 'null'");
    }

    @Test
    void theMessageNamesTheBuilderMethodTheUserCalled() {
        assertThat(failure(b -> b.name("Api"))).isEqualTo("name must be " + KubernetesNames.SUBDOMAIN_RULE + ": 'Api'");
        assertThat(failure(b -> b.namespace("Shop"))).isEqualTo("namespace must be " + KubernetesNames.LABEL_RULE + ": 'Shop'");
    }

    @Test
    void labelsFollowKubernetesRules() {
        assertThat(failure(b -> b.label("Bad Key!", "x"))).isEqualTo("label key must be " + KubernetesLabels.KEY_RULE + ": 'Bad Key!'");
        assertThat(failure(b -> b.label("team", "v".repeat(64)))).isEqualTo("label value must be " + KubernetesLabels.VALUE_RULE + ": '" + "v".repeat(64) + "'");
        assertThat(failure(b -> b.label("team", "-x"))).startsWith("label value must be");
        assertThat(failure(b -> b.label("kubernetes.io/team", "x"))).startsWith("label key must be a label key");
        assertThat(failure(b -> b.label("Example.com/team", "x"))).startsWith("label key must be a label key");
        assertThat(failure(b -> b.label("example.com/" + "n".repeat(64), "x"))).startsWith("label key must be a label key");
        assertThat(failure(b -> b.label("app.kubernetes.io/managed-by", "me"))).isEqualTo(
                "label key must be a key keyless does not set itself (it marks what Pulumi manages): 'app.kubernetes.io/managed-by'");

        var accepted = FederatedServiceAccountArgs.builder().label("app.kubernetes.io/name", "chartmuseum").label("team", "")
                .label("example.com/cost_centre.v2", "A-1_b.2");
        assertThat(accepted).isNotNull();
    }

    /** A cluster no test binds to: the builder checks values without using it. */
    private static final class NoCluster implements OidcCluster {
        @Override
        public com.pulumi.kubernetes.Provider kubernetesProvider() {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.pulumi.resources.Resource readiness() {
            throw new UnsupportedOperationException();
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
            return "no cluster";
        }

        @Override
        public Cloud cloud() {
            return StubCloud.STUB;
        }

        @Override
        public com.pulumi.core.Output<String> issuerUrl() {
            throw new UnsupportedOperationException();
        }
    }
}
