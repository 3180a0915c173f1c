package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL023: an Azure storage account with {@code allowBlobPublicAccess: true}, which lets any of its
 * containers be made public, however each is set today (Checkov CKV_AZURE_190). Only an explicit
 * {@code true} is a finding: when unset, the account gets the default of the API version the
 * provider calls, and an unknown value may be set from elsewhere. An account dedicated to a
 * self-managed cluster's issuer ({@link BlobIssuerContainers}) needs it and is not a finding.
 */
public final class StorageAccountBlobPublicAccessRule implements AuditRule {
    @Override public String id() { return "KL023"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Azure storage account allows public blob access"; }
    @Override public String fix() {
        return "Set allowBlobPublicAccess: false on the account (keyless ProtectedBlobContainer does) and publicAccess: None on its containers";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("azure-native", "storage", "StorageAccount") || BlobIssuerContainers.isIssuerAccount(resource, plan)) {
            return List.of();
        }
        JsonNode allow = resource.get("allowBlobPublicAccess");
        return allow.isBoolean() && allow.booleanValue() ? List.of("allowBlobPublicAccess: true") : List.of();
    }
}
