package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.keyless.gcp.GcpFederationTest.POOL_ID;
import static dev.keyless.gcp.GcpFederationTest.POOL_TYPE;
import static dev.keyless.gcp.GcpFederationTest.PROVIDER_TYPE;
import static dev.keyless.gcp.GcpFederationTest.stack;
import static dev.keyless.gcp.GcpFederationTest.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each refusal of federation into GCP, and what the refused workload leaves registered: nothing. */
class GcpFederationRefusalsTest {
    private static final String GREEN_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/GREEN";
    private static final String ID_RULE = "a workload identity pool or provider id: 4 to 32 characters of [a-z0-9-], "
            + "not starting with 'gcp-' (reserved by Google)";

    private static List<String> names(ProgramFailure failure) {
        return failure.deployment().resources().stream().map(RegisteredResource::name).toList();
    }

    private static void registeredNothingOf(ProgramFailure failure, String workload) {
        assertThat(names(failure)).noneMatch(name -> name.startsWith(workload));
    }

    @Test
    void idsGoogleWouldRefuseAreRefusedAtTheBuilder() {
        assertThatThrownBy(() -> GcpFederation.builder().providerId("gcp-api")).isInstanceOf(InvalidInputException.class)
                .hasMessage("providerId must be " + ID_RULE + ": 'gcp-api'");
        assertThatThrownBy(() -> GcpFederation.builder().poolId("abc")).isInstanceOf(InvalidInputException.class)
                .hasMessage("poolId must be " + ID_RULE + ": 'abc'");
        assertThatThrownBy(() -> GcpFederation.builder().poolId("Shop_Pool")).isInstanceOf(InvalidInputException.class)
                .hasMessage("poolId must be " + ID_RULE + ": 'Shop_Pool'");
        assertThatThrownBy(() -> GcpFederation.builder().poolId("a".repeat(33))).isInstanceOf(InvalidInputException.class)
                .hasMessage("poolId must be " + ID_RULE + ": '" + "a".repeat(33) + "'");
        assertThat(WorkloadIdentityPoolIds.requireId("poolId", "a".repeat(32))).hasSize(32);
        assertThat(WorkloadIdentityPoolIds.requireId("poolId", "abcd")).isEqualTo("abcd");
    }

    @Test
    void derivedProviderIdsAreValidAndDistinctWhateverTheNames() {
        var longOne = WorkloadIdentityPoolIds.deriveProviderId("payments-team-production", "ledger-reconciliation-worker");
        var otherLong = WorkloadIdentityPoolIds.deriveProviderId("payments-team-production", "ledger-reconciliation-writer");
        var reserved = WorkloadIdentityPoolIds.deriveProviderId("gcp", "sa");

        assertThat(List.of(longOne, otherLong, reserved)).allSatisfy(id -> WorkloadIdentityPoolIds.requireId("providerId", id));
        assertThat(longOne).isNotEqualTo(otherLong).startsWith("payments-team-production-");
        assertThat(reserved).startsWith("k8s-sa-");
        assertThat(WorkloadIdentityPoolIds.deriveProviderId("shop", "api")).isEqualTo("shop-api");
        assertThat(WorkloadIdentityPoolIds.deriveProviderId("payments-team-production", "ledger-reconciliation-worker")).isEqualTo(longOne);
    }

    @Test
    void twoWorkloadsOneProviderIdInThePoolAreRefusedAtTheSecond() {
        var failure = stack().runExpectingFailure(ctx -> {
            var blue = new ForeignCluster("blue");
            var federation = GcpFederation.builder().providerId("shop-api");
            new FederatedServiceAccount("api", workload(blue, "shop", "api").grant(GcsAccess.readOnly("shop-catalog"))
                    .mechanism(federation.build()).build());
            new FederatedServiceAccount("worker", workload(blue, "shop", "worker").grant(GcsAccess.readOnly("shop-catalog"))
                    .mechanism(federation.build()).build());
        });

        assertThat(failure.message()).isEqualTo("providerId must be a provider id no other workload uses in workload identity pool '"
                + POOL_ID + "', but 'api' and 'worker' both use it: 'shop-api'");
        registeredNothingOf(failure, "worker");
    }

