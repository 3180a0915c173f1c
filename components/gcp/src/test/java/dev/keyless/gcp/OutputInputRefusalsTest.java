package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adopted cluster's inputs from another stack are checked together, in the args' field order,
 * once known; the cluster registers none of its children unless all pass, and the same refusal is
 * reported on every run.
 */
class OutputInputRefusalsTest {
    private static final String PROJECT_REFUSAL =
            "projectId must be a project ID: 6 to 30 characters of [a-z0-9-], starting with a letter and not ending with '-': 'Shop Prod'";

    @Test
    void badAdoptedOutputsAreReportedTogetherInFieldOrderOnEveryRun() {
        for (var run = 0; run < 5; run++) {
            // Set in another order than the fields are declared: the message follows the fields.
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> {
                var cluster = new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                        .kubeconfig(Output.of("")).clusterName(Output.of("Green!")).location(Output.of("Europe West"))
                        .projectId(Output.of("Shop Prod")).build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                        .identity(ServiceAccountImpersonation.defaults()).grant(GcsAccess.readOnly("shop-catalog")).build());
            });

            var message = failure.message();
            assertThat(message).as("run %d", run).startsWith(PROJECT_REFUSAL + "; location must be ")
                    .endsWith("kubeconfig must be a non-empty kubeconfig, YAML or JSON: ''");
            assertThat(message.indexOf(": 'Europe West'; clusterName must be ")).as("run %d", run).isPositive();
            assertThat(message.indexOf(": 'Green!'; kubeconfig must be ")).as("run %d", run).isPositive();
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("green", "green-k8s", "api-sa", "api-gsa");
        }
    }

    @Test
    void theSameTwoRefusalsGiveTheSameMessageOnEveryRun() {
        var messages = new java.util.HashSet<String>();
        for (var run = 0; run < 5; run++) {
            messages.add(SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                    .projectId(Output.of("Shop Prod")).location("europe-west1").clusterName("green")
                    .kubeconfig(Output.of("")).build())).message());
        }
        assertThat(messages).containsExactly(PROJECT_REFUSAL + "; kubeconfig must be a non-empty kubeconfig, YAML or JSON: ''");
    }

    @Test
    void goodOutputsRegisterAsPlainValuesDo() {
        var deployment = SimulatedStack.named("refusals").run(ctx -> new AdoptedGkeCluster("green", AdoptedGkeClusterArgs.builder()
                .projectId(Output.of("shop-prod-4711")).location("europe-west1-b").clusterName(Output.of("green"))
                .kubeconfig("apiVersion: v1").build()));

        assertThat(deployment.resource(AdoptedGkeCluster.TYPE, "green").outputs())
                .containsEntry("workloadPool", "shop-prod-4711.svc.id.goog")
                .containsEntry("issuerUrl", "https://container.googleapis.com/v1/projects/shop-prod-4711/locations/europe-west1-b/clusters/green");
        assertThat(deployment.find("pulumi:providers:kubernetes", "green-k8s")).isPresent();
    }
}
