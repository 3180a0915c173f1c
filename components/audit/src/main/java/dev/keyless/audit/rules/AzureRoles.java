package dev.keyless.audit.rules;

import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.Locale;

/**
 * Azure built-in roles by role definition GUID, as
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles lists them (the same
 * GUIDs keyless-azure's BuiltInRoles assigns; the audit reads JSON only, so it keeps its own copy).
 */
final class AzureRoles {
    static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    static final String KEY_VAULT_ADMINISTRATOR = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
    static final String KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    static final String KEY_VAULT_SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    static final String KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";
    static final String KEY_VAULT_CRYPTO_OFFICER = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
    static final String SERVICE_BUS_DATA_OWNER = "090c5cfd-751d-490a-894a-3ce6f1109419";
    static final String SERVICE_BUS_DATA_SENDER = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    static final String SERVICE_BUS_DATA_RECEIVER = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    static final String DNS_ZONE_CONTRIBUTOR = "befefa01-2a29-4197-83a8-272ff33ce314";
    static final String ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec";

    private AzureRoles() {
    }

    /**
     * The role definition GUID of an {@code azure-native:authorization:RoleAssignment}, lower case;
     * null for any other resource, or when the role is unknown in whole or in part.
     */
    static String roleGuid(PlanResource resource) {
        if (!resource.isType("azure-native", "authorization", "RoleAssignment")) {
            return null;
        }
        String role = resource.text("roleDefinitionId");
        if (role == null || Unknowns.containsUnknown(role)) {
            return null;
        }
        return role.substring(role.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
