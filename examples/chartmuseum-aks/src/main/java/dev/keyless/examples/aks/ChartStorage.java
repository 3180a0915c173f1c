package dev.keyless.examples.aks;

import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.azure.ProtectedBlobContainer;

/**
 * Where the charts live: a protected storage account and container in a resource group of their own.
 *
 * <p>Not in the cluster's group: Azure deletes every resource in a group that is deleted, whatever
 * Pulumi's {@code retainOnDelete} says (it only tells Pulumi not to ask), so a {@code pulumi destroy}
 * of the cluster or an {@code az group delete} of its group would take the charts with it
 * (pulumi/pulumi-azure-native#2522). The group is protected, so Pulumi refuses to delete it, and
 * retained, so a destroy that passes {@code --exclude-protected} or unprotects it leaves it in Azure.
 */
final class ChartStorage {
    /** The group's logical name; Pulumi's auto-name adds a random suffix. */
    static final String RESOURCE_GROUP = "charts-rg";
    /** The account's logical name, unchanged since the store lived in the cluster's group, so its URN is too. */
    static final String STORE = "charts";

    private ChartStorage() {
    }

    /**
     * @param settings the stack's settings; {@code retainChartsOnDestroy} protects and retains the group,
     *                 the account and the container
     * @return the account and the container, in their own resource group
     */
    static ProtectedBlobContainer create(ExampleSettings settings) {
        var retain = settings.retainChartsOnDestroy();
        // The location is the provider's (azure-native:location), as for the cluster's group.
        var group = new ResourceGroup(RESOURCE_GROUP, ResourceGroupArgs.builder().build(),
                CustomResourceOptions.builder().protect(retain).retainOnDelete(retain).build());
        return ProtectedBlobContainer.create(STORE, group.name(), retain);
    }
}
