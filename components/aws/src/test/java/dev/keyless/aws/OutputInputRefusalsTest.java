package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs from another stack are checked together, in the args' field order, once known; a cluster
 * registers none of its children unless all pass, and the same refusal is reported on every run.
 */
class OutputInputRefusalsTest {
    private static final String BAD_ISSUER = TestClusters.ISSUER + "/";
    private static final String NAME_REFUSAL = "clusterName must be " + EksNames.CLUSTER_NAME_RULE + ": 'my cluster!'";
    private static final String ISSUER_REFUSAL = "issuerUrl must be " + EksNames.ISSUER_RULE + ": '" + BAD_ISSUER + "'";
    private static final String KUBECONFIG_REFUSAL = "kubeconfig must be a non-empty kubeconfig, YAML or JSON: ''";

    @Test
    void badAdoptedOutputsAreReportedTogetherInFieldOrderOnEveryRun() {
        for (var run = 0; run < 5; run++) {
            // Set in another order than the fields are declared: the message follows the fields.
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder()
                    .kubeconfig(Output.of("")).issuerUrl(Output.of(BAD_ISSUER)).clusterName(Output.of("my cluster!")).build()));

            assertThat(failure.message()).as("run %d", run).isEqualTo(NAME_REFUSAL + "; " + ISSUER_REFUSAL + "; " + KUBECONFIG_REFUSAL);
            // Without a provider ARN the cluster would create green-oidc: nothing registers.
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void twoBadOutputsOfAClusterAWorkloadBindsToGiveOneMessageAndNoTrust() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> {
                var cluster = new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder().clusterName(Output.of("my cluster!"))
                        .issuerUrl(Output.of(BAD_ISSUER)).oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)).kubeconfig("{}").build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                        .grant(S3Access.readOnly("shop-catalog")).build());
            });

            assertThat(failure.message()).as("run %d", run).isEqualTo(NAME_REFUSAL + "; " + ISSUER_REFUSAL);
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("green", "green-k8s", "green-oidc", "api-role", "api-sa");
        }
    }

    @Test
    void aKubeconfigStackOutputIsReadAndCheckedWithTheOtherInputs() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder()
                    .clusterName("green").kubeconfigFromStackOutput(Output.of(42)).issuerUrl(Output.of(BAD_ISSUER)).build()));

            assertThat(failure.message()).as("run %d", run).isEqualTo(ISSUER_REFUSAL
                    + "; kubeconfig must be a kubeconfig as text or as an object (a stack output such as pulumi-eks's kubeconfig): '42'");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void aProviderOfAnotherIssuerIsRefusedOnlyOnceEachInputPassedItsOwnRule() {
        var mismatch = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder()
                .clusterName("green").issuerUrl(Output.of(TestClusters.ISSUER)).oidcProviderArn(Output.of(TestClusters.OTHER_PROVIDER_ARN))
                .kubeconfig("{}").build()));
        assertThat(mismatch.message()).isEqualTo("oidcProviderArn must be the IAM OIDC provider of issuerUrl, ending oidc-provider/"
                + TestClusters.ISSUER_HOST_PATH + ": '" + TestClusters.OTHER_PROVIDER_ARN + "'");
        assertThat(mismatch.registeredBesidesStack()).isEmpty();

        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").runExpectingFailure(ctx -> new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder()
                    .clusterName("green").issuerUrl(Output.of(BAD_ISSUER)).oidcProviderArn(Output.of(TestClusters.OTHER_PROVIDER_ARN))
                    .kubeconfig("{}").build()));
            assertThat(failure.message()).as("run %d", run).isEqualTo(ISSUER_REFUSAL);
        }
    }

    @Test
    void aCreatedClustersSubnetsFromAnotherStackAreCheckedBeforeAnyChildRegisters() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("refusals").config("aws:region", "eu-west-1").runExpectingFailure(ctx ->
                    new EksCluster("platform", EksClusterArgs.builder().subnetIds(Output.of(List.of("subnet-0a1b2c3d"))).build()));

            assertThat(failure.message()).as("run %d", run)
                    .isEqualTo("subnetIds must be at least two subnets in different availability zones (EKS): '[subnet-0a1b2c3d]'");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void goodSubnetsFromAnotherStackAreUsedForClusterAndNodes() {
        var subnets = List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d4e5f60718");
        var deployment = SimulatedStack.named("refusals").config("aws:region", "eu-west-1").run(ctx ->
                new EksCluster("platform", EksClusterArgs.builder().subnetIds(Output.of(subnets)).build()));

        assertThat(deployment.resource("aws:eks/cluster:Cluster", "platform-cluster").input("vpcConfig.subnetIds")).contains(subnets);
        assertThat(deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes").input("subnetIds")).contains(subnets);
    }
}
