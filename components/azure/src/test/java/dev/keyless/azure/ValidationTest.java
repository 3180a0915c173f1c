package dev.keyless.azure;

import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule fails before anything is registered, with a message naming field, value and rule. */
class ValidationTest {

    private static ProgramFailure failWith(UnaryOperator<FederatedServiceAccountArgs.Builder> customise) {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var cluster = TestClusters.green();
            new FederatedServiceAccount("api", customise.apply(FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api")).build());
        });
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).as("nothing of the component is registered").isEmpty();
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).isEmpty();
        return failure;
    }

    private static ProgramFailure clusterFails(AksClusterArgs.Builder args, String name) {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new AksCluster(name, args.build()));
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return failure;
    }

    @Test
    void anAdoptedIssuerWithoutItsTrailingSlashIsRefusedNotFixed() {
        var withoutSlash = TestClusters.ISSUER.substring(0, TestClusters.ISSUER.length() - 1);
        assertThatThrownBy(() -> AdoptedAksClusterArgs.builder().issuerUrl(withoutSlash))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("issuerUrl must be an AKS OIDC issuer URL exactly as AKS reports it (az aks show --query oidcIssuerProfile.issuerUrl): "
                        + "https://REGION.oic.prod-aks.azure.com/TENANT_ID/ID/ with its trailing '/' (a federated credential's issuer "
                        + "must equal the tokens' iss byte for byte): '" + withoutSlash + "'");
    }

    @Test
    void anIssuerOfAnotherFormIsRefused() {
        assertThatThrownBy(() -> AdoptedAksClusterArgs.builder().issuerUrl("https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"))
                .hasMessageStartingWith("issuerUrl must be an AKS OIDC issuer URL exactly as AKS reports it")
                .hasMessageEndingWith(": 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE'");
    }

    @Test
    void anIssuerGivenAsAnOutputIsCheckedOnceKnown() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                .issuerUrl(com.pulumi.core.Output.of("http://westeurope.oic.prod-aks.azure.com/x/y/"))
                .kubeconfig(TestClusters.KUBECONFIG).build()).issuerUrl().applyValue(v -> v));

        assertThat(failure.message()).startsWith("issuerUrl must be an AKS OIDC issuer URL").endsWith(": 'http://westeurope.oic.prod-aks.azure.com/x/y/'");
    }

    @Test
    void adoptedClusterNeedsIssuerAndKubeconfig() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx ->
                new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder().kubeconfig(TestClusters.KUBECONFIG).build()));
        assertThat(failure.message()).isEqualTo("issuerUrl is required: give the cluster's OIDC issuer URL (az aks show --query oidcIssuerProfile.issuerUrl)");
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }

    @Test
    void aNewIdentityNeedsAResourceGroupWhenTheAdoptedClusterNamesNone() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var cluster = new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                    .issuerUrl(TestClusters.ISSUER).kubeconfig(TestClusters.KUBECONFIG).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api").build());
        });
        assertThat(failure.message()).isEqualTo("resourceGroupName is required: adopted AKS cluster 'green' names no resource group: "
                + "give AdoptedAksClusterArgs.resourceGroupName(...) or EntraWorkloadIdentity.builder().resourceGroupName(...) for the new managed identity");
    }

    @Test
    void resourceGroupNamesFollowAzure() {
        assertThatThrownBy(() -> EntraWorkloadIdentity.builder().resourceGroupName("shop."))
                .hasMessage("resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'shop.'");
        assertThatThrownBy(() -> AksClusterArgs.builder().resourceGroupName("shop/rg"))
                .hasMessage("resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'shop/rg'");
    }

    @Test
    void clusterNameAndDnsPrefixFollowAks() {
        assertThatThrownBy(() -> AksClusterArgs.builder().clusterName("-aks"))
                .hasMessage("clusterName must be 1 to 63 characters of [A-Za-z0-9_-], starting and ending with a letter or digit (AKS cluster name): '-aks'");
        assertThatThrownBy(() -> AksClusterArgs.builder().dnsPrefix("aks_prod"))
                .hasMessage("dnsPrefix must be 1 to 54 characters of [A-Za-z0-9-], starting and ending with a letter or digit (AKS DNS prefix): 'aks_prod'");
    }

    @Test
    void namesDerivedFromTheComponentNameMustFit() {
        var longName = "p".repeat(56);
        assertThat(clusterFails(AksClusterArgs.builder().resourceGroupName("rg").dnsPrefix("p"), longName).message())
                .isEqualTo("clusterName must be set explicitly when the auto-name (the logical name plus an 8-character suffix) would not be "
                        + "1 to 63 characters of [A-Za-z0-9_-], starting and ending with a letter or digit (AKS cluster name): '" + longName + "-cluster'");
        assertThat(clusterFails(AksClusterArgs.builder().resourceGroupName("rg").clusterName("aks"), "shop.platform").message())
                .isEqualTo("dnsPrefix must be set explicitly when the component name is not 1 to 54 characters of [A-Za-z0-9-], "
                        + "starting and ending with a letter or digit (AKS DNS prefix): 'shop.platform'");
        assertThat(clusterFails(AksClusterArgs.builder().clusterName("aks").dnsPrefix("aks"), "shop/platform").message())
                .isEqualTo("resourceGroupName must be set explicitly when the auto-name (the logical name plus an 8-character suffix) would not be "
                        + "1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'shop/platform-rg'");
    }

    @Test
    void versionLocationAndNodePoolAreChecked() {
        for (var version : List.of("v1.31", "1.26", "1.41", "1.26.9", "2.0")) {
            assertThatThrownBy(() -> AksClusterArgs.builder().kubernetesVersion(version)).as(version)
                    .hasMessage("kubernetesVersion must be a Kubernetes version AKS offers, minor 1.27 to 1.40, such as 1.31 or 1.31.2: '" + version + "'");
        }
        for (var version : List.of("1.27", "1.40", "1.31.2")) {
            assertThat(AksClusterArgs.builder().kubernetesVersion(version).build().kubernetesVersion()).contains(version);
        }
        assertThatThrownBy(() -> AksClusterArgs.builder().location("West Europe"))
                .hasMessage("location must be an Azure region name such as westeurope (lowercase letters and digits): 'West Europe'");
        assertThatThrownBy(() -> new NodePoolOptions("Standard_D2s_v5", 0, 2, 3))
                .hasMessage("systemNodePool must be 1 <= minCount <= count <= maxCount <= 1000 (an AKS system pool keeps at least one node): '0 <= 2 <= 3'");
        assertThatThrownBy(() -> AksClusterArgs.builder().deployerPrincipalType("Group"))
                .hasMessage("deployerPrincipalType must be User or ServicePrincipal (the kind of principal that runs pulumi up): 'Group'");
        assertThatThrownBy(() -> new NodePoolOptions("D2s_v5", 1, 2, 3))
                .hasMessage("vmSize must be an Azure VM size such as Standard_D2s_v5: 'D2s_v5'");
    }

    @Test
    void identityAndCredentialNamesFollowAzure() {
        assertThatThrownBy(() -> EntraWorkloadIdentity.builder().identityName("ab"))
                .hasMessage("identityName must be 3 to 128 characters of [A-Za-z0-9_-], starting with a letter or digit (managed identity name): 'ab'");
        assertThatThrownBy(() -> EntraWorkloadIdentity.builder().credentialName("shop.api"))
                .hasMessage("credentialName must be 3 to 120 characters of [A-Za-z0-9_-], starting with a letter or digit "
                        + "(federated identity credential name): 'shop.api'");
    }

    @Test
    void autoNamedIdentityAndCredentialMustFitAzure() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("shop.api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api").build()));
        assertThat(failure.message()).isEqualTo("identityName must be set explicitly when the auto-name (the logical name plus an 8-character suffix) "
                + "would not be 3 to 128 characters of [A-Za-z0-9_-], starting with a letter or digit (managed identity name): 'shop.api-identity'");

        var credential = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("shop.api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                        .identity(EntraWorkloadIdentity.builder().identityName("shop-api").build()).build()));
        assertThat(credential.message()).isEqualTo("credentialName must be set explicitly when the auto-name (the logical name plus an 8-character suffix) "
                + "would not be 3 to 120 characters of [A-Za-z0-9_-], starting with a letter or digit (federated identity credential name): 'shop.api-credential'");
    }

    @Test
    void storageAccountAndContainerNamesFollowAzureStorage() {
        assertThatThrownBy(() -> BlobAccess.readWrite("rg", "Charts-Account", "charts"))
                .hasMessage("accountName must be 3 to 24 lowercase letters and digits (storage account name): 'Charts-Account'");
        assertThatThrownBy(() -> BlobAccess.readOnly("rg", "chartsacct", "charts--old"))
                .hasMessage("containerName must be 3 to 63 characters of [a-z0-9-], starting and ending with a letter or digit, "
                        + "with no two hyphens in a row (blob container name): 'charts--old'");
        assertThatThrownBy(() -> BlobAccess.readOnly("rg", "chartsacct", "ch"))
                .hasMessageEndingWith("(blob container name): 'ch'");
    }

    @Test
    void anExistingIdentityExcludesNamingANewOne() {
        var team = SharedManagedIdentity.existing("/subscriptions/22222222-2222-2222-2222-222222222222"
                + "/resourceGroups/team-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop");
        assertThat(failWith(a -> a.identity(EntraWorkloadIdentity.builder().existingIdentity(team).identityName("shop-api").build())).message())
                .isEqualTo("existingIdentity and identityName exclude each other: an existing identity keeps its own name and resource group");
        assertThat(failWith(a -> a.identity(EntraWorkloadIdentity.builder().existingIdentity(team).resourceGroupName("other-rg").build())).message())
                .isEqualTo("existingIdentity and resourceGroupName exclude each other: an existing identity keeps its own name and resource group");
    }

    @Test
    void anExistingIdentityMustBeAManagedIdentitysResourceId() {
        assertThatThrownBy(() -> SharedManagedIdentity.existing("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/team-rg"))
                .hasMessage("existingIdentity must be a user-assigned managed identity's resource id, /subscriptions/SUB/resourceGroups/RG/providers/"
                        + "Microsoft.ManagedIdentity/userAssignedIdentities/NAME: '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/team-rg'");
    }

    @Test
    void anAzureGrantMustBeAnAzureResourceGrant() {
        var custom = new AccessGrant() {
            @Override
            public dev.keyless.core.Cloud cloud() {
                return AzureCloud.CLOUD;
            }

            @Override
            public String describe() {
                return "custom access that is no role assignment";
            }
        };
        assertThat(failWith(a -> a.grant(custom)).message()).isEqualTo("grants[0] must be an Azure grant (BlobAccess) for Entra Workload ID: "
                + "a managed identity can only hold Azure role assignments: 'custom access that is no role assignment'");
    }

    @Test
    void otherClustersMustBeOtherAndListedOnce() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var green = TestClusters.green();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(green).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(green).build()).build());
        });
        assertThat(failure.message()).isEqualTo("alsoTrustedBy must be a cluster other than the ServiceAccount's own: 'adopted AKS cluster 'green''");

        var repeated = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var blue = TestClusters.blue();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(blue).alsoTrustedBy(blue).build()).build());
        });
        assertThat(repeated.message()).isEqualTo("alsoTrustedBy must be a list without repeats: '[adopted AKS cluster 'blue', adopted AKS cluster 'blue']'");
    }

    @Test
    void resourceGroupsGivenAsOutputsAreCheckedOnceKnownBeforeWhatGoesInThem() {
        var rule = "resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'bad rg!'";
        var identity = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                        .identity(EntraWorkloadIdentity.builder().resourceGroupName(com.pulumi.core.Output.of("bad rg!")).build()).build()));
        assertThat(identity.message()).isEqualTo(rule);
        assertThat(identity.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).isEmpty();
        assertThat(identity.deployment().ofType(EntraWorkloadIdentityTest.CREDENTIAL)).isEmpty();

        var cluster = SimulatedStack.named("validation").runExpectingFailure(ctx ->
                new AksCluster("aks", AksClusterArgs.builder().resourceGroupName(com.pulumi.core.Output.of("bad rg!")).build()));
        assertThat(cluster.message()).isEqualTo(rule);
        assertThat(cluster.deployment().ofType("azure-native:containerservice:ManagedCluster")).isEmpty();

        var adopted = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(new AdoptedAksCluster("green", AdoptedAksClusterArgs.builder()
                        .issuerUrl(TestClusters.ISSUER).kubeconfig(TestClusters.KUBECONFIG)
                        .resourceGroupName(com.pulumi.core.Output.of("bad rg!")).build())).namespace("shop").name("api").build()));
        assertThat(adopted.message()).isEqualTo(rule);
        assertThat(adopted.deployment().ofType(EntraWorkloadIdentityTest.IDENTITY)).isEmpty();

        var store = SimulatedStack.named("validation").runExpectingFailure(ctx ->
                ProtectedBlobContainer.create("charts", com.pulumi.core.Output.of("bad rg!"), true));
        assertThat(store.message()).isEqualTo(rule);
        assertThat(store.deployment().ofType("azure-native:storage:StorageAccount")).isEmpty();
        assertThat(store.deployment().ofType("azure-native:storage:BlobContainer")).isEmpty();
    }

    @Test
    void aStoresPlainResourceGroupIsCheckedBeforeAnythingRegisters() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> ProtectedBlobContainer.create("charts", "bad rg!", true));
        assertThat(failure.message())
                .isEqualTo("resourceGroupName must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name): 'bad rg!'");
        assertThat(failure.registeredBesidesStack()).isEmpty();
        assertThat(SimulatedStack.named("validation").run(ctx -> ProtectedBlobContainer.create("charts", "shop-rg", true))
                .resource("azure-native:storage:StorageAccount", "charts").input("resourceGroupName")).contains("shop-rg");
    }

    @Test
    void oneStorageAccountInTwoResourceGroupsIsRefused() {
        var failure = failWith(a -> a.grant(BlobAccess.readOnly("shop-rg", "chartsacct", "charts"))
                .grant(BlobAccess.readWrite("other-rg", "chartsacct", "charts")));
        assertThat(failure.message()).isEqualTo("grants[1] must be a container of storage account 'chartsacct' in its one resource group 'shop-rg', "
                + "as grants[0] names it (storage account names are unique across Azure): 'other-rg'");
        assertThat(failure.deployment().ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).isEmpty();
    }

    @Test
    void grantsOnOneAccountInOneGroupGetAChildEach() {
        var deployment = SimulatedStack.named("validation").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.green()).namespace("shop").name("api")
                .grant(BlobAccess.readOnly("shop-rg", "chartsacct", "charts"))
                .grant(BlobAccess.readWrite("SHOP-RG", "chartsacct", "uploads"))
                .grant(BlobAccess.readWrite("shop-rg", "charts", "acct-charts"))
                .build()));
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).extracting(r -> r.name()).containsExactlyInAnyOrder(
                "api-grant-chartsacct-charts-reader", "api-grant-chartsacct-uploads-contributor", "api-grant-charts-acct-charts-contributor");
    }

    @Test
    void otherClustersSharingAComponentNameAreKeyedApartByTheirKind() {
        for (int run = 0; run < 3; run++) {
            var deployment = SimulatedStack.named("validation").run(ctx -> {
                var created = new AksCluster("blue", AksClusterArgs.builder().resourceGroupName("blue-rg").build());
                var adopted = TestClusters.adopted("blue", TestClusters.OTHER_ISSUER);
                new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                        .identity(EntraWorkloadIdentity.builder().credentialName("shop-api").alsoTrustedBy(created).alsoTrustedBy(adopted).build())
                        .build());
            });
            var credentials = deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL);
            assertThat(credentials).extracting(RegisteredResource::name)
                    .containsExactly("api-credential", "api-credential-blue-aks-cluster", "api-credential-blue-adopted-aks-cluster");
            assertThat(credentials).extracting(r -> r.input("federatedIdentityCredentialResourceName").orElseThrow())
                    .containsExactly("shop-api", "shop-api-blue-aks-cluster", "shop-api-blue-adopted-aks-cluster");
            assertThat(deployment.resource(EntraWorkloadIdentityTest.CREDENTIAL, "api-credential-blue-adopted-aks-cluster").input("issuer"))
                    .contains(TestClusters.OTHER_ISSUER);
            var accounts = deployment.ofType(EntraWorkloadIdentityTest.SERVICE_ACCOUNT);
            // The ServiceAccounts in other clusters register side by side, in no fixed order.
            assertThat(accounts).extracting(RegisteredResource::name)
                    .containsExactlyInAnyOrder("api-sa", "api-sa-blue-aks-cluster", "api-sa-blue-adopted-aks-cluster");
            assertThat(accounts).extracting(RegisteredResource::providerReference).doesNotHaveDuplicates();
        }
    }

    @Test
    void aClusterWhoseNameNoOtherSharesKeepsTheKeyItAlwaysHad() {
        var deployment = SimulatedStack.named("validation").run(ctx -> {
            var created = new AksCluster("blue", AksClusterArgs.builder().resourceGroupName("blue-rg").build());
            var adopted = TestClusters.adopted("red", TestClusters.OTHER_ISSUER);
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .identity(EntraWorkloadIdentity.builder().alsoTrustedBy(created).alsoTrustedBy(adopted).build()).build());
        });
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.CREDENTIAL)).extracting(RegisteredResource::name)
                .containsExactly("api-credential", "api-credential-blue", "api-credential-red");
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.SERVICE_ACCOUNT)).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-sa", "api-sa-blue", "api-sa-red");
    }

    @Test
    void aManagedContainerNamedLikeAnExistingOnesLabelGetsAKeyOfItsOwn() {
        var deployment = SimulatedStack.named("validation").run(ctx -> {
            var managed = new BlobContainer("acct-charts", BlobContainerArgs.builder().resourceGroupName("shop-rg").accountName("shopacct").build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .grant(BlobAccess.readOnly(managed))
                    .grant(BlobAccess.readOnly("shop-rg", "acct", "charts"))
                    .build());
        });
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT)).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("api-grant-managed.acct-charts-reader", "api-grant-acct-charts-reader");
        // Both held the former key: neither is aliased from it, as no stack could have deployed the pair.
        assertThat(deployment.ofType(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT))
                .allSatisfy(r -> assertThat(r.aliases())
                        .noneMatch(alias -> alias.endsWith("$azure-native:authorization:RoleAssignment::api-grant-acct-charts-reader")));
        assertThat(BlobAccess.readOnly("shop-rg", "acct", "charts").describe()).isEqualTo("Blob read-only on container acct-charts");
    }

    @Test
    void aMarkedManagedContainerAloneIsAliasedFromTheKeyItHadAndOthersKeepTheirs() {
        var deployment = SimulatedStack.named("validation").run(ctx -> {
            var managed = new BlobContainer("acct-charts", BlobContainerArgs.builder().resourceGroupName("shop-rg").accountName("shopacct").build());
            var plain = new BlobContainer("uploads", BlobContainerArgs.builder().resourceGroupName("shop-rg").accountName("shopacct").build());
            var grant = BlobAccess.readWrite(managed);
            assertThat(grant.key()).isEqualTo("managed.acct-charts-contributor");
            assertThat(grant.formerKey()).contains("acct-charts-contributor");
            assertThat(grant.describe()).isEqualTo("Blob read-write on container acct-charts");
            assertThat(BlobAccess.readOnly(plain).key()).isEqualTo("uploads-reader");
            assertThat(BlobAccess.readOnly(plain).formerKey()).isEmpty();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .grant(grant).grant(BlobAccess.readOnly(plain)).build());
        });
        var component = deployment.resource(FederatedServiceAccount.TYPE, "api");
        var chain = component.urn().substring(0, component.urn().lastIndexOf("::")) + "$" + EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
        assertThat(deployment.resource(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT, "api-grant-managed.acct-charts-contributor").aliases())
                .contains(chain + "::api-grant-acct-charts-contributor");
        assertThat(deployment.resource(EntraWorkloadIdentityTest.ROLE_ASSIGNMENT, "api-grant-uploads-reader").aliases())
                .noneMatch(alias -> alias.contains("$azure-native:authorization:RoleAssignment::"));
    }

    @Test
    void managedLabelsAreInjectiveOverPulumiNames() {
        assertThat(BlobAccess.managedLabel("charts")).isEqualTo("charts");
        assertThat(BlobAccess.managedLabel("Acct-Charts")).isEqualTo("Acct-Charts");
        assertThat(BlobAccess.managedLabel("acct--charts")).isEqualTo("acct--charts");
        assertThat(BlobAccess.managedLabel("acct-charts")).isEqualTo("managed.acct-charts");
        assertThat(BlobAccess.managedLabel("managed.acct-charts")).isEqualTo("managed.managed.acct-charts");
        var names = java.util.List.of("charts", "acct-charts", "managed.acct-charts", "managed.managed.acct-charts", "ab-charts", "acct-c");
        assertThat(names.stream().map(BlobAccess::managedLabel).distinct()).hasSameSizeAs(names);
    }
}
