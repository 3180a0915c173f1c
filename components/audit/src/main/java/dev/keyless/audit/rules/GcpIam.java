package dev.keyless.audit.rules;

import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/** Google IAM grants as the Pulumi GCP provider models them: {@code *IAMMember} and {@code *IAMBinding}. */
final class GcpIam {
    private GcpIam() {
    }

    /** Whether the resource grants a role: any gcp {@code *IAMMember} or {@code *IAMBinding}. */
    static boolean isGrant(PlanResource resource) {
        String type = resource.type();
        return type.startsWith("gcp:") && (type.endsWith("IAMMember") || type.endsWith("IAMBinding"));
    }

    /** Whether the grant is on a whole project, folder or organization rather than one resource. */
    static boolean isAboveResource(PlanResource resource) {
        return resource.isType("gcp", "projects", "IAMMember") || resource.isType("gcp", "projects", "IAMBinding")
                || resource.isType("gcp", "folder", "IAMMember") || resource.isType("gcp", "folder", "IAMBinding")
                || resource.isType("gcp", "organizations", "IAMMember")
                || resource.isType("gcp", "organizations", "IAMBinding");
    }

    /** The member of an IAMMember, or the members of an IAMBinding, that are known text. */
    static List<String> members(PlanResource resource) {
        List<String> members = new ArrayList<>(Values.texts(resource.get("member")));
        members.addAll(Values.texts(resource.get("members")));
        return members;
    }
}
