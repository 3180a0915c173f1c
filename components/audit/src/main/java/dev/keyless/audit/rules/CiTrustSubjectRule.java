package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;

/**
 * KL025: a trust of a CI system's jobs (GitHub Actions, GitLab CI, Bitbucket, CircleCI, Buildkite,
 * or any trust naming {@code repo:…}/{@code project_path:…} subjects) that does not pin one
 * pipeline, on each cloud:
 * <ul>
 *   <li>an IAM role with no {@code sub} condition, or a {@code sub} pattern with a wildcard
 *       ({@code repo:acme/*} lets every repository of the owner in, {@code repo:acme/shop:*} every
 *       branch and pull request); a trust that checks only the audience is KL026's. Checkov's
 *       CKV_AWS_358 finds the same in Terraform;</li>
 *   <li>a Workload Identity pool provider with no {@code attributeCondition}, or one with an
 *       alternative that pins neither an exact subject nor one repository and one ref or
 *       environment ({@link CiSubjects#pinsOnePipeline}): {@code assertion.repository_owner == 'acme'}
 *       admits every repository of the owner (CKV_GCP_125 checks only that a condition exists);</li>
 *   <li>an Entra federated credential whose subject is not exactly one repository's environment,
 *       branch, tag or pull requests ({@link CiSubjects#isExactlyOne}). Entra matches subjects
 *       exactly, so a wildcard cannot widen it, but a subject of a customized GitHub claim such as
 *       {@code repository_owner:acme} or {@code repo:acme/shop} (no ref) names every repository of
 *       the owner, or every branch of the repository, once the organization's subject template
 *       makes tokens carry it
 *       (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#customizing-the-subject-claims-for-an-organization-or-repository).</li>
 * </ul>
 * A condition or subject the preview leaves unknown is not judged.
 */
public final class CiTrustSubjectRule implements AuditRule {
    @Override public String id() { return "KL025"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "CI pipeline trust that does not pin one repository and ref"; }
    @Override public String fix() {
        return "Trust one repository's environment or branch: StringEquals on ISSUER:sub and ISSUER:aud (AWS), "
                + "assertion.sub == 'repo:ORG/REPO:environment:NAME' (GCP), that exact subject (Azure) (keyless PipelineIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>(awsRole(resource));
        GcpOidcProvider provider = GcpOidcProvider.of(resource);
        if (provider != null && provider.isCi() && !provider.unknown()) {
            findings.addAll(gcpProvider(provider));
        }
        findings.addAll(entraCredential(resource));
        return findings;
    }

    private static List<String> awsRole(PlanResource resource) {
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

    private static List<String> gcpProvider(GcpOidcProvider provider) {
        String issuer = provider.issuer().isEmpty() ? "issuer unknown" : provider.issuer();
        if (provider.condition() == null) {
            return List.of(issuer + ": no attributeCondition");
        }
        boolean pinned = CelCondition.pinnedClaims(provider.condition(), provider.mapping()).stream()
                .allMatch(CiSubjects::pinsOnePipeline);
        return pinned ? List.of() : List.of(issuer + ": condition " + Values.shorten(provider.condition()));
    }

    private static List<String> entraCredential(PlanResource resource) {
        if (!resource.isType("azure-native", "managedidentity", "FederatedIdentityCredential")) {
            return List.of();
        }
        String issuer = resource.text("issuer");
        String subject = resource.text("subject");
        if (subject == null || Unknowns.containsUnknown(subject) || !isCiCredential(issuer, subject)
                || CiSubjects.isExactlyOne(subject)) {
            return List.of();
        }
        return List.of(Values.shorten("subject " + subject));
    }

    /**
     * Whether an Entra credential trusts a CI system's jobs: a CI issuer's, or a pipeline's subject
     * from any issuer. KL008 leaves these to this rule.
     */
    static boolean isCiCredential(String issuer, String subject) {
        return issuer != null && !Unknowns.containsUnknown(issuer) && CiSubjects.isCiIssuerUrl(issuer)
                || subject != null && CiSubjects.looksLikeCi(subject);
    }
}
