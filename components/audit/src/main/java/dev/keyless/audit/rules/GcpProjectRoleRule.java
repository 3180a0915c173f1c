package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * KL020: a Google IAM grant on a whole project, folder or organization that lets its members act
 * as others or as anything: {@code roles/owner}, {@code roles/editor},
 * {@code roles/iam.serviceAccountUser} or {@code roles/iam.serviceAccountTokenCreator} (every
 * service account of the project can be impersonated: Checkov CKV_GCP_41, CKV_GCP_49), an admin
 * role for a user-managed service account (CKV_GCP_42), and any role for a default service
 * account ({@code PROJECT_NUMBER-compute@developer.gserviceaccount.com},
 * {@code PROJECT@appspot.gserviceaccount.com}), which every VM or App Engine app of the project
 * runs as unless told otherwise (CKV_GCP_46). One finding per grant. An unknown role is skipped;
 * unknown members are not read.
 */
public final class GcpProjectRoleRule implements AuditRule {
    private static final Set<String> IMPERSONATING_ROLES = Set.of("roles/owner", "roles/editor",
            "roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator");
    private static final Pattern DEFAULT_SERVICE_ACCOUNT =
            Pattern.compile("serviceAccount:.*(-compute@developer\\.gserviceaccount\\.com|@appspot\\.gserviceaccount\\.com)");
    private static final Pattern USER_MANAGED_SERVICE_ACCOUNT = Pattern.compile("serviceAccount:.+@.+\\.iam\\.gserviceaccount\\.com");
    private static final Pattern ADMIN_ROLE = Pattern.compile("roles/.*([Aa]dmin|editor|owner)");

    @Override public String id() { return "KL020"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Google project-level owner, editor, impersonation or admin role, or a default service account granted"; }
    @Override public String fix() {
        return "Grant a predefined role on the one resource (a bucket, a service account) to a dedicated identity; bind workloads with GKE Workload Identity (keyless GkeWorkloadIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!GcpIam.isGrant(resource) || !GcpIam.isAboveResource(resource)) {
            return List.of();
        }
        String role = resource.text("role");
        if (role == null || Unknowns.containsUnknown(role)) {
            return List.of();
        }
        String scope = resource.type().split(":")[1].split("/")[0];
        List<String> problems = new ArrayList<>();
        if (IMPERSONATING_ROLES.contains(role)) {
            problems.add(role + " on " + scope);
        }
        for (String member : GcpIam.members(resource)) {
            if (DEFAULT_SERVICE_ACCOUNT.matcher(member).matches()) {
                problems.add("default service account " + Values.shorten(member) + " granted " + role);
            } else if (USER_MANAGED_SERVICE_ACCOUNT.matcher(member).matches() && ADMIN_ROLE.matcher(role).matches()
                    && !IMPERSONATING_ROLES.contains(role)) {
                problems.add("admin role " + role + " for " + Values.shorten(member));
            }
        }
        return problems.isEmpty() ? List.of() : List.of(String.join("; ", problems));
    }
}
