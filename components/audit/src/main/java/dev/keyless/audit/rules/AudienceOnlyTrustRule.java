package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/**
 * KL026: an IAM role trusting an OIDC issuer on the token's {@code aud} alone, with no {@code sub}
 * or other claim condition. Every token the issuer mints for that audience passes: for GitHub
 * Actions, whose {@code aud} is {@code sts.amazonaws.com} for every workflow that asks AWS, that is
 * any repository on GitHub; for a cluster, any ServiceAccount of it.
 */
public final class AudienceOnlyTrustRule implements AuditRule {
    @Override public String id() { return "KL026"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "IAM role trusts an OIDC issuer on the audience alone"; }
    @Override public String fix() {
        return "Add StringEquals on ISSUER:sub = the one subject (a ServiceAccount or a pipeline's repository and environment) (keyless IrsaIdentity or PipelineIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (WebIdentityTrust trust : WebIdentityTrust.of(resource)) {
            if (trust.audienceOnly()) {
                findings.add((trust.issuer().isEmpty() ? "" : trust.issuer() + ": ") + "aud only, no sub");
            }
        }
        return findings;
    }
}
