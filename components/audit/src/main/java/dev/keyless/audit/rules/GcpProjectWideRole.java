package dev.keyless.audit.rules;

import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.Set;

/**
 * One Google grant kind's over-wide form: a role of the kind granted on a whole project, folder
 * or organization ({@link GcpIam#isAboveResource}), where it reaches every resource of the kind,
 * instead of on the one secret, key, topic, zone or repository that keyless grants it on.
 *
 * @param roles    the kind's roles that matter, each a full name ({@code roles/dns.admin}) or a
 *                 service's prefix ending in a dot ({@code roles/pubsub.})
 * @param harmless roles under those prefixes that read only metadata, e.g. {@code roles/pubsub.viewer}
 */
record GcpProjectWideRole(Set<String> roles, Set<String> harmless) {

    /** What the grant gives too widely, e.g. {@code roles/secretmanager.secretAccessor on projects}; null when nothing. */
    String judge(PlanResource grant) {
        if (!GcpIam.isGrant(grant) || !GcpIam.isAboveResource(grant)) {
            return null;
        }
        String role = grant.text("role");
        if (role == null || Unknowns.containsUnknown(role) || harmless.contains(role)
                || roles.stream().noneMatch(r -> r.endsWith(".") ? role.startsWith(r) : role.equals(r))) {
            return null;
        }
        return role + " on " + grant.type().split(":")[1].split("/")[0];
    }
}
