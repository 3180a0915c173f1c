package dev.keyless.aws;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.keyless.aws.ForeignCluster.GKE_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pods federated into AWS call STS in the region of the provider their role is made through,
 * which the program asks once per provider: the default one, one given to the mechanism, or one
 * a component inherits from its options.
 */
class ProvidersRegionTest {

    private static FederatedServiceAccountArgs.Builder workload(ForeignCluster cluster, String name) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("reports").name(name)
                .grant(S3Access.readWrite("acme-reports"));
    }

    @SuppressWarnings("unchecked")
    private static String regionOf(RecordedDeployment deployment, String component) {
        return ((Map<String, String>) deployment.resource(FederatedServiceAccount.TYPE, component).outputs().get("podEnv")).get("AWS_REGION");
    }

    @Test
    void eachWorkloadGetsTheRegionOfItsOwnProvider() {
        var deployment = SimulatedStack.named("regions").config("aws:region", "eu-west-1").run(ctx -> {
            var apps = ForeignCluster.withIssuer("apps", GKE_ISSUER);
            var ohio = new Provider("ohio", ProviderArgs.builder().region("us-east-2").build());
            var mumbai = new Provider("mumbai", ProviderArgs.builder().region("ap-south-1").build());
            new FederatedServiceAccount("by-default", workload(apps, "by-default").build());
            new FederatedServiceAccount("given-ohio", workload(apps, "given-ohio")
                    .mechanism(AwsFederation.builder().provider(ohio).build()).build());
            new FederatedServiceAccount("inherits-mumbai", workload(apps, "inherits-mumbai").build(),
                    ComponentResourceOptions.builder().providers(mumbai).build());
            new FederatedServiceAccount("by-default-too", workload(apps, "by-default-too").build());
            new FederatedServiceAccount("given-ohio-too", workload(apps, "given-ohio-too")
                    .mechanism(AwsFederation.builder().provider(ohio).build()).build());
        });

        assertThat(regionOf(deployment, "by-default")).isEqualTo("eu-west-1");
        assertThat(regionOf(deployment, "by-default-too")).isEqualTo("eu-west-1");
        assertThat(regionOf(deployment, "given-ohio")).isEqualTo("us-east-2");
        assertThat(regionOf(deployment, "given-ohio-too")).isEqualTo("us-east-2");
        assertThat(regionOf(deployment, "inherits-mumbai")).isEqualTo("ap-south-1");
    }
}
