package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/**
 * KL007: a Google IAM grant (any {@code *IAMMember} or {@code *IAMBinding}) to a
 * {@code principalSet://} member, which stands for every identity of a pool, namespace or
 * attribute rather than one ServiceAccount's {@code principal://}. An unknown member is skipped.
 */
public final class GcpPrincipalSetRule implements AuditRule {
    @Override public String id() { return "KL007"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Google IAM grant to a principal set rather than one ServiceAccount"; }
    @Override public String fix() {
        return "Grant to one Kubernetes ServiceAccount's principal://…/subject/ns/NS/sa/NAME (keyless GkeWorkloadIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!GcpIam.isGrant(resource)) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        for (String member : GcpIam.members(resource)) {
            if (member.startsWith("principalSet://")) {
                findings.add(Values.shorten(member));
            }
        }
        return findings;
    }
}
