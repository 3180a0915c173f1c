package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One IAM role per name in an account, whichever components create them. */
class RoleNameClaimsTest {
    private static final String ROLE = "aws:iam/role:Role";

    private static FederatedServiceAccount workload(String name, OidcCluster cluster, IdentityMechanism identity) {
        return new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder()
                .cluster(cluster).namespace("shop").name(name).identity(identity).build());
    }

    private static IrsaIdentity named(String roleName) {
        return IrsaIdentity.builder().roleName(roleName).build();
    }

    /** An adopted cluster whose provider ARN is known only at deploy, as from another stack. */
    private static AdoptedEksCluster fromAnotherStack(String name) {
        return new AdoptedEksCluster(name, AdoptedEksClusterArgs.builder()
                .clusterName(name)
                .issuerUrl(Output.of(TestClusters.ISSUER))
                .oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN))
                .kubeconfig(Output.of("{\"apiVersion\":\"v1\"}"))
                .build());
    }

    @Test
    void aRoleNameUsedTwiceInAKnownAccountIsRefusedBeforeTheSecondRegistersAnything() {
        var failure = SimulatedStack.named("roles").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            workload("api", cluster, named("shop-api"));
            workload("web", cluster, named("shop-api"));
        });

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("roleName must be a role name no other component of this program uses "
                + "in account '111122223333', but 'api' and 'web' both use it: 'shop-api'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "web")).isEmpty();
        assertThat(failure.deployment().ofType(ROLE)).extracting(r -> r.name()).containsExactly("api-role");
    }

    @Test
    void iamComparesRoleNamesIgnoringCaseAndPathAndSoDoesTheClaim() {
        var failure = SimulatedStack.named("roles").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            workload("api", cluster, IrsaIdentity.builder().roleName("Shop-API").rolePath("/team-a/").build());
            workload("web", TestClusters.blue(), PodIdentity.builder().roleName("shop-api").build());
        });

        assertThat(failure.message()).isEqualTo("roleName must be a role name no other component of this program uses "
                + "in account '111122223333', but 'api' and 'web' both use it: 'shop-api'");
    }

    @Test
    void withoutAKnownAccountRolesMeetInTheirProvidersAccount() {
        var failure = SimulatedStack.named("roles").runExpectingFailure(ctx -> {
            workload("api", fromAnotherStack("green"), named("shop-api"));
            workload("web", fromAnotherStack("blue"), named("shop-api"));
        });

        // The simulated provider's account: both roles use the stack's default AWS provider.
        assertThat(failure.message()).isEqualTo("roleName must be a role name no other component of this program uses "
                + "in account '123456789012', but 'api' and 'web' both use it: 'shop-api'");
        assertThat(failure.deployment().ofType(ROLE)).as("the second role is never created").hasSize(1);
    }

    @Test
    void rolesInTwoAccountsAutoNamedRolesAndExistingRolesDoNotClash() {
        var deployment = SimulatedStack.named("roles").run(ctx -> {
            var green = TestClusters.adopted("green");
            var otherAccount = new AdoptedEksCluster("other", AdoptedEksClusterArgs.builder()
                    .clusterName("other")
                    .issuerUrl(TestClusters.OTHER_ISSUER)
                    .oidcProviderArn("arn:aws:iam::444455556666:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE")
                    .kubeconfig(Output.of("{\"apiVersion\":\"v1\"}"))
                    .build());
            workload("api", green, named("shop-api"));
            workload("web", otherAccount, named("shop-api"));
            workload("auto-a", green, IrsaIdentity.defaults());
            workload("auto-b", green, IrsaIdentity.defaults());
            workload("reuse", green, IrsaIdentity.builder().existingRoleArn("arn:aws:iam::111122223333:role/shop-api").build());
        });

        assertThat(deployment.errors()).isEmpty();
        assertThat(deployment.ofType(ROLE)).extracting(r -> r.name() + " " + r.input("name").orElse("(auto)"))
                .containsExactlyInAnyOrder("api-role shop-api", "web-role shop-api", "auto-a-role (auto)", "auto-b-role (auto)");
    }
}
