package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;

/**
 * KL014: an Azure blob container with {@code publicAccess} other than {@code None} (unset is
 * Azure's default, None), or that deleting the stack would delete (neither retainOnDelete nor
 * protect). An unknown publicAccess is not a finding. A self-managed cluster's issuer container
 * ({@link BlobIssuerContainers}) is public by design and is not one.
 */
public final class BlobContainerProtectionRule implements AuditRule {
    @Override public String id() { return "KL014"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Blob container open to public access or deletable with the stack"; }
    @Override public String fix() {
        return "Set publicAccess: None and retainOnDelete (or protect) on the container";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("azure-native", "storage", "BlobContainer") || BlobIssuerContainers.isIssuerContainer(resource, plan)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        JsonNode access = resource.get("publicAccess");
        if (access.isTextual() && !Unknowns.isUnknown(access) && !"None".equals(access.textValue())) {
            problems.add("publicAccess " + Values.shorten(access.textValue()));
        }
        if (!resource.survivesDelete()) {
            problems.add("no retainOnDelete or protect");
        }
        return problems.isEmpty() ? List.of() : List.of(String.join("; ", problems));
    }
}
