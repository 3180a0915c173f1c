package dev.keyless.benchmarks.scale;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.OidcCluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entra Workload ID on AKS: per workload a namespace, a managed identity, its federated credential
 * for the ServiceAccount, a Storage Blob Data Contributor assignment on one container, and the
 * annotated ServiceAccount.
 */
final class AksWorkloads {
    static final String ISSUER = "https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/"
            + "3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/";
    static final String RESOURCE_GROUP = "platform-rg";
    static final String ACCOUNT = "scaleworkloads";
    static final String SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";
    static final String CONTAINER_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP
            + "/providers/Microsoft.Storage/storageAccounts/" + ACCOUNT + "/blobServices/default/containers/" + App.BUCKET;
    private static final String BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private AksWorkloads() {
    }

    static OidcCluster adoptedCluster() {
        return new AdoptedAksCluster(App.CLUSTER, AdoptedAksClusterArgs.builder()
                .issuerUrl(ISSUER).resourceGroupName(RESOURCE_GROUP).kubeconfig(App.KUBECONFIG).build());
    }

    static void keyless(OidcCluster cluster, String team) {
        new FederatedServiceAccount(team, FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(team).name("app")
                .grant(BlobAccess.readWrite(RESOURCE_GROUP, ACCOUNT, App.BUCKET))
                .build());
    }

    static void raw(CustomResourceOptions kubernetes, String team) {
        var namespace = new Namespace(team + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(team).build()).build(), kubernetes);
        var identity = new UserAssignedIdentity(team + "-identity", UserAssignedIdentityArgs.builder()
                .resourceGroupName(RESOURCE_GROUP).build());
        var credential = new FederatedIdentityCredential(team + "-credential", FederatedIdentityCredentialArgs.builder()
                .resourceGroupName(RESOURCE_GROUP)
                .resourceName(identity.name())
                .issuer(ISSUER)
                .subject("system:serviceaccount:" + team + ":app")
                .audiences(List.of("api://AzureADTokenExchange"))
                .build(), CustomResourceOptions.builder().dependsOn(identity).build());
        var assignment = new RoleAssignment(team + "-grant", RoleAssignmentArgs.builder()
                .scope(CONTAINER_ID)
                .roleDefinitionId("/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/" + BLOB_DATA_CONTRIBUTOR)
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(identity.principalId().applyValue(principal ->
                        UUID.nameUUIDFromBytes((CONTAINER_ID + "|" + principal + "|" + BLOB_DATA_CONTRIBUTOR).getBytes(StandardCharsets.UTF_8)).toString()))
                .build());
        new ServiceAccount(team + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name("app")
                        .namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow()))
                        .annotations(Output.tuple(identity.clientId(), identity.tenantId()).applyValue(t -> Map.of(
                                "azure.workload.identity/client-id", t.t1, "azure.workload.identity/tenant-id", t.t2)))
                        .build())
                .automountServiceAccountToken(false)
                .build(), CustomResourceOptions.builder().provider(kubernetes.getProvider().orElseThrow()).dependsOn(credential, assignment).build());
    }
}
