package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two managed identities of one name in one resource group are one to Azure: refused at preview, naming both workloads. */
class IdentityNamesTest {

    private static void bind(String name, AzureOidcCluster cluster, EntraWorkloadIdentity identity) {
        new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(name).identity(identity).build());
    }

    private static String refusal(String group, String name) {
        return "identityName must be a managed identity name no other component of this program uses in resource group '" + group
                + "', but 'api' and 'worker' both use it: '" + name + "'";
    }

    @Test
    void oneNameTwiceInTheClustersGroupIsRefusedBeforeTheSecondRegisters() {
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            bind("api", cluster, EntraWorkloadIdentity.builder().identityName("shop").build());
            bind("worker", cluster, EntraWorkloadIdentity.builder().identityName("Shop").build());
        });

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo(refusal("shop-rg", "Shop"));
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "worker")).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).hasSize(1);
    }

    @Test
    void groupsThatDifferOnlyInCaseAreOneGroup() {
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            bind("api", cluster, EntraWorkloadIdentity.builder().identityName("shop").build());
            bind("worker", cluster, EntraWorkloadIdentity.builder().identityName("shop").resourceGroupName("SHOP-RG").build());
        });
        assertThat(failure.message()).isEqualTo(refusal("SHOP-RG", "shop"));
    }

    @Test
    void oneNameInTwoGroupsAndAutoNamesAreAllowed() {
        var deployment = SimulatedStack.named("names").run(ctx -> {
            var cluster = TestClusters.green();
            bind("api", cluster, EntraWorkloadIdentity.builder().identityName("shop").build());
            bind("worker", cluster, EntraWorkloadIdentity.builder().identityName("shop").resourceGroupName("other-rg").build());
            bind("cron", cluster, EntraWorkloadIdentity.defaults());
            bind("batch", cluster, EntraWorkloadIdentity.defaults());
        });
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.IDENTITY)).hasSize(4);
    }

    @Test
    void aGroupGivenAsAnOutputIsCheckedOnceKnownBeforeTheIdentityIsCreated() {
        Supplier<EntraWorkloadIdentity> inOutputGroup = () ->
                EntraWorkloadIdentity.builder().identityName("shop").resourceGroupName(Output.of("shop-rg")).build();
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            bind("api", cluster, inOutputGroup.get());
            bind("worker", cluster, inOutputGroup.get());
        });

        // Both groups become known together: whichever check runs second is refused, and its identity never registers.
        var identities = failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY);
        assertThat(identities).hasSize(1);
        var first = identities.get(0).name().replace("-identity", "");
        var second = first.equals("api") ? "worker" : "api";
        assertThat(failure.message()).isEqualTo("identityName must be a managed identity name no other component of this program uses in "
                + "resource group 'shop-rg', but '" + first + "' and '" + second + "' both use it: 'shop'");
        assertThat(failure.deployment().find(EntraWorkloadIdentityTest.CREDENTIAL, second + "-credential")).isEmpty();
    }

    @Test
    void aCreatedClustersGroupIsCheckedOnceKnown() {
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> {
            var aks = new AksCluster("aks", AksClusterArgs.builder().build());
            bind("api", aks, EntraWorkloadIdentity.builder().identityName("shop").build());
            bind("worker", aks, EntraWorkloadIdentity.builder().identityName("shop").build());
        });
        assertThat(failure.message()).startsWith("identityName must be a managed identity name no other component of this program uses in "
                + "resource group 'aks-rg-xxxxxxx', but '").endsWith("' both use it: 'shop'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).hasSize(1);
    }
}
