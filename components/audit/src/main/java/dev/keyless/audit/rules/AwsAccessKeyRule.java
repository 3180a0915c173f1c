package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL001: an IAM user access key. The resource is the finding; its values, known or not, are only
 * shown.
 */
public final class AwsAccessKeyRule implements AuditRule {
    @Override public String id() { return "KL001"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "AWS IAM access key (a static credential)"; }
    @Override public String fix() {
        return "Remove the access key; give the workload an IRSA or EKS Pod Identity role (keyless IrsaIdentity or PodIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("aws", "iam", "AccessKey")) {
            return List.of();
        }
        String user = resource.text("user");
        return List.of("access key for user " + (user == null ? "?" : Values.shorten(user)));
    }
}
