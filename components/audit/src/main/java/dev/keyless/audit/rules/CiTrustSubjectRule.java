package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/**
 * KL025: an IAM role trusting a CI system's jobs (GitHub Actions, GitLab CI, Bitbucket, CircleCI,
 * Buildkite, or any trust naming {@code repo:…}/{@code project_path:…} subjects) without pinning
 * them: no {@code sub} condition, or a {@code sub} pattern with a wildcard ({@code repo:acme/*}
 * lets every repository of the owner in, {@code repo:acme/shop:*} every branch and pull request).
 * A trust that checks only the audience is KL026's. Checkov's CKV_AWS_358 finds the same in
 * Terraform.
 */
public final class CiTrustSubjectRule implements AuditRule {
    @Override public String id() { return "KL025"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "CI pipeline trust with a wildcard or missing sub"; }
    @Override public String fix() {
        return "StringEquals on ISSUER:sub = one repository's environment or branch (repo:ORG/REPO:environment:NAME) and on ISSUER:aud (keyless PipelineIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (WebIdentityTrust trust : WebIdentityTrust.of(resource)) {
            if (!trust.isCi() || trust.audienceOnly()) {
                continue;
            }
            if (trust.noSub()) {
                findings.add(trust.issuer() + ": no sub condition");
            } else if (trust.looseValues().stream().anyMatch(CiSubjects::isWildcard)) {
                findings.add(Values.shorten(String.join("; ", trust.looseSubs())));
            }
        }
        return findings;
    }
}
