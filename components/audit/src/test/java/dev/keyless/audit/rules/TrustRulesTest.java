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
}
