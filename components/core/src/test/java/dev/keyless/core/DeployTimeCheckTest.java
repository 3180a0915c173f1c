package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A component with a rule known only at deploy time registers none of its children when the rule fails, on every run. */
class DeployTimeCheckTest {
    private static final String REFUSAL = "issuerUrl must be an issuer of the stub cloud: 'http://elsewhere'";

    private static Output<String> failingCheck() {
        return Output.of("http://elsewhere").applyValue(v -> {
            throw InvalidInputException.of("issuerUrl", v, "an issuer of the stub cloud");
        });
    }

    private static void bindWith(DeployTimeCheck check, String component) {
        var mechanism = new StubCloud.Mechanism();
        mechanism.deployTimeCheck = check;
        new FederatedServiceAccount(component, FederatedServiceAccountArgs.builder()
                .cluster(new StubCloud.Cluster("c")).namespace("shop").name("api").identity(mechanism)
                .grant(new StubCloud.Grant("reports")).build());
    }

    @Test
    void aFailingCheckLeavesNoChildRegisteredOnAnyRun() {
        for (var run = 0; run < 10; run++) {
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> bindWith(DeployTimeCheck.of(failingCheck()), "api"));

            assertThat(failure.message()).as("run %d", run).isEqualTo(REFUSAL);
            // The cluster does not depend on the check; whether its provider is registered before
            // the program stops is timing, so only the component's side is asserted.
            assertThat(failure.registeredBesidesStack()).as("run %d", run)
                    .extracting(RegisteredResource::name).isSubsetOf("c", "c-k8s");
        }
    }

    @Test
    void aCheckAfterAFailedOneIsNeverBuiltSoTheEarlierRefusalIsReportedOnEveryRun() {
        for (var run = 0; run < 5; run++) {
            var built = new java.util.concurrent.atomic.AtomicInteger();
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> bindWith(DeployTimeCheck.of(Output.of("fine"))
                    .and(DeployTimeCheck.of(failingCheck()))
                    .and(DeployTimeCheck.afterEarlierPassed(() -> {
                        built.incrementAndGet();
                        return Output.of("x").applyValue(v -> {
                            throw InvalidInputException.of("second", v, "never reported first");
                        });
                    })), "api"));

            assertThat(failure.message()).as("run %d", run).isEqualTo(REFUSAL);
            assertThat(built).as("run %d", run).hasValue(0);
        }
    }

    @Test
    void passingChecksRegisterEverythingAndKeepTheUsersDependencies() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var before = new StubCloud.Cluster("before");
            var mechanism = new StubCloud.Mechanism();
            mechanism.deployTimeCheck = DeployTimeCheck.of(Output.of("https://stub.example/c"));
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(new StubCloud.Cluster("c")).namespace("shop").name("api").identity(mechanism).build(),
                    ComponentResourceOptions.builder().dependsOn(before).build());
        });
        var graph = ResourceGraph.of(deployment);

        assertThat(deployment.resources()).extracting(RegisteredResource::name).contains("api", "api-sa", "api-identity", "c-ns-shop");
        assertThat(graph.waitsFor(deployment.resource(FederatedServiceAccount.TYPE, "api"), deployment.resource("pulumi:providers:kubernetes", "before-k8s")))
                .as("the user's dependsOn is kept").isTrue();
        assertThat(graph.waitsFor(deployment.resource("kubernetes:core/v1:Namespace", "c-ns-shop"), deployment.resource("pulumi:providers:kubernetes", "c-k8s")))
                .as("the namespace still waits for its cluster").isTrue();
    }

    @Test
    void everyOptionTheUserGaveIsKeptBesideTheCheck() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var cluster = new StubCloud.Cluster("c");
            var mechanism = new StubCloud.Mechanism();
            mechanism.deployTimeCheck = DeployTimeCheck.of(Output.of("fine"));
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api").identity(mechanism).build(),
                    ComponentResourceOptions.builder().provider(cluster.kubernetesProvider()).protect(true).build());
        });

        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").protect()).isTrue();
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa").providerUrn())
                .isEqualTo(deployment.resource("pulumi:providers:kubernetes", "c-k8s").urn());
    }

    @Test
    void noCheckLeavesTheOptionsAsTheyAre() {
        var options = ComponentResourceOptions.builder().protect(true).build();
        assertThat(DeployTimeCheck.none().gate(options)).isSameAs(options);
        assertThat(DeployTimeCheck.none().and(DeployTimeCheck.none()).isEmpty()).isTrue();
    }
}
