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
 * KL013: a Cloud Storage bucket without {@code uniformBucketLevelAccess: true} (object ACLs can
 * make single objects public), {@code publicAccessPrevention: "enforced"}, {@code versioning.enabled:
 * true}, or retainOnDelete/protect. One exception: a self-managed cluster's issuer bucket
 * ({@link GcsIssuerBucket}), whose only public grant is {@code allUsers} reading objects and whose
 * only objects are the two issuer documents, has {@code publicAccessPrevention: inherited}, as it
 * must. A setting the preview leaves unknown counts as set, so unknown values never make a finding.
 */
public final class GcsBucketProtectionRule implements AuditRule {
    @Override public String id() { return "KL013"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Cloud Storage bucket open to public access, unversioned or deletable with the stack"; }
    @Override public String fix() {
        return "Set uniformBucketLevelAccess: true, publicAccessPrevention: enforced, versioning.enabled: true and retainOnDelete (or protect)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("gcp", "storage", "Bucket")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!isTrue(resource.get("uniformBucketLevelAccess"))) {
            problems.add("uniformBucketLevelAccess not true");
        }
        JsonNode prevention = resource.get("publicAccessPrevention");
        if (!Unknowns.isUnknown(prevention) && !"enforced".equals(prevention.asText())
                && !("inherited".equals(prevention.asText()) && GcsIssuerBucket.isIssuerBucket(resource, plan))) {
            problems.add("publicAccessPrevention " + (prevention.isTextual() ? prevention.textValue() : "unset"));
        }
        JsonNode versioning = resource.get("versioning");
        if (!Unknowns.isUnknown(versioning) && !isTrue(versioning.path("enabled"))) {
            problems.add("versioning not enabled");
        }
        if (!resource.survivesDelete()) {
            problems.add("no retainOnDelete or protect");
        }
        return problems.isEmpty() ? List.of() : List.of(String.join("; ", problems));
    }

    private static boolean isTrue(JsonNode value) {
        return value.asBoolean(false) && value.isBoolean() || Unknowns.isUnknown(value);
    }
}
