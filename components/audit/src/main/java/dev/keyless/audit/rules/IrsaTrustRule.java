package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/**
 * KL006: an IAM role that a web identity (an EKS OIDC token) may assume without being pinned to
 * one ServiceAccount and one audience: its {@code :sub} condition is missing or not
 * {@code StringEquals} (a {@code StringLike} pattern matches many ServiceAccounts), or it has no
 * {@code StringEquals} {@code :aud} condition. A trust policy the preview leaves unknown is skipped;
 * unknown text inside a known policy (an issuer, a ServiceAccount name) is only shown. A pipeline's
 * trust (KL025) and one that checks only the audience (KL026) are left to their own rules.
 */
public final class IrsaTrustRule implements AuditRule {
    @Override public String id() { return "KL006"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM role trusts web identities wider than one ServiceAccount"; }
    @Override public String fix() {
        return "Trust one ServiceAccount: StringEquals on ISSUER:sub = system:serviceaccount:NS:NAME and on ISSUER:aud = sts.amazonaws.com (keyless IrsaIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (WebIdentityTrust trust : WebIdentityTrust.of(resource)) {
            // A pipeline's trust is KL025's, one that checks the audience alone KL026's.
            if (trust.isCi() || trust.audienceOnly()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (trust.exactSubs().isEmpty()) {
                problems.add(trust.looseSubs().isEmpty() ? "no sub condition" : Values.shorten(String.join("; ", trust.looseSubs())));
            }
            if (!trust.exactAud()) {
                problems.add("no StringEquals aud condition");
            }
            if (!problems.isEmpty()) {
                findings.add(String.join("; ", problems));
            }
        }
        return findings;
    }
}
