package dev.keyless.audit.rules;

import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.Locale;
import java.util.Map;

/**
 * One Azure grant kind's over-wide form: a data role of the kind assigned above the resource
 * keyless assigns it on (a vault, a Service Bus namespace's queue or topic, a DNS zone, a
 * registry), on a resource group or subscription whose every such resource it then reaches. A
 * role or scope the preview leaves unknown, in whole or in part, is skipped.
 *
 * @param roles         the kind's built-in roles, by role definition GUID, with their names for the report
 * @param resourceScope the scope segment of the kind's resource type, lower case, e.g.
 *                      {@code /providers/microsoft.keyvault/vaults/}: a scope at or below it passes
 */
record AzureAboveResourceRole(Map<String, String> roles, String resourceScope) {

    /** What the assignment gives too widely, e.g. {@code Key Vault Secrets User on /subscriptions/1}; null when nothing. */
    String judge(PlanResource assignment) {
        String role = AzureRoles.roleGuid(assignment);
        String scope = assignment.text("scope");
        if (role == null || scope == null || Unknowns.containsUnknown(scope) || !roles.containsKey(role)
                || scope.toLowerCase(Locale.ROOT).contains(resourceScope)) {
            return null;
        }
        return Values.shorten(roles.get(role) + " on " + scope);
    }
}