    @Test
    void twoIssuersOnePoolIdInOneGivenProjectAreRefusedAtTheSecond() {
        var failure = SimulatedStack.named("fed").runExpectingFailure(ctx -> {
            var federation = GcpFederation.builder().project("shop-prod-4711").poolId("shop-clusters");
            new FederatedServiceAccount("api", workload(new ForeignCluster("blue"), "shop", "api")
                    .grant(GcsAccess.readOnly("shop-catalog")).mechanism(federation.build()).build());
            new FederatedServiceAccount("worker", workload(new ForeignCluster("green", Optional.of(GREEN_ISSUER), Output.of(GREEN_ISSUER)),
                    "shop", "worker").grant(GcsAccess.readOnly("shop-catalog")).mechanism(federation.build()).build());
        });

        assertThat(failure.message()).isEqualTo("poolId must be a workload identity pool id no other issuer's pool uses in project "
                + "'shop-prod-4711', but 'worker' would give it to a second pool: 'shop-clusters'");
        registeredNothingOf(failure, "worker");
        assertThat(failure.deployment().ofType(POOL_TYPE)).hasSize(1);
    }

    @Test
    void twoIssuersOnePoolIdInTheProvidersProjectAreRefusedOnceTheProjectIsKnown() {
        var failure = stack().runExpectingFailure(ctx -> {
            var federation = GcpFederation.builder().poolId("shop-clusters");
            new FederatedServiceAccount("api", workload(new ForeignCluster("blue"), "shop", "api")
                    .grant(GcsAccess.readOnly("shop-catalog")).mechanism(federation.build()).build());
            new FederatedServiceAccount("worker", workload(new ForeignCluster("green", Optional.of(GREEN_ISSUER), Output.of(GREEN_ISSUER)),
                    "shop", "worker").grant(GcsAccess.readOnly("shop-catalog")).mechanism(federation.build()).build());
        });

        assertThat(failure.message()).isEqualTo("poolId must be a workload identity pool id no other issuer's pool uses in project "
                + "'shop-prod-4711', but 'worker' would give it to a second pool: 'shop-clusters'");
        registeredNothingOf(failure, "worker");
        assertThat(failure.deployment().ofType(POOL_TYPE)).extracting(RegisteredResource::name).containsExactly("blue-gcp-pool");
    }

    @Test
    void workloadsOfOneIssuerThatAskForAnotherPoolIdAreRefused() {
        var failure = stack().runExpectingFailure(ctx -> {
            var blue = new ForeignCluster("blue");
            new FederatedServiceAccount("api", workload(blue, "shop", "api").grant(GcsAccess.readOnly("shop-catalog")).build());
            new FederatedServiceAccount("worker", workload(blue, "shop", "worker").grant(GcsAccess.readOnly("shop-catalog"))
                    .mechanism(GcpFederation.builder().poolId("other-pool").build()).build());
        });

        assertThat(failure.message()).isEqualTo("poolId must be the id every workload of this issuer in the default gcp provider's "
                + "project uses for its one pool: 'api' uses '" + POOL_ID + "': 'other-pool'");
        registeredNothingOf(failure, "worker");
    }

