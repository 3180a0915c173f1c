package dev.keyless.azure;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Entra ID's limits on one identity's federated credentials, checked before anything is registered. */
class CredentialLimitsTest {
    private static final String TEAM_IDENTITY = "/subscriptions/22222222-2222-2222-2222-222222222222"
            + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop";

    private static void trustedByOthers(int others) {
        var home = TestClusters.green();
        var identity = EntraWorkloadIdentity.builder();
        for (int i = 1; i <= others; i++) {
            identity.alsoTrustedBy(TestClusters.adopted("c" + i, TestClusters.issuerNumbered(i)));
        }
        new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(home).namespace("shop").name("api").identity(identity.build()).build());
    }

    @Test
    void twentyCredentialsOnANewIdentityAreAllowed() {
        var deployment = SimulatedStack.named("limits").run(ctx -> trustedByOthers(19));
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(20);
    }

    @Test
    void aTwentyFirstCredentialIsRefused() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> trustedByOthers(20));

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("federated credentials of managed identity 'api-identity' must be at most 20 "
                + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).isEmpty();
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
    }

    private static void sharedBy(int components) {
        var cluster = TestClusters.green();
        var team = SharedManagedIdentity.existing(TEAM_IDENTITY);
        var names = new ArrayList<String>();
        for (int i = 1; i <= components; i++) {
            names.add("w" + i);
        }
        for (var name : names) {
            new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(name)
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(team).build()).build());
        }
    }

    @Test
    void twentyWorkloadsMayShareOneIdentity() {
        var deployment = SimulatedStack.named("limits").run(ctx -> sharedBy(20));
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(20);
    }

    @Test
    void aTwentyFirstWorkloadOnASharedIdentityIsRefusedBeforeItRegistersAnything() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> sharedBy(21));

        assertThat(failure.message()).isEqualTo("federated credentials of managed identity 'shop' must be at most 20 "
                + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "w21")).isEmpty();
        // How many of the first twenty registered before the refusal stopped the program is timing; never the 21st.
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSizeLessThanOrEqualTo(20)
                .extracting(r -> r.name()).doesNotContain("w21-credential");
    }

    @Test
    void oneIssuerAndSubjectMayBeTrustedOncePerIdentity() {
        // Two adoptions of one cluster: different objects, the same issuer.
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                        .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(TestClusters.adopted("green-again", TestClusters.ISSUER)).build())
                        .build()));

        assertThat(failure.message()).isEqualTo("alsoTrustedBy must be an issuer and subject no other federated credential of "
                + "managed identity 'api-identity' trusts ('api' already trusts them; Entra ID allows each pair once per identity): "
                + "'adopted AKS cluster 'green-again' for system:serviceaccount:shop:api'");
    }

    @Test
    void workloadsSharingAnIdentityMayNotTrustTheSameSubjectTwice() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            var team = SharedManagedIdentity.existing(TEAM_IDENTITY);
            for (var cluster : new AdoptedAksCluster[] {TestClusters.green(), TestClusters.adopted("green-again", TestClusters.ISSUER)}) {
                new FederatedServiceAccount("api-" + cluster.logicalName(), FederatedServiceAccountArgs.builder()
                        .cluster(cluster).namespace("shop").name("api")
                        .identity(EntraWorkloadIdentity.builder().existingIdentity(team).build()).build());
            }
        });

        assertThat(failure.message()).isEqualTo("existingIdentity must be an issuer and subject no other federated credential of "
                + "managed identity 'shop' trusts ('api-green' already trusts them; Entra ID allows each pair once per identity): "
                + "'adopted AKS cluster 'green-again' for system:serviceaccount:shop:api'");
    }

    @Test
    void explicitCredentialNamesMustDifferOnASharedIdentity() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            var team = SharedManagedIdentity.existing(TEAM_IDENTITY);
            for (var name : new String[] {"api", "worker"}) {
                new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(name)
                        .identity(EntraWorkloadIdentity.builder().existingIdentity(team).credentialName("shop-k8s").build()).build());
            }
        });

        assertThat(failure.message()).isEqualTo("credentialName must be a name no other federated credential of managed identity 'shop' has "
                + "('api' uses it): 'shop-k8s'");
    }

    // One handle per workload, as the landing zone makes them; every other one spells the id in upper case.
    private static void handlePerWorkload(int components) {
        var cluster = TestClusters.green();
        for (int i = 1; i <= components; i++) {
            var id = i % 2 == 0 ? TEAM_IDENTITY.toUpperCase(java.util.Locale.ROOT) : TEAM_IDENTITY;
            new FederatedServiceAccount("w" + i, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("w" + i)
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(id)).build()).build());
        }
    }

    @Test
    void twentyWorkloadsThroughSeparateHandlesAreAllowedAndCreatedOneAfterAnother() {
        var deployment = SimulatedStack.named("limits").run(ctx -> handlePerWorkload(20));

        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(20);
        var graph = ResourceGraph.of(deployment);
        for (int i = 2; i <= 20; i++) {
            assertThat(graph.waitsFor(deployment.resource(EntraWorkloadIdentityTest.CREDENTIAL, "w" + i + "-credential"),
                    deployment.resource(EntraWorkloadIdentityTest.CREDENTIAL, "w" + (i - 1) + "-credential"))).as("w" + i).isTrue();
        }
    }

    @Test
    void aTwentyFirstWorkloadThroughAnotherHandleOfTheSameIdIsRefused() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> handlePerWorkload(21));

        assertThat(failure.message()).isEqualTo("federated credentials of managed identity 'shop' must be at most 20 "
                + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "w21")).isEmpty();
        // How many of the first twenty registered before the refusal stopped the program is timing; never the 21st.
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSizeLessThanOrEqualTo(20)
                .extracting(r -> r.name()).doesNotContain("w21-credential");
    }

    @Test
    void credentialNamesAreUniqueAcrossHandlesAndCase() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY))
                            .credentialName("shop-k8s").build()).build());
            new FederatedServiceAccount("worker", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("worker")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY.toLowerCase(java.util.Locale.ROOT)))
                            .credentialName("Shop-K8s").build()).build());
        });

        assertThat(failure.message()).isEqualTo("credentialName must be a name no other federated credential of managed identity 'shop' has "
                + "('api' uses it): 'Shop-K8s'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "worker")).isEmpty();
        // The refusal stops the program as the second component is built: whether the first one's
        // credential (behind its cluster's checks) was registered by then is timing; the second's never is.
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL))
                .extracting(r -> r.name()).allMatch(name -> name.startsWith("api-"));
    }

    @Test
    void anotherIdentityInTheSameGroupKeepsItsOwnCount() {
        var other = TEAM_IDENTITY.replace("/shop", "/billing");
        var deployment = SimulatedStack.named("limits").run(ctx -> {
            handlePerWorkload(20);
            new FederatedServiceAccount("billing", FederatedServiceAccountArgs.builder().cluster(TestClusters.blue()).namespace("shop").name("billing")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(other)).build()).build());
        });
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(21);
    }

    @Test
    void anOutputIssuerIsComparedWithThePlainOnesAlreadyOnTheSharedIdentity() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            new FederatedServiceAccount("api-green", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY)).build()).build());
            var again = new AdoptedAksCluster("green-again", AdoptedAksClusterArgs.builder().issuerUrl(com.pulumi.core.Output.of(TestClusters.ISSUER))
                    .kubeconfig(TestClusters.KUBECONFIG).build());
            new FederatedServiceAccount("api-again", FederatedServiceAccountArgs.builder().cluster(again).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY)).build()).build());
        });

        assertThat(failure.message()).isEqualTo("existingIdentity must be an issuer and subject no other federated credential of "
                + "managed identity 'shop' trusts ('api-green' already trusts them; Entra ID allows each pair once per identity): "
                + "'adopted AKS cluster 'green-again' for system:serviceaccount:shop:api'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(1);
        assertThat(failure.deployment().find(EntraWorkloadIdentityTest.IDENTITY, "api-again-identity")).isEmpty();
    }

    private static void twoWorkloadsGranting(BlobAccess api, BlobAccess worker) {
        var cluster = TestClusters.green();
        new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").grant(api)
                .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY)).build()).build());
        new FederatedServiceAccount("worker", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("worker").grant(worker)
                .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY)).build()).build());
    }

    @Test
    void workloadsSharingAnIdentityMayNotMakeOneRoleAssignmentTwice() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> twoWorkloadsGranting(
                BlobAccess.readWrite("shop-rg", "chartsacct", "charts"), BlobAccess.readWrite("shop-rg", "chartsacct", "charts")));

        assertThat(failure.message()).isEqualTo("grants must be a grant no other component of this program uses in the grants of managed identity '"
                + TEAM_IDENTITY + "', but 'api' and 'worker' both use it: 'Blob read-write on container chartsacct-charts'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "worker")).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).hasSize(1);
    }

    @Test
    void oneGrantThroughTwoHandlesSpelledInTwoCasesIsOneGrant() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            var grant = BlobAccess.readOnly("shop-rg", "chartsacct", "charts");
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").grant(grant)
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY.toUpperCase(java.util.Locale.ROOT)))
                            .build()).build());
            new FederatedServiceAccount("worker", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("worker").grant(grant)
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(TEAM_IDENTITY)).build()).build());
        });
        assertThat(failure.message()).endsWith("but 'api' and 'worker' both use it: 'Blob read-only on container chartsacct-charts'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).hasSize(1);
    }

    @Test
    void workloadsSharingAnIdentityMayHoldOtherRolesOrContainers() {
        var deployment = SimulatedStack.named("limits").run(ctx -> twoWorkloadsGranting(
                BlobAccess.readWrite("shop-rg", "chartsacct", "charts"), BlobAccess.readOnly("shop-rg", "chartsacct", "charts")));
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).hasSize(2);
        var other = SimulatedStack.named("limits").run(ctx -> twoWorkloadsGranting(
                BlobAccess.readWrite("shop-rg", "chartsacct", "charts"), BlobAccess.readWrite("shop-rg", "chartsacct", "uploads")));
        assertThat(other.ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).hasSize(2);
    }
}
