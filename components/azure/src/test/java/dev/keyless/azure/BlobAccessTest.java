package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.azure.EntraWorkloadIdentityTest.CREDENTIAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.PRINCIPAL;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A container named by plain values and one named by another stack's outputs get the same role assignment. */
class BlobAccessTest {
    private static final String SCOPE = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/reports-rg/providers/Microsoft.Storage/storageAccounts/reportsacct/blobServices/default/containers/monthly";
    private static final String CONTRIBUTOR = "/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private static FederatedServiceAccount workload(BlobAccess grant) {
        return new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.green()).namespace("shop").name("api").grant(grant).build());
    }

    private static RecordedDeployment deploy(BlobAccess grant) {
        return SimulatedStack.named("blob").run(ctx -> workload(grant));
    }

    private static void assertContributorOnMonthly(RecordedDeployment deployment, String child) {
        var assignment = deployment.resource(ROLE_ASSIGNMENT, child);
        assertThat(assignment.input("scope")).contains(SCOPE);
        assertThat(assignment.input("roleDefinitionId")).contains(CONTRIBUTOR);
        assertThat(assignment.input("principalId")).contains(PRINCIPAL);
        assertThat(assignment.input("principalType")).contains("ServicePrincipal");
        assertThat(assignment.input("roleAssignmentName"))
                .contains(RoleAssignmentNames.of(SCOPE, PRINCIPAL, BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR));
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(1);
    }

    @Test
    void plainNamesAreScopedToTheContainerAndKeyedByAccountAndContainer() {
        assertContributorOnMonthly(deploy(BlobAccess.readWrite("reports-rg", "reportsacct", "monthly")),
                "api-grant-reportsacct-monthly-contributor");
    }

    @Test
    void outputNamesAreScopedToTheSameContainerAndKeyedByTheGivenKey() {
        var deployment = deploy(BlobAccess.readWrite("reports",
                Output.of("reports-rg"), Output.of("reportsacct"), Output.of("monthly")));

        assertContributorOnMonthly(deployment, "api-grant-reports-contributor");
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-reports-contributor").input("description"))
                .contains("Blob read-write on container reports");
    }

    @Test
    void readOnlyFromOutputsAssignsTheReaderRole() {
        var assignment = deploy(BlobAccess.readOnly("reports", Output.of("reports-rg"), Output.of("reportsacct"), Output.of("monthly")))
                .resource(ROLE_ASSIGNMENT, "api-grant-reports-reader");

        assertThat(assignment.input("scope")).contains(SCOPE);
        assertThat(assignment.input("roleDefinitionId")).contains("/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");
    }

    @Test
    void outputNamesBreakingAzuresRulesFailWithThePlainMessagesBeforeTheAssignmentRegisters() {
        assertOutputRefusedLikePlain("reports-rg", "Reports-Account", "monthly",
                "accountName must be 3 to 24 lowercase letters and digits (storage account name): 'Reports-Account'");
        assertOutputRefusedLikePlain("reports-rg", "reportsacct", "monthly--old",
                "containerName must be 3 to 63 characters of [a-z0-9-], starting and ending with a letter or digit, "
                        + "with no two hyphens in a row (blob container name): 'monthly--old'");
        assertOutputRefusedLikePlain("bad rg!", "reportsacct", "monthly",
                "resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'bad rg!'");
    }

    private static void assertOutputRefusedLikePlain(String group, String account, String container, String message) {
        assertThatThrownBy(() -> BlobAccess.readOnly(group, account, container)).hasMessage(message);

        var failure = SimulatedStack.named("blob").runExpectingFailure(ctx -> workload(
                BlobAccess.readOnly("reports", Output.of(group), Output.of(account), Output.of(container))));
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
    }

    @Test
    void aBadContainerNameFromAnotherStackRegistersNoIdentityCredentialOrAssignmentOnAnyRun() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("blob").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                    FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                            .grant(BlobAccess.readWrite("reports-rg", "reportsacct", "monthly"))
                            .grant(BlobAccess.readOnly("archive", Output.of("reports-rg"), Output.of("reportsacct"), Output.of("Archive_2026")))
                            .build()));

            assertThat(failure.error()).as("run %d", run).isInstanceOf(InvalidInputException.class);
            assertThat(failure.message()).as("run %d", run).isEqualTo("containerName must be 3 to 63 characters of [a-z0-9-], "
                    + "starting and ending with a letter or digit, with no two hyphens in a row (blob container name): 'Archive_2026'");
            assertThat(failure.deployment().ofType(IDENTITY)).as("run %d", run).isEmpty();
            assertThat(failure.deployment().ofType(CREDENTIAL)).as("run %d", run).isEmpty();
            assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).as("run %d", run).isEmpty();
        }
    }

    @Test
    void theKeyFollowsTheOneRuleForGivenKeys() {
        assertThatThrownBy(() -> BlobAccess.readOnly("Reports_2026", Output.of("reports-rg"), Output.of("reportsacct"), Output.of("monthly")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'Reports_2026'");
        assertThatThrownBy(() -> BlobAccess.readWrite("reports", Output.of("reports-rg"), null, Output.of("monthly")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("accountName must be");
    }

    @Test
    void aProtectedContainerIsGrantedAsItsContainerIs() {
        var store = SimulatedStack.named("blob").run(ctx -> workload(BlobAccess.readWrite(ProtectedBlobContainer.create("charts", "shop-rg", true))));
        var container = SimulatedStack.named("blob").run(ctx ->
                workload(BlobAccess.readWrite(ProtectedBlobContainer.create("charts", "shop-rg", true).container())));

        var scope = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shop-rg/providers/Microsoft.Storage/storageAccounts/chartsxxxxxxx"
                + "/blobServices/default/containers/charts-xxxxxxx";
        var assignment = store.resource(ROLE_ASSIGNMENT, "api-grant-charts-contributor");
        assertThat(assignment.input("scope")).contains(scope);
        assertThat(assignment.input("roleDefinitionId")).contains(CONTRIBUTOR);
        assertThat(assignment.inputs()).isEqualTo(container.resource(ROLE_ASSIGNMENT, "api-grant-charts-contributor").inputs());
        assertThat(store.ofType(ROLE_ASSIGNMENT)).hasSize(1);
        assertThatThrownBy(() -> BlobAccess.readOnly((ProtectedBlobContainer) null))
                .hasMessage("store must be a ProtectedBlobContainer, not null: 'null'");
    }

    @Test
    void twoContainersFromOutputsUnderOneKeyAreRefusedNamingBoth() {
        var failure = SimulatedStack.named("blob").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.green()).namespace("shop").name("api")
                .grant(BlobAccess.readOnly("reports", Output.of("reports-rg"), Output.of("reportsacct"), Output.of("monthly")))
                .grant(BlobAccess.readOnly("reports", Output.of("reports-rg"), Output.of("reportsacct"), Output.of("yearly")))
                .build()));

        assertThat(failure.message()).isEqualTo("grants[1] must be a grant other than grants[0] (Blob read-only on container reports): "
                + "both would be the child 'api-grant-reports-reader': 'Blob read-only on container reports'");
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();
    }
}
