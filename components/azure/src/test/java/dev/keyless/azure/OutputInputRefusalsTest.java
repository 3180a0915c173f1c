package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs from another stack are checked together, in the args' field order, once known; a cluster
 * registers none of its children unless all pass, and the same refusal is reported on every run.
 */
class OutputInputRefusalsTest {
    private static final String RG_RULE = "resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' "
            + "(Azure resource group name): 'bad rg!'";
    private static final String BAD_ISSUER = "http://westeurope.oic.prod-aks.azure.com/x/y/";
    private static final String MANAGED_CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final String K8S_PROVIDER = "pulumi:providers:kubernetes";

    @Test
    void anAdoptedClustersResourceGroupFromAnotherStackIsCheckedBeforeAnyChildRegisters() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> {
                var cluster = new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                        .issuerUrl(TestClusters.ISSUER).kubeconfig(TestClusters.KUBECONFIG)
                        .resourceGroupName(Output.of("bad rg!")).build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
            });

            assertThat(failure.message()).as("run %d", run).isEqualTo(RG_RULE);
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("green", "green-k8s");
            assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).isEmpty();
            assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.SERVICE_ACCOUNT)).isEmpty();
        }
    }

    @Test
    void anAdoptedClusterAloneRegistersNothingWhenItsResourceGroupIsRefused() {
        var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                .issuerUrl(Output.of(TestClusters.ISSUER)).kubeconfig(Output.of(TestClusters.KUBECONFIG))
                .resourceGroupName(Output.of("bad rg!")).build()));

        assertThat(failure.message()).isEqualTo(RG_RULE);
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }

    @Test
    void badAdoptedOutputsAreReportedTogetherInFieldOrderOnEveryRun() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                    .resourceGroupName(Output.of("bad rg!")).kubeconfig(Output.of(""))
                    .issuerUrl(Output.of(BAD_ISSUER)).build()));

            assertThat(failure.message()).as("run %d", run)
                    .startsWith("issuerUrl must be an AKS OIDC issuer URL exactly as AKS reports it")
                    .contains(": '" + BAD_ISSUER + "'; kubeconfig must be a non-empty kubeconfig, YAML or JSON: ''; " + RG_RULE)
                    .endsWith(RG_RULE);
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void goodAdoptedOutputsRegisterAsPlainValuesDo() {
        var deployment = SimulatedStack.named("refusals").run(ctx -> {
            var cluster = new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                    .issuerUrl(Output.of(TestClusters.ISSUER)).kubeconfig(Output.of(TestClusters.KUBECONFIG).asSecret())
                    .resourceGroupName(Output.of("shop-rg")).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });

        assertThat(deployment.resource(K8S_PROVIDER, "green-k8s").input("kubeconfig").orElseThrow())
                .isInstanceOf(dev.keyless.preview.engine.SecretValue.class);
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.IDENTITY)).singleElement()
                .satisfies(identity -> assertThat(identity.input("resourceGroupName")).contains("shop-rg"));
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).singleElement()
                .satisfies(credential -> assertThat(credential.input("issuer")).contains(TestClusters.ISSUER));
    }

    @Test
    void aCreatedClustersResourceGroupFromAnotherStackIsCheckedBeforeAnyChildRegisters() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx ->
                    new AksCluster("aks", AksClusterArgs.builder().resourceGroupName(Output.of("bad rg!")).build()));

            assertThat(failure.message()).as("run %d", run).isEqualTo(RG_RULE);
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void aCreatedClusterGoesInAGoodResourceGroupFromAnotherStack() {
        var deployment = SimulatedStack.named("refusals").run(ctx ->
                new AksCluster("aks", AksClusterArgs.builder().resourceGroupName(Output.of("shop-rg")).build()));

        assertThat(deployment.resource(MANAGED_CLUSTER, "aks-cluster").input("resourceGroupName")).contains("shop-rg");
        assertThat(deployment.find("azure-native:resources:ResourceGroup", "aks-rg")).isEmpty();
    }
}
