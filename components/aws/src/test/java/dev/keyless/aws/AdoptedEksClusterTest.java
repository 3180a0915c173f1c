package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptedEksClusterTest {

    @Test
    void withoutAProviderArnItCreatesTheOidcProviderForTheIssuer() {
        var deployment = SimulatedStack.named("adopt").run(ctx -> {
            var cluster = new AdoptedEksCluster("legacy", AdoptedEksClusterArgs.builder()
                    .clusterName("legacy")
                    .issuerUrl(TestClusters.ISSUER)
                    .kubeconfig(Output.of("apiVersion: v1"))
                    .build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api").build());
        });

        var provider = deployment.resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "legacy-oidc");
        assertThat(provider.input("url")).contains(TestClusters.ISSUER);
        assertThat(provider.input("clientIdLists")).contains(List.of("sts.amazonaws.com"));
        var trust = Json.parse(deployment.resource("aws:iam/role:Role", "api-role").input("assumeRolePolicy").orElseThrow());
        assertThat(trust.at("/Statement/Principal/Federated").asText())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/" + TestClusters.ISSUER_HOST_PATH);
    }

    @Test
    void withAProviderArnItCreatesNoProviderAndKeepsTheKubeconfigSecret() {
        var deployment = SimulatedStack.named("adopt").run(ctx -> TestClusters.adopted("green"));

        assertThat(deployment.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).isEmpty();
        assertThat(deployment.resource("pulumi:providers:kubernetes", "green-k8s").inputs().get("kubeconfig"))
                .isInstanceOf(SecretValue.class);
        assertThat(deployment.resource(AdoptedEksCluster.TYPE, "green").outputs())
                .containsEntry("oidcProviderArn", TestClusters.PROVIDER_ARN)
                .containsEntry("issuerUrl", TestClusters.ISSUER);
    }
}
