package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.quoted;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustRulesTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/ABC";

    private static String trust(String condition) {
        return "{\"assumeRolePolicy\":" + quoted("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"arn\"},\"Action\":[\"sts:AssumeRoleWithWebIdentity\",\"sts:TagSession\"]"
                + condition + "}]}") + "}";
    }

    @Test
    void anIrsaTrustMustPinSubAndAudWithStringEquals() {
        assertThat(check(new IrsaTrustRule(),
                step(ROLE, "exact", trust(",\"Condition\":{\"StringEquals\":{\"" + ISSUER + ":sub\":\"system:serviceaccount:a:b\",\""
                        + ISSUER + ":aud\":\"sts.amazonaws.com\"}}")),
                step(ROLE, "noaud", trust(",\"Condition\":{\"StringEquals\":{\"" + ISSUER + ":sub\":\"system:serviceaccount:a:b\"}}")),
                step(ROLE, "likeaud", trust(",\"Condition\":{\"StringEquals\":{\"" + ISSUER + ":sub\":\"system:serviceaccount:a:b\"},"
                        + "\"StringLike\":{\"" + ISSUER + ":aud\":\"sts.*\"}}")),
                step(ROLE, "open", trust("")),
                step(ROLE, "unknown", "{\"assumeRolePolicy\":\"" + U + "\"}"),
                step(ROLE, "service", "{\"assumeRolePolicy\":" + quoted("{\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}") + "}")))
                .containsExactly(
                        "noaud: no StringEquals aud condition",
                        "likeaud: no StringEquals aud condition",
                        "open: no sub condition; no StringEquals aud condition");
    }

    @Test
    void anUnknownIssuerInsideAKnownTrustIsOnlyShown() {
        assertThat(check(new IrsaTrustRule(), step(ROLE, "r", trust(",\"Condition\":{\"StringLike\":{\"" + U
                + ":sub\":\"system:serviceaccount:a:*\"},\"StringEquals\":{\"" + U + ":aud\":\"sts.amazonaws.com\"}}"))))
                .containsExactly("r: StringLike sub system:serviceaccount:a:*");
    }

    @Test
    void aPrincipalSetIsAFindingOnAnyGoogleGrantButAPrincipalIsNot() {
        String set = "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p.svc.id.goog/*";
        assertThat(check(new GcpPrincipalSetRule(),
                step("gcp:storage/bucketIAMBinding:BucketIAMBinding", "binding", "{\"members\":[\"user:a@b.c\",\"" + set + "\"]}"),
                step("gcp:serviceaccount/iAMMember:IAMMember", "one", "{\"member\":\"principal://iam.googleapis.com/x/subject/ns/a/sa/b\"}"),
                step("gcp:projects/iAMMember:IAMMember", "unknown", "{\"member\":\"" + U + "\"}")))
                .containsExactly("binding: principalSet://iam.googleapis.com/projec…l/workloadIdentityPools/p.svc.id.goog/*");
    }

    @Test
    void aFederatedCredentialSubjectMustBeExactlyOneServiceAccount() {
        String credential = "azure-native:managedidentity:FederatedIdentityCredential";
        assertThat(check(new FederatedCredentialSubjectRule(),
                step(credential, "one", "{\"subject\":\"system:serviceaccount:shop:api-v2\"}"),
                step(credential, "wild", "{\"subject\":\"system:serviceaccount:shop:*\"}"),
                step(credential, "namespace", "{\"subject\":\"system:serviceaccount:shop\"}"),
                step(credential, "unset", "{}"),
                step(credential, "unknown", "{\"subject\":\"system:serviceaccount:" + U + ":api\"}")))
                .containsExactly("wild: subject: system:serviceaccount:shop:*",
                        "namespace: subject: system:serviceaccount:shop", "unset: subject: unset");
    }

    @Test
    void aPipelineCredentialIsKl025sWhichAcceptsExactlyOnePipelineSubject() {
        String credential = "azure-native:managedidentity:FederatedIdentityCredential";
        String github = "\"issuer\":\"https://token.actions.githubusercontent.com\",";
        String[] steps = {
                step(credential, "environment", "{" + github + "\"subject\":\"repo:acme/shop:environment:production\"}"),
                step(credential, "branch", "{\"subject\":\"repo:acme/shop:ref:refs/heads/release/v2\"}"),
                step(credential, "tag", "{\"subject\":\"repo:acme/shop:ref:refs/tags/v1.2.0\"}"),
                step(credential, "pr", "{\"subject\":\"repo:acme/shop:pull_request\"}"),
                step(credential, "gitlab", "{\"issuer\":\"https://gitlab.example.com\","
                        + "\"subject\":\"project_path:acme/web/shop:ref_type:branch:ref:main\"}"),
                step(credential, "gitlabtag", "{\"subject\":\"project_path:acme/web/shop:ref_type:tag:ref:v1.2.0\"}"),
                step(credential, "anytag", "{\"subject\":\"repo:acme/shop:ref:refs/tags/v*\"}"),
                step(credential, "owner", "{\"subject\":\"repo:acme/*\"}"),
                step(credential, "anyref", "{\"subject\":\"repo:acme/shop:*\"}"),
                step(credential, "repoonly", "{\"subject\":\"repo:acme/shop\"}"),
                step(credential, "anybranch", "{\"subject\":\"project_path:acme/shop:ref_type:branch:ref:*\"}"),
                // A customized GitHub subject of the owner alone: every repository of the organization.
                step(credential, "org", "{" + github + "\"subject\":\"repository_owner:acme\"}"),
                step(credential, "unknown", "{" + github + "\"subject\":\"repo:acme/" + U + "\"}"),
                step(credential, "cluster", "{\"issuer\":\"https://oidc.prod-aks.azure.com/t/\","
                        + "\"subject\":\"system:serviceaccount:shop:api\"}")};
        assertThat(check(new CiTrustSubjectRule(), steps)).containsExactly(
                "anytag: subject repo:acme/shop:ref:refs/tags/v*", "owner: subject repo:acme/*", "anyref: subject repo:acme/shop:*", "repoonly: subject repo:acme/shop",
                "anybranch: subject project_path:acme/shop:ref_type:branch:ref:*", "org: subject repository_owner:acme");
        // KL008 leaves every pipeline's credential to KL025, and judges the cluster's.
        assertThat(check(new FederatedCredentialSubjectRule(), steps)).isEmpty();
    }

    private static final String GITHUB = "token.actions.githubusercontent.com";

    private static String federated(String issuer, String condition) {
        return "{\"assumeRolePolicy\":" + quoted("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/" + issuer + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"" + condition + "}]}") + "}";
    }

    @Test
    void aPipelineTrustMustNameItsSubjectWithoutWildcards() {
        String aud = "\"" + GITHUB + ":aud\":\"sts.amazonaws.com\"";
        String[] steps = {
                step(ROLE, "exact", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{" + aud + ",\"" + GITHUB
                        + ":sub\":\"repo:acme/shop:environment:production\"}}")),
                step(ROLE, "owner", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{" + aud + "},\"StringLike\":{\""
                        + GITHUB + ":sub\":\"repo:acme/*\"}}")),
                step(ROLE, "open", federated(GITHUB, "")),
                step(ROLE, "audonly", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{" + aud + "}}")),
                step(ROLE, "gitlab", federated("gitlab.example.com", ",\"Condition\":{\"StringLike\":{"
                        + "\"gitlab.example.com:sub\":\"project_path:acme/shop:ref_type:branch:ref:*\"}}")),
                step(ROLE, "cluster", federated(ISSUER, ",\"Condition\":{\"StringLike\":{\"" + ISSUER
                        + ":sub\":\"system:serviceaccount:a:*\"}}"))};
        assertThat(check(new CiTrustSubjectRule(), steps)).containsExactly(
                "owner: StringLike sub repo:acme/*",
                "open: token.actions.githubusercontent.com: no sub condition",
                "gitlab: StringLike sub project_path:acme/shop:ref_type:branch:ref:*");
        // The same trusts under KL006: a cluster's only; the pipelines' and the audience-only one are not its.
        assertThat(check(new IrsaTrustRule(), steps))
                .containsExactly("cluster: StringLike sub system:serviceaccount:a:*; no StringEquals aud condition");
    }

    @Test
    void anEnterprisesOwnGitHubIssuerIsAPipelineIssuerAndItsTagSubjectsAreExact() {
        String enterprise = GITHUB + "/octocat-inc";
        String aud = "\"" + enterprise + ":aud\":\"sts.amazonaws.com\"";
        String[] steps = {
                step(ROLE, "tag", federated(enterprise, ",\"Condition\":{\"StringEquals\":{" + aud + ",\"" + enterprise
                        + ":sub\":\"repo:acme/shop:ref:refs/tags/v1.2.0\"}}")),
                step(ROLE, "gitlabtag", federated("gitlab.com", ",\"Condition\":{\"StringEquals\":{\"gitlab.com:aud\":\"sts.amazonaws.com\","
                        + "\"gitlab.com:sub\":\"project_path:acme/shop:ref_type:tag:ref:v1.2.0\"}}")),
                step(ROLE, "anytag", federated(enterprise, ",\"Condition\":{\"StringEquals\":{" + aud + "},\"StringLike\":{\""
                        + enterprise + ":sub\":\"repo:acme/shop:ref:refs/tags/v*\"}}")),
                step(ROLE, "open", federated(enterprise, ""))};
        assertThat(check(new CiTrustSubjectRule(), steps)).containsExactly(
                "anytag: StringLike sub repo:acme/shop:ref:refs/tags/v*",
                "open: token.actions.githubusercontent.com/octocat-inc: no sub condition");
        // A pipeline's trust, so none of them is KL006's as a cluster's would be.
        assertThat(check(new IrsaTrustRule(), steps)).isEmpty();
    }

    @Test
    void aTrustOnTheAudienceAloneIsCriticalForAnyIssuer() {
        String[] steps = {
                step(ROLE, "github", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{\"" + GITHUB
                        + ":aud\":\"sts.amazonaws.com\"}}")),
                step(ROLE, "cluster", federated(ISSUER, ",\"Condition\":{\"StringLike\":{\"" + ISSUER
                        + ":aud\":\"sts.*\"}}")),
                step(ROLE, "owner", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{\"" + GITHUB
                        + ":aud\":\"sts.amazonaws.com\",\"" + GITHUB + ":repository_owner_id\":\"42\"}}")),
                step(ROLE, "exact", federated(GITHUB, ",\"Condition\":{\"StringEquals\":{\"" + GITHUB
                        + ":aud\":\"sts.amazonaws.com\",\"" + GITHUB + ":sub\":\"repo:acme/shop:pull_request\"}}"))};
        assertThat(check(new AudienceOnlyTrustRule(), steps)).containsExactly(
                "github: token.actions.githubusercontent.com: aud only, no sub",
                "cluster: oidc.eks.eu-west-1.amazonaws.com/id/ABC: aud only, no sub");
        assertThat(new AudienceOnlyTrustRule().severity()).isEqualTo(dev.keyless.audit.Severity.CRITICAL);
    }

    private static final String PROVIDER = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";

    @Test
    void aPoolProviderForAClusterIssuerNeedsAnAttributeCondition() {
        String oidc = "\"oidc\":{\"issuerUri\":\"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\"}";
        assertThat(check(new GcpProviderConditionRule(),
                step(PROVIDER, "pinned", "{" + oidc + ",\"attributeCondition\":\"assertion.sub == 'system:serviceaccount:a:b'\"}"),
                step(PROVIDER, "none", "{" + oidc + "}"),
                step(PROVIDER, "blank", "{" + oidc + ",\"attributeCondition\":\" \"}"),
                step(PROVIDER, "unknown", "{" + oidc + ",\"attributeCondition\":\"" + U + "\"}"),
                step(PROVIDER, "github", "{\"oidc\":{\"issuerUri\":\"https://token.actions.githubusercontent.com\"}}"),
                step(PROVIDER, "aws", "{\"aws\":{\"accountId\":\"123456789012\"}}")))
                .containsExactly("none: issuer https://oidc.eks.eu-west-1.amazonaws.com/id/ABC: no attributeCondition",
                        "blank: issuer https://oidc.eks.eu-west-1.amazonaws.com/id/ABC: no attributeCondition");
    }

    private static String githubProvider(String condition) {
        return "{\"oidc\":{\"issuerUri\":\"https://token.actions.githubusercontent.com\"},"
                + "\"attributeMapping\":{\"google.subject\":\"assertion.sub\",\"attribute.repository\":\"assertion.repository\"}"
                + (condition == null ? "" : ",\"attributeCondition\":\"" + condition + "\"") + "}";
    }

    @Test
    void aPipelinePoolProviderMustPinOneRepositoryAndRefOrAnExactSubject() {
        assertThat(check(new CiTrustSubjectRule(),
                // What keyless PipelineIdentity writes: the exact subject, and the pinned numeric ids.
                step(PROVIDER, "exact", githubProvider("assertion.sub == 'repo:acme/shop:environment:production'"
                        + " && assertion.repository_id == '123456' && assertion.repository_owner_id == '42'")),
                step(PROVIDER, "repo-and-ref", githubProvider("(attribute.repository == 'acme/shop') && assertion.ref == 'refs/heads/main'")),
                step(PROVIDER, "mapped-subject", githubProvider("google.subject == \\\"repo:acme/shop:pull_request\\\"")),
                step(PROVIDER, "none", githubProvider(null)),
                step(PROVIDER, "owner", githubProvider("assertion.repository_owner == 'acme'")),
                step(PROVIDER, "repo-only", githubProvider("assertion.repository == 'acme/shop'")),
                step(PROVIDER, "prefix", githubProvider("assertion.sub.startsWith('repo:acme/shop:')")),
                step(PROVIDER, "either", githubProvider("assertion.sub == 'repo:acme/shop:pull_request' || assertion.repository_owner == 'acme'")),
                step(PROVIDER, "gitlab", "{\"oidc\":{\"issuerUri\":\"https://gitlab.example.com\"},"
                        + "\"attributeCondition\":\"assertion.project_path == 'acme/shop' && assertion.ref == 'main'\"}"),
                step(PROVIDER, "gitlab-group", "{\"oidc\":{\"issuerUri\":\"https://gitlab.com\"},"
                        + "\"attributeCondition\":\"assertion.namespace_path == 'acme'\"}"),
                step(PROVIDER, "unknown", githubProvider("assertion.sub == '" + U + "'")),
                step(PROVIDER, "cluster", "{\"oidc\":{\"issuerUri\":\"https://container.googleapis.com/v1/x\"},"
                        + "\"attributeCondition\":\"assertion.sub.startsWith('system:serviceaccount:')\"}")))
                .containsExactly(
                        "none: https://token.actions.githubusercontent.com: no attributeCondition",
                        "owner: https://token.actions.githubusercontent.com: condition assertion.repository_owner == 'acme'",
                        "repo-only: https://token.actions.githubusercontent.com: condition assertion.repository == 'acme/shop'",
                        "prefix: https://token.actions.githubusercontent.com: condition assertion.sub.startsWith('repo:acme/shop:')",
                        "either: https://token.actions.githubusercontent.com: condition assertion.sub == 'repo:acme/shop:pull_re…|| assertion.repository_owner == 'acme'",
                        "gitlab-group: https://gitlab.com: condition assertion.namespace_path == 'acme'");
    }
}
