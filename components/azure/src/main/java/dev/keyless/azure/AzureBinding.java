package dev.keyless.azure;

import dev.keyless.core.BindingRequest;
import dev.keyless.core.ChildNames;
import dev.keyless.core.CloudMatch;
import dev.keyless.core.ServiceAccountRef;

import java.util.List;

/**
 * A binding request checked for Azure: the cluster is an AKS cluster and every grant an Azure grant.
 *
 * @param baseName the prefix of the children's names
 * @param account  the ServiceAccount
 * @param cluster  the AKS cluster
 * @param grants   the Azure grants, in the user's order
 */
record AzureBinding(String baseName, ServiceAccountRef account, AzureOidcCluster cluster, List<AzureGrant> grants) {

    static AzureBinding of(BindingRequest request, String mechanism) {
        var cluster = CloudMatch.cluster(request.cluster(), AzureOidcCluster.class,
                "an AKS cluster (AksCluster or AdoptedAksCluster)", mechanism);
        var grants = CloudMatch.grants(request.grants(), AzureGrant.class,
                "an Azure grant (BlobAccess)", mechanism, "a managed identity can only hold Azure role assignments");
        return new AzureBinding(request.baseName(), request.account(), cluster, grants);
    }

    String childName(String role) {
        return ChildNames.of(baseName, role);
    }
}
