package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * KL033: Owner or Contributor assigned on a Key Vault or above it (its resource group, a
 * subscription, a management group). Both manage the vault itself: Contributor can rewrite an
 * access-policy vault's policies to read every secret and key, Owner can also assign itself any
 * data role (https://learn.microsoft.com/azure/key-vault/general/rbac-guide, "Azure RBAC
 * management plane"), and above a vault they reach every vault and every other resource there.
 * keyless assigns data roles only, on the one vault, secret or key. A role or scope the preview
 * leaves unknown, in whole or in part, is skipped; Owner or Contributor on another single
 * resource is not this rule's.
 */
public final class VaultOwnerRoleRule implements AuditRule {
    private static final Map<String, String> CONTROL_ROLES = Map.of(
            AzureRoles.OWNER, "Owner",
            AzureRoles.CONTRIBUTOR, "Contributor");
    /** A vault itself, not a secret or key below it. */
    private static final Pattern VAULT = Pattern.compile(".*/providers/microsoft\\.keyvault/vaults/[^/]+/?");
    /** A subscription, resource group or the root: a scope naming no provider resource. */
    private static final Pattern GROUP_OR_ABOVE = Pattern.compile(
            "/|/subscriptions/[^/]+/?|/subscriptions/[^/]+/resourcegroups/[^/]+/?|/providers/microsoft\\.management/managementgroups/[^/]+/?");

    @Override public String id() { return "KL033"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Owner or Contributor on a Key Vault, resource group or subscription"; }
    @Override public String fix() {
        return "Assign a data role on the one vault, secret or key (keyless KeyVaultSecretAccess, KeyVaultKeyAccess)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        String role = AzureRoles.roleGuid(resource);
        String scope = resource.text("scope");
        if (role == null || scope == null || Unknowns.containsUnknown(scope) || !CONTROL_ROLES.containsKey(role)) {
            return List.of();
        }
        String lower = scope.toLowerCase(Locale.ROOT);
        if (!VAULT.matcher(lower).matches() && !GROUP_OR_ABOVE.matcher(lower).matches()) {
            return List.of();
        }
        return List.of(Values.shorten(CONTROL_ROLES.get(role) + " on " + scope));
    }
}
