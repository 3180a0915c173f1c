package dev.keyless.azure;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Lets one named principal (the person or pipeline that runs a {@link BlobOidcIssuer}'s upload
 * script) write the issuer's container: Storage Blob Data Contributor on that container only.
 */
final class IssuerUploader {
    private IssuerUploader() {
    }

    static RoleAssignment grant(String name, Resource parent, String issuer, BlobContainer container, String principalId) {
        Output<String> scope = container.id();
        return new RoleAssignment(name, RoleAssignmentArgs.builder()
                .scope(scope)
                .roleDefinitionId(scope.applyValue(id -> BuiltInRoles.definitionId(
                        AzureResourceIds.requireContainerSubscription("container", id), BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR)))
                .principalId(principalId)
                .roleAssignmentName(scope.applyValue(id -> RoleAssignmentNames.of(id, principalId, BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR)))
                .description("writes the OIDC issuer documents of " + issuer)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
