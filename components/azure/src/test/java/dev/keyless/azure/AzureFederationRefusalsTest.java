package dev.keyless.azure;

import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input to a federation into Azure, refused before anything of the workload registers. */
class AzureFederationRefusalsTest {
    private static final String HTTPS_RULE = "an https URL with a host and no query or fragment, exactly as the tokens' 'iss' "
            + "(e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE)";
    private static final String TEAM_IDENTITY = "/subscriptions/22222222-2222-2222-2222-222222222222"
            + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop";

    private static FederatedServiceAccountArgs.Builder exporter(ForeignCluster cluster) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("reports").name("exporter")
                .grant(BlobAccess.readOnly("reports-rg", "reportsacct", "daily"));
    }

    private static void assertNothingOfTheWorkloadRegistered(ProgramFailure failure) {
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
        assertThat(failure.deployment().ofType(CREDENTIAL)).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.SERVICE_ACCOUNT)).isEmpty();
    }

    @Test
    void anIssuerThatIsNotHttpsIsRefusedBeforeAnythingRegisters() {
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.withIssuer("blue", "http://oidc.example.com/blue")).build()));

        assertThat(failure.message()).isEqualTo("issuerUrl must be " + HTTPS_RULE + ": 'http://oidc.example.com/blue'");
        assertNothingOfTheWorkloadRegistered(failure);
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
    }

    @Test
    void anIssuerKnownOnlyAtDeployTimeThatIsNotHttpsIsRefusedOnceKnownBeforeAnythingRegisters() {
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.withIssuerOnceKnown("blue", "http://oidc.example.com/blue")).build()));

        assertThat(failure.message()).isEqualTo("issuerUrl must be " + HTTPS_RULE + ": 'http://oidc.example.com/blue'");
        assertNothingOfTheWorkloadRegistered(failure);
    }

    @Test
    void aTwentyFirstCredentialOnASharedIdentityIsRefusedBeforeTheWorkloadRegisters() {
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> {
            var team = SharedManagedIdentity.existing(TEAM_IDENTITY);
            var aks = TestClusters.green();
            for (int i = 1; i <= 20; i++) {
                new FederatedServiceAccount("w" + i, FederatedServiceAccountArgs.builder().cluster(aks).namespace("shop").name("w" + i)
                        .mechanism(EntraWorkloadIdentity.builder().existingIdentity(team).build()).build());
            }
            new FederatedServiceAccount("exporter", exporter(ForeignCluster.eks())
                    .mechanism(AzureFederation.builder().existingIdentity(team).build()).build());
        });

        assertThat(failure.message()).isEqualTo("federated credentials of managed identity 'shop' must be at most 20 "
                + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "exporter")).isEmpty();
        assertThat(failure.deployment().find(CREDENTIAL, "exporter-credential")).isEmpty();
        assertThat(failure.deployment().ofType(CREDENTIAL)).hasSize(20);
    }

    @Test
    void noResourceGroupKnownFromTheGrantsIsRefusedNamingTheOption() {
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> {
            var daily = new BlobContainer("daily", BlobContainerArgs.builder()
                    .resourceGroupName("reports-rg").accountName("reportsacct").containerName("daily").build());
            new FederatedServiceAccount("exporter", FederatedServiceAccountArgs.builder().cluster(ForeignCluster.eks())
                    .namespace("reports").name("exporter").grant(BlobAccess.readOnly(daily)).build());
        });

        assertThat(failure.message()).isEqualTo("resourceGroupName is required: cluster 'blue' of another cloud is not an AKS cluster "
                + "and no resource group is known from the grants (only grants by plain names give theirs): "
                + "give AzureFederation.builder().resourceGroupName(...) for the new managed identity, "
                + "as FederatedServiceAccountArgs.builder().mechanism(...)");
        assertNothingOfTheWorkloadRegistered(failure);
    }

    @Test
    void grantsInTwoResourceGroupsAreRefusedNamingTheOption() {
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.eks()).grant(BlobAccess.readWrite("archive-rg", "archiveacct", "yearly")).build()));

        assertThat(failure.message()).isEqualTo("resourceGroupName is required: cluster 'blue' of another cloud is not an AKS cluster "
                + "and the grants name the resource groups ['reports-rg', 'archive-rg']: "
                + "give AzureFederation.builder().resourceGroupName(...) for the new managed identity, "
                + "as FederatedServiceAccountArgs.builder().mechanism(...)");
        assertNothingOfTheWorkloadRegistered(failure);
    }

    @Test
    void anExistingIdentityExcludesOptionsForANewOne() {
        var team = SharedManagedIdentity.existing(TEAM_IDENTITY);
        var failure = SimulatedStack.named("federation").runExpectingFailure(ctx -> new FederatedServiceAccount("exporter",
                exporter(ForeignCluster.eks()).mechanism(AzureFederation.builder().existingIdentity(team).location("westeurope").build()).build()));

        assertThat(failure.message()).isEqualTo("existingIdentity and location exclude each other: an existing identity keeps its own location");
    }

    @Test
    void badOptionValuesAreRefusedWhereTheyAreGiven() {
        assertThatThrownBy(() -> AzureFederation.builder().authorityHost("https://login.microsoftonline.us/tenant"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("authorityHost must be an https URL of a Microsoft Entra authority with no path, query or fragment, "
                        + "e.g. https://login.microsoftonline.us/ (Azure Government): 'https://login.microsoftonline.us/tenant'");
        assertThatThrownBy(() -> AzureFederation.builder().location("West Europe"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("location must be an Azure region name as 'az account list-locations --query [].name' lists it, "
                        + "e.g. westeurope: 'West Europe'");
        assertThatThrownBy(() -> AzureFederation.builder().resourceGroupName("reports."))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("resourceGroupName must be 1 to 90 characters");
    }
}
