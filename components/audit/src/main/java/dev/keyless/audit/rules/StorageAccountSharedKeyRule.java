package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;

/**
 * KL005: an Azure storage account that accepts its shared account keys, which Azure allows when
 * {@code allowSharedKeyAccess} is unset. An unknown value is not a finding: the program may set
 * false from another resource's output.
 */
public final class StorageAccountSharedKeyRule implements AuditRule {
    @Override public String id() { return "KL005"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Azure storage account accepts shared-key access"; }
    @Override public String fix() {
        return "Set allowSharedKeyAccess: false and grant data access with Entra role assignments (keyless BlobAccess)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("azure-native", "storage", "StorageAccount")) {
            return List.of();
        }
        JsonNode allow = resource.get("allowSharedKeyAccess");
        if (Unknowns.isUnknown(allow) || allow.isBoolean() && !allow.booleanValue()) {
            return List.of();
        }
        return List.of("allowSharedKeyAccess: " + (allow.isMissingNode() || allow.isNull() ? "unset (Azure allows)" : allow.asText()));
    }
}
