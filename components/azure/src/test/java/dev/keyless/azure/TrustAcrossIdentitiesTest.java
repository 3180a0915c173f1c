package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One issuer and subject is trusted by one managed identity in a program: two identities trusting
 * it would let each workload's pods use the other's identity.
 */
class TrustAcrossIdentitiesTest {
    private static final String SUBJECT = "system:serviceaccount:shop:api";

    private static String refusal(String issuer, String first, String second) {
        return "serviceAccount must be a subject no other component of this program uses in the federated credentials trusting "
                + "OIDC issuer '" + issuer + "' (the pods of each could use the other's managed identity), but '" + first + "' and '"
                + second + "' both use it: '" + SUBJECT + "'";
    }

    private static void bind(String name, AzureOidcCluster cluster, String serviceAccount) {
        new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(serviceAccount).build());
    }

    private static AdoptedAksCluster adoptedWithOutputIssuer(String name, Output<String> issuer) {
        return new AdoptedAksCluster(name, AdoptedAksClusterArgs.builder()
                .issuerUrl(issuer).kubeconfig(TestClusters.KUBECONFIG).resourceGroupName("shop-rg").build());
    }

    private static AksCluster aks() {
        return new AksCluster("aks", AksClusterArgs.builder().resourceGroupName("aks-rg").build());
    }

    @Test
    void oneClusterAdoptedTwiceMayNotTrustOneSubjectFromTwoIdentities() {
        var failure = SimulatedStack.named("trust").runExpectingFailure(ctx -> {
            bind("api", TestClusters.green(), "api");
            bind("api-again", TestClusters.adopted("green-again", TestClusters.ISSUER), "api");
        });

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo(refusal(TestClusters.ISSUER, "api", "api-again"));
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "api-again")).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).hasSize(1);
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(1);
    }

    @Test
    void otherSubjectsOfOneIssuerAndOneSubjectOfOtherIssuersAreAllowed() {
        var deployment = SimulatedStack.named("trust").run(ctx -> {
            bind("api", TestClusters.green(), "api");
            bind("worker", TestClusters.adopted("green-again", TestClusters.ISSUER), "worker");
            bind("api-blue", TestClusters.blue(), "api");
        });
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(3);
    }

    @Test
    void anIssuerGivenAsAnOutputIsComparedOnceKnownBeforeTheSecondIdentityIsCreated() {
        var failure = SimulatedStack.named("trust").runExpectingFailure(ctx -> {
            var aks = aks();
            bind("api", aks, "api");
            bind("api-again", adoptedWithOutputIssuer("aks-again", aks.issuerUrl()), "api");
        });

        // Both issuers become known together: whichever workload's check runs second is refused.
        var credentials = failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL);
        assertThat(credentials).hasSize(1);
        var issuer = String.valueOf(credentials.get(0).inputs().get("issuer"));
        var first = credentials.get(0).name().replace("-credential", "");
        var second = first.equals("api") ? "api-again" : "api";
        assertThat(failure.message()).isEqualTo(refusal(issuer, first, second));
        assertThat(failure.deployment().find(EntraWorkloadIdentityTest.IDENTITY, second + "-identity")).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).extracting(r -> r.name()).containsExactly("aks-admin");
    }

    @Test
    void alsoTrustedByTheClustersOwnIssuerAsAnOutputRegistersNoCredential() {
        var failure = SimulatedStack.named("trust").runExpectingFailure(ctx -> {
            var aks = aks();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(aks).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(adoptedWithOutputIssuer("aks-again", aks.issuerUrl())).build())
                    .build());
        });

        assertThat(failure.message()).isEqualTo("alsoTrustedBy must be an issuer and subject no other federated credential of "
                + "managed identity 'api-identity' trusts ('api' already trusts them; Entra ID allows each pair once per identity): "
                + "'adopted AKS cluster 'aks-again' for " + SUBJECT + "'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).isEmpty();
    }

    @Test
    void alsoTrustedByAnotherIssuerAsAnOutputIsAllowed() {
        var deployment = SimulatedStack.named("trust").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(aks()).namespace("shop").name("api")
                .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(adoptedWithOutputIssuer("blue", Output.of(TestClusters.OTHER_ISSUER))).build())
                .build()));

        assertThat(deployment.resource(EntraWorkloadIdentityTest.CREDENTIAL, "api-credential-blue").inputs())
                .containsEntry("issuer", TestClusters.OTHER_ISSUER);
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(2);
    }

    @Test
    void anOutputIssuerMeetingAPlainOneOfAnotherIdentityIsRefused() {
        var failure = SimulatedStack.named("trust").runExpectingFailure(ctx -> {
            bind("api", TestClusters.green(), "api");
            bind("api-again", adoptedWithOutputIssuer("green-again", Output.of(TestClusters.ISSUER)), "api");
        });

        assertThat(failure.message()).isEqualTo(refusal(TestClusters.ISSUER, "api", "api-again"));
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(1);
        assertThat(failure.deployment().find(EntraWorkloadIdentityTest.IDENTITY, "api-again-identity")).isEmpty();
    }

    @Test
    void workloadsSharingAnIdentityMeetingOnAnOutputIssuerReadTheIdentityOnce() {
        var team = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop";
        var failure = SimulatedStack.named("trust").runExpectingFailure(ctx -> {
            var aks = aks();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(aks).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(team)).build()).build());
            new FederatedServiceAccount("api-again", FederatedServiceAccountArgs.builder()
                    .cluster(adoptedWithOutputIssuer("aks-again", aks.issuerUrl())).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(team)).build()).build());
        });

        // Both issuers become known together: whichever workload's check runs second is refused.
        var reads = failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY);
        assertThat(reads).hasSize(1).allMatch(r -> r.read());
        var first = reads.get(0).name().replace("-identity", "");
        var second = first.equals("api") ? "api-again" : "api";
        var secondCluster = second.equals("api") ? "AKS cluster 'aks'" : "adopted AKS cluster 'aks-again'";
        assertThat(failure.message()).isEqualTo("existingIdentity must be an issuer and subject no other federated credential of "
                + "managed identity 'shop' trusts ('" + first + "' already trusts them; Entra ID allows each pair once per identity): "
                + "'" + secondCluster + " for " + SUBJECT + "'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).hasSize(1);
    }

    @Test
    void anIdentityWaitsForAnIssuerKnownOnlyAtDeployAndNotForAPlainOne() {
        var deployment = SimulatedStack.named("trust").run(ctx -> {
            bind("api", aks(), "api");
            bind("worker", TestClusters.green(), "worker");
        });
        var graph = ResourceGraph.of(deployment);
        var cluster = deployment.resource("azure-native:containerservice:ManagedCluster", "aks-cluster");

        // The check of the cluster's issuer gates the identity, so the identity waits for the cluster.
        assertThat(graph.waitsFor(deployment.resource(EntraWorkloadIdentityTest.IDENTITY, "api-identity"), cluster)).isTrue();
        assertThat(deployment.resource(EntraWorkloadIdentityTest.IDENTITY, "worker-identity").propertyDependencies().values())
                .allMatch(java.util.List::isEmpty);
    }
}