    @Test
    void anIssuerThatIsNotHttpsIsRefusedBeforeAnythingOfTheWorkload() {
        var failure = stack().runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                workload(new ForeignCluster("blue", Optional.of("http://issuer.example/blue"), Output.of("http://issuer.example/blue")),
                        "shop", "api").grant(GcsAccess.readOnly("shop-catalog")).build()));

        assertThat(failure.message()).startsWith("issuer of EKS cluster 'blue' must be an https URL").endsWith(": 'http://issuer.example/blue'");
        registeredNothingOf(failure, "api");
        assertThat(failure.deployment().ofType(POOL_TYPE)).isEmpty();
    }

    @Test
    void anIssuerKnownOnlyAtDeployIsCheckedBeforeThePoolProviderOrServiceAccountRegister() {
        var failure = stack().runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                workload(new ForeignCluster("blue", Optional.empty(), Output.of("http://issuer.example/blue")), "shop", "api")
                        .grant(GcsAccess.readOnly("shop-catalog")).build()));

        assertThat(failure.message()).startsWith("issuer of EKS cluster 'blue' must be an https URL").endsWith(": 'http://issuer.example/blue'");
        registeredNothingOf(failure, "api");
        assertThat(failure.deployment().ofType(POOL_TYPE)).isEmpty();
        assertThat(failure.deployment().ofType(PROVIDER_TYPE)).isEmpty();
    }

    @Test
    void noProjectFromTheProviderOrTheOptionsIsRefusedNamingTheOption() {
        var failure = SimulatedStack.named("fed").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                workload(new ForeignCluster("blue"), "shop", "api").grant(GcsAccess.readOnly("shop-catalog")).build()));

        assertThat(failure.message()).isEqualTo("project must be given when the gcp provider names no project (gcp:project): "
                + "the workload identity pool must be in one: ''");
        registeredNothingOf(failure, "api");
        assertThat(failure.deployment().ofType(POOL_TYPE)).isEmpty();
    }

    @Test
    void aSubjectLongerThanGoogleMapsIsRefused() {
        var namespace = "n".repeat(63);
        var name = "s".repeat(50);
        var failure = stack().runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                workload(new ForeignCluster("blue"), namespace, name).grant(GcsAccess.readOnly("shop-catalog")).build()));

        assertThat(failure.message()).isEqualTo("namespace and name must be a subject of at most 127 bytes, the most Google maps "
                + "to google.subject (shorten the namespace or ServiceAccount name): 'system:serviceaccount:" + namespace + ":" + name + "'");
        registeredNothingOf(failure, "api");
    }

    @Test
    void lookupsRunUnderTheComponentWithTheMechanismsProvider() {
        var asked = new ArrayList<InvokeOptions>();
        var provider = new AtomicProvider();
        var deployment = SimulatedStack.named("fed").run(ctx -> {
            provider.set(new com.pulumi.gcp.Provider("analytics", ProviderArgs.builder().project("analytics-prod").build()));
            new FederatedServiceAccount("api", workload(new ForeignCluster("blue"), "shop", "api")
                    .grant(GcsAccess.readOnly("shop-catalog"))
                    .mechanism(GcpFederation.builder().provider(provider.get())
                            .projectIdSource(options -> {
                                asked.add(options);
                                return Output.of("analytics-prod");
                            })
                            .projectNumberSource((project, options) -> {
                                asked.add(options);
                                return Output.of("555555555555");
                            })
                            .build())
                    .build());
        });

        assertThat(asked).hasSize(2).allSatisfy(options -> {
            assertThat(options.getParent().map(Resource::pulumiResourceName)).contains("api");
            assertThat(options.getProvider()).containsSame(provider.get());
        });
        var pool = deployment.resource(POOL_TYPE, "blue-gcp-pool-analytics");
        assertThat(pool.input("project")).contains("analytics-prod");
        assertThat(pool.providerReference()).startsWith(deployment.resource("pulumi:providers:gcp", "analytics").urn());
        assertThat(deployment.resource(PROVIDER_TYPE, "api-gcp-provider").providerReference())
                .startsWith(deployment.resource("pulumi:providers:gcp", "analytics").urn());
    }

    /** Holds the provider the program creates, for the assertions after it ran. */
    private static final class AtomicProvider {
        private com.pulumi.gcp.Provider provider;

        void set(com.pulumi.gcp.Provider provider) {
            this.provider = provider;
        }

        com.pulumi.gcp.Provider get() {
            return provider;
        }
    }
}
