package dev.keyless.azure;

import dev.keyless.core.ResourceGrant;

/**
 * A grant a managed identity can hold: role assignments naming its principal, on exactly the
 * resources the grant names ({@link BlobAccess}).
 */
public interface AzureGrant extends ResourceGrant<ManagedIdentity> {

    /** @return {@link AzureCloud#CLOUD}: the grant is held by the workload's Azure identity */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return AzureCloud.CLOUD;
    }

}
