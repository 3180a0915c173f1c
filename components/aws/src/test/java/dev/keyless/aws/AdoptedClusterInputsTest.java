package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopted values that would make trust that never works are refused, whether they arrive plain
 * (at the setter, before anything is registered) or as Outputs from another stack (once known,
 * before the role that would trust them is registered).
 */
class AdoptedClusterInputsTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final List<String> BAD_ISSUERS = List.of(
            TestClusters.ISSUER + "/",
            TestClusters.ISSUER + "?x=1",
            "https://oidc.eks.eu-west-1.amazonaws.com:8443/id/ABC",
            "https://oidc.eks.eu-west-1.amazonaws.com/id/*",
            "http://oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            "https://user@oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC#x",
            "");

    /** Binds a workload to a cluster adopted with the given builder, as a program would. */
    private static ProgramFailure bindFailing(Function<AdoptedEksClusterArgs.Builder, AdoptedEksClusterArgs.Builder> adopt) {
        return SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
            var cluster = new AdoptedEksCluster("green", adopt.apply(AdoptedEksClusterArgs.builder()).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });
    }

    private static AdoptedEksClusterArgs.Builder valid(AdoptedEksClusterArgs.Builder b) {
        return b.clusterName("green").issuerUrl(TestClusters.ISSUER).oidcProviderArn(TestClusters.PROVIDER_ARN).kubeconfig("{}");
    }

    @Test
    void issuersThatMakeUnmatchableConditionKeysAreRefusedWhenPlain() {
        for (var issuer : BAD_ISSUERS) {
            assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().issuerUrl(issuer)).as(issuer)
                    .hasMessage("issuerUrl must be " + EksNames.ISSUER_RULE + ": '" + issuer + "'");
        }
    }

    @Test
    void issuersThatMakeUnmatchableConditionKeysAreRefusedWhenOutputs() {
        for (var issuer : BAD_ISSUERS) {
            var failure = bindFailing(b -> valid(b).issuerUrl(Output.of(issuer)).oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)));
            assertThat(failure.message()).as(issuer).contains("issuerUrl must be " + EksNames.ISSUER_RULE + ": '" + issuer + "'");
            assertThat(failure.deployment().ofType(ROLE)).as("no role trusts it").isEmpty();
        }
    }

    @Test
    void aProviderOfAnotherIssuerIsRefusedOnBothPaths() {
        var plain = bindFailing(b -> valid(b).oidcProviderArn(TestClusters.OTHER_PROVIDER_ARN));
        assertThat(plain.message()).isEqualTo("oidcProviderArn must be the IAM OIDC provider of issuerUrl, ending oidc-provider/"
                + TestClusters.ISSUER_HOST_PATH + ": '" + TestClusters.OTHER_PROVIDER_ARN + "'");
        assertThat(plain.registeredBesidesStack()).isEmpty();

        var outputs = bindFailing(b -> valid(b).oidcProviderArn(Output.of(TestClusters.OTHER_PROVIDER_ARN)));
        assertThat(outputs.message()).contains("oidcProviderArn must be the IAM OIDC provider of issuerUrl");
        assertThat(outputs.deployment().ofType(ROLE)).isEmpty();
    }

    @Test
    void aBadValueFromAnotherStackLeavesNothingOfTheClusterOrItsWorkloadsRegisteredOnAnyRun() {
        for (var run = 0; run < 5; run++) {
            // Without a provider ARN the cluster would create NAME-oidc for the issuer.
            var failure = SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
                var cluster = new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder().clusterName("green")
                        .issuerUrl(Output.of(BAD_ISSUERS.get(0))).kubeconfig("{}").build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                        .grant(S3Access.readOnly("shop-catalog")).build());
            });

            assertThat(failure.message()).as("run %d", run)
                    .isEqualTo("issuerUrl must be " + EksNames.ISSUER_RULE + ": '" + BAD_ISSUERS.get(0) + "'");
            // The workload component itself may register; nothing that reaches AWS or the cluster does.
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(dev.keyless.preview.engine.RegisteredResource::name)
                    .isSubsetOf("api");
        }
    }

    @Test
    void aWildcardProviderArnIsRefusedOnBothPaths() {
        var wildcard = "arn:aws:iam::111122223333:oidc-provider/*";
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().oidcProviderArn(wildcard))
                .hasMessage("oidcProviderArn must be " + Arns.OIDC_PROVIDER_RULE + ": '" + wildcard + "'");
        assertThat(bindFailing(b -> valid(b).oidcProviderArn(Output.of(wildcard))).message())
                .contains("oidcProviderArn must be " + Arns.OIDC_PROVIDER_RULE + ": '" + wildcard + "'");
    }

    @Test
    void clusterNamesAndKubeconfigsAreCheckedOnBothPaths() {
        for (var name : List.of("", "my cluster!")) {
            assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().clusterName(name))
                    .hasMessage("clusterName must be " + EksNames.CLUSTER_NAME_RULE + ": '" + name + "'");
            assertThat(SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
                var cluster = new AdoptedEksCluster("green", valid(AdoptedEksClusterArgs.builder()).clusterName(Output.of(name)).podIdentityAgent(true).build());
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                        .identity(PodIdentity.defaults()).build());
            }).message()).as(name).contains("clusterName must be " + EksNames.CLUSTER_NAME_RULE + ": '" + name + "'");
        }
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().kubeconfig(" "))
                .hasMessage("kubeconfig must be a non-empty kubeconfig, YAML or JSON: ' '");
        assertThat(bindFailing(b -> valid(b).kubeconfig(Output.of(""))).message())
                .contains("kubeconfig must be a non-empty kubeconfig, YAML or JSON: ''");
    }

    @Test
    void theSameIssuerAdoptedTwiceIsRefusedRatherThanRepeatedInTrust() {
        var failure = SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
            var green = TestClusters.adopted("green");
            var again = TestClusters.adoptedWithIssuer("green-again", TestClusters.ISSUER);
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(green).namespace("shop").name("api")
                    .identity(IrsaIdentity.builder().alsoTrustedBy(again).build()).build());
        });

        assertThat(failure.message()).contains("alsoTrustedBy must be a cluster with an issuer of its own, but it has the issuer of "
                + "adopted EKS cluster 'green' (the same cluster adopted twice?): 'adopted EKS cluster 'green-again''");
        assertThat(failure.deployment().ofType(ROLE)).isEmpty();
    }

    @Test
    void nullsNameTheirOwnField() {
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().kubeconfig((Output<String>) null))
                .hasMessage("kubeconfig must be a kubeconfig, not null: 'null'");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().kubeconfig((String) null))
                .hasMessage("kubeconfig must be a non-empty kubeconfig, YAML or JSON: 'null'");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().clusterName((String) null))
                .hasMessage("clusterName must be " + EksNames.CLUSTER_NAME_RULE + ": 'null'");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().clusterName((Output<String>) null))
                .hasMessage("clusterName must be the EKS cluster's name, not null: 'null'");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().issuerUrl((Output<String>) null))
                .hasMessage("issuerUrl must be the cluster's OIDC issuer URL, not null: 'null'");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().oidcProviderArn((String) null))
                .hasMessage("oidcProviderArn must be " + Arns.OIDC_PROVIDER_RULE + ": 'null'");
    }

    @Test
    void validOutputsFromAnotherStackBindAsPlainValuesDo() {
        var deployment = SimulatedStack.named("adopted").run(ctx -> {
            var cluster = new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder()
                    .clusterName(Output.of("green")).issuerUrl(Output.of(TestClusters.ISSUER))
                    .oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)).kubeconfig(Output.of("{}")).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });

        assertThat((String) deployment.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow())
                .contains(TestClusters.PROVIDER_ARN).contains(TestClusters.ISSUER_HOST_PATH + ":sub");
    }

    @Test
    void aKubeconfigObjectAsPulumiEksExportsItIsWrittenAsJson() {
        Output<Object> pulumiEksShape = Output.of(java.util.Map.of("apiVersion", "v1", "kind", "Config",
                "clusters", List.of(java.util.Map.of("name", "kubernetes", "cluster", java.util.Map.of("server", "https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com")))));
        var deployment = SimulatedStack.named("adopted").run(ctx -> new AdoptedEksCluster("green", valid(AdoptedEksClusterArgs.builder())
                .kubeconfigFromStackOutput(pulumiEksShape).build()));

        var provider = deployment.resource("pulumi:providers:kubernetes", "green-k8s");
        var kubeconfig = provider.input("kubeconfig").map(v -> v instanceof dev.keyless.preview.engine.SecretValue s ? s.plaintext() : v).orElseThrow();
        assertThat(dev.keyless.testkit.Json.parse(kubeconfig)).isEqualTo(dev.keyless.testkit.Json.parse("""
                {"apiVersion": "v1", "kind": "Config",
                 "clusters": [{"name": "kubernetes", "cluster": {"server": "https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com"}}]}
                """));

        var text = SimulatedStack.named("adopted").run(ctx -> new AdoptedEksCluster("green", valid(AdoptedEksClusterArgs.builder())
                .kubeconfigFromStackOutput(Output.of("apiVersion: v1\nkind: Config\n")).build()));
        assertThat(text.resource("pulumi:providers:kubernetes", "green-k8s").input("kubeconfig")
                .map(v -> v instanceof dev.keyless.preview.engine.SecretValue s ? s.plaintext() : v).orElseThrow())
                .isEqualTo("apiVersion: v1\nkind: Config\n");

        var number = bindFailing(b -> valid(b).kubeconfigFromStackOutput(Output.of(42)));
        assertThat(number.message()).contains("kubeconfig must be a kubeconfig as text or as an object (a stack output such as pulumi-eks's kubeconfig): '42'");
    }

    @Test
    void aServiceAccountTrustedFromAnotherClusterCannotBeBoundThereByAnotherComponent() {
        var failure = SimulatedStack.named("adopted").runExpectingFailure(ctx -> {
            var green = TestClusters.adopted("green");
            var blue = TestClusters.blue();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(green).namespace("shop").name("api")
                    .identity(IrsaIdentity.builder().alsoTrustedBy(blue).build()).build());
            new FederatedServiceAccount("api-blue", FederatedServiceAccountArgs.builder().cluster(blue).namespace("shop").name("api").build());
        });

        assertThat(failure.message()).isEqualTo("serviceAccount must be bound by one FederatedServiceAccount per OIDC issuer, but 'api' "
                + "(adopted EKS cluster 'blue') and 'api-blue' (adopted EKS cluster 'blue') both bind it in OIDC issuer '" + TestClusters.OTHER_ISSUER
                + "' (the cloud sees one subject: a pod of either could use both identities and hold the union of their grants): 'shop/api'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-blue")).isEmpty();
    }
}
