package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL010: a Google storage role granted on a whole project, folder or organization (every bucket in
 * it), or {@code roles/storage.admin} anywhere (it can change a bucket's IAM and delete it). An
 * unknown role is skipped.
 */
public final class GcpStorageRoleRule implements AuditRule {
    @Override public String id() { return "KL010"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Google storage role above one bucket, or storage.admin"; }
    @Override public String fix() {
        return "Grant roles/storage.objectViewer or roles/storage.objectUser on the one bucket, with a prefix condition if needed (keyless GcsAccess)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!GcpIam.isGrant(resource)) {
            return List.of();
        }
        String role = resource.text("role");
        if (role == null) {
            return List.of();
        }
        if (role.equals("roles/storage.admin") || role.startsWith("roles/storage.") && GcpIam.isAboveResource(resource)) {
            String scope = GcpIam.isAboveResource(resource) ? resource.type().split(":")[1].split("/")[0] : "resource";
            return List.of(role + " on " + scope);
        }
        return List.of();
    }
}
