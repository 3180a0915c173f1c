package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KL017: an AWS-managed policy that grants a whole service or more, attached to a role, user or
 * group: {@code AdministratorAccess} (Checkov CKV_AWS_274), {@code PowerUserAccess},
 * {@code IAMFullAccess} or any {@code *FullAccess} (the set keyless-aws's
 * {@code BroadManagedPolicies} warns about for a mechanism's {@code managedPolicyArn}; the audit
 * reads JSON only, so it keeps its own copy). Read from {@code RolePolicyAttachment}, {@code UserPolicyAttachment},
 * {@code GroupPolicyAttachment}, {@code PolicyAttachment}, {@code RolePolicyAttachmentsExclusive}
 * and a role's {@code managedPolicyArns}, in any partition. Customer-managed policies are KL009's;
 * an unknown ARN is skipped.
 */
public final class AwsBroadManagedPolicyRule implements AuditRule {
    private static final Pattern AWS_MANAGED = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/(?:.*/)?([^/]+)");
    private static final Set<String> BROAD = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");
    private static final Set<String> ATTACHMENTS = Set.of(
            "RolePolicyAttachment", "UserPolicyAttachment", "GroupPolicyAttachment", "PolicyAttachment");

    @Override public String id() { return "KL017"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "AWS-managed administrator or full-access policy attached"; }
    @Override public String fix() {
        return "Detach the managed policy; grant the actions on the resources the workload uses (keyless S3Access writes such a policy)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        String[] type = resource.type().split(":");
        if (type.length != 3 || !resource.isType("aws", "iam", type[2])) {
            return List.of();
        }
        List<String> arns = new ArrayList<>();
        if (ATTACHMENTS.contains(type[2])) {
            arns.addAll(Values.texts(resource.get("policyArn")));
        } else if (type[2].equals("Role")) {
            arns.addAll(Values.texts(resource.get("managedPolicyArns")));
        } else if (type[2].equals("RolePolicyAttachmentsExclusive")) {
            arns.addAll(Values.texts(resource.get("policyArns")));
        }
        List<String> findings = new ArrayList<>();
        for (String arn : arns) {
            Matcher managed = AWS_MANAGED.matcher(arn);
            if (managed.matches() && isBroad(managed.group(1))) {
                findings.add("policy " + arn);
            }
        }
        return findings;
    }

    private static boolean isBroad(String name) {
        return BROAD.contains(name) || name.endsWith("FullAccess");
    }
}
