package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure resource ids keyless reads: a blob container's, which is the only scope a storage
 * grant is assigned on, and a user-assigned managed identity's. Provider and type segments are
 * matched without regard to case, as Azure treats them.
 */
final class AzureResourceIds {
    static final String CONTAINER_RULE = "a blob container's resource id, /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/"
            + "storageAccounts/ACCOUNT/blobServices/default/containers/CONTAINER (a grant on anything wider opens more than one container)";
    static final String IDENTITY_RULE = "a user-assigned managed identity's resource id, /subscriptions/SUB/resourceGroups/RG/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/NAME";
    private static final Pattern CONTAINER = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)/blobServices/default/containers/([^/]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTITY = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([^/]+)/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/([^/]+)",
            Pattern.CASE_INSENSITIVE);

    private AzureResourceIds() {
    }

    /**
     * @param subscriptionId the subscription
     * @param resourceGroup  the resource group
     * @param account        the storage account
     * @param container      the container
     * @return the container's resource id
     */
    static String container(String subscriptionId, String resourceGroup, String account, String container) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Storage/storageAccounts/"
                + account + "/blobServices/default/containers/" + container;
    }

    /**
     * @param field the input's name
     * @param id    a resource id
     * @return the subscription id in it
     * @throws InvalidInputException when it is not a blob container's id
     */
    static String requireContainerSubscription(String field, String id) {
        return match(CONTAINER, field, id, CONTAINER_RULE).group(1);
    }

    /** A managed identity's id, split into the parts a federated credential names. */
    record IdentityId(String resourceId, String subscriptionId, String resourceGroupName, String name) {
    }

    static IdentityId requireIdentity(String field, String id) {
        var matcher = match(IDENTITY, field, id, IDENTITY_RULE);
        AzureNames.requireIdentityName(field, matcher.group(3));
        return new IdentityId(id, matcher.group(1), matcher.group(2), matcher.group(3));
    }

    private static Matcher match(Pattern pattern, String field, String id, String rule) {
        var matcher = id == null ? null : pattern.matcher(id);
        if (matcher == null || !matcher.matches()) {
            throw InvalidInputException.of(field, id, rule);
        }
        return matcher;
    }
}
