package dev.keyless.aws;

import dev.keyless.core.Subject;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * The trust policies of keyless roles, built as data with AWS's IAM policy builder.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html">IRSA: configure a role's trust</a>
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html">EKS Pod Identity role</a>
 */
final class TrustPolicies {
    static final String VERSION = "2012-10-17";
    static final String POD_IDENTITY_PRINCIPAL = "pods.eks.amazonaws.com";

    private TrustPolicies() {
    }

    /**
     * One issuer the role trusts: a cluster's IAM OIDC provider.
     *
     * @param providerArn    the IAM OIDC provider's ARN
     * @param issuerHostPath the issuer without {@code https://}, which prefixes the condition keys
     */
    record TrustedIssuer(String providerArn, String issuerHostPath) {
        static TrustedIssuer of(String providerArn, String issuerUrl) {
            return new TrustedIssuer(providerArn, EksNames.hostPath(EksNames.requireIssuerUrl("issuerUrl", issuerUrl)));
        }
    }

    /**
     * IRSA: each issuer may exchange a web identity token whose subject is the ServiceAccount and
     * whose audience is STS. {@code StringEquals} unless a subject pattern was asked for, which
     * then uses {@code StringLike} on the subject only (under StringEquals a '*' is literal).
     */
    static String webIdentity(List<TrustedIssuer> issuers, String subject, boolean subjectIsPattern) {
        var policy = IamPolicy.builder().version(VERSION);
        for (var issuer : issuers) {
            var statement = IamStatement.builder()
                    .effect(IamEffect.ALLOW)
                    .addPrincipal(IamPrincipalType.FEDERATED, issuer.providerArn())
                    .addAction("sts:AssumeRoleWithWebIdentity")
                    .addCondition(subjectIsPattern ? IamConditionOperator.STRING_LIKE : IamConditionOperator.STRING_EQUALS,
                            issuer.issuerHostPath() + ":sub", subject)
                    .addCondition(IamConditionOperator.STRING_EQUALS, issuer.issuerHostPath() + ":aud", AwsOidcCluster.STS_AUDIENCE);
            policy.addStatement(statement.build());
        }
        return policy.build().toJson();
    }

    /**
     * Federation: the issuer may exchange a web identity token whose audience is STS and whose
     * subject is one of the exact subjects, under {@code StringEquals}; subjects asked for as
     * patterns get a statement of their own with {@code StringLike} on the subject, so that an
     * exact subject is never compared as a pattern. One exact subject gives exactly IRSA's policy.
     */
    static String webIdentity(TrustedIssuer issuer, List<Subject> subjects) {
        var exact = subjects.stream().filter(s -> !s.pattern()).map(Subject::value).toList();
        var patterns = subjects.stream().filter(Subject::pattern).map(Subject::value).toList();
        var policy = IamPolicy.builder().version(VERSION);
        if (!exact.isEmpty()) {
            policy.addStatement(webIdentityStatement(issuer, IamConditionOperator.STRING_EQUALS, exact));
        }
        if (!patterns.isEmpty()) {
            policy.addStatement(webIdentityStatement(issuer, IamConditionOperator.STRING_LIKE, patterns));
        }
        return policy.build().toJson();
    }

    private static IamStatement webIdentityStatement(TrustedIssuer issuer, IamConditionOperator subjectOperator, List<String> subjects) {
        return IamStatement.builder()
                .effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.FEDERATED, issuer.providerArn())
                .addAction("sts:AssumeRoleWithWebIdentity")
                .addConditions(subjectOperator, issuer.issuerHostPath() + ":sub", subjects)
                .addCondition(IamConditionOperator.STRING_EQUALS, issuer.issuerHostPath() + ":aud", AwsOidcCluster.STS_AUDIENCE)
                .build();
    }

    /** EKS Pod Identity: the EKS Auth service assumes the role and tags the session. */
    static String podIdentity() {
        return service(POD_IDENTITY_PRINCIPAL, List.of("sts:AssumeRole", "sts:TagSession"));
    }

    /** A role an AWS service assumes, e.g. {@code eks.amazonaws.com} for a cluster. */
    static String service(String servicePrincipal, List<String> actions) {
        return IamPolicy.builder().version(VERSION)
                .addStatement(IamStatement.builder()
                        .effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, servicePrincipal)
                        .actionIds(actions)
                        .build())
                .build().toJson();
    }

    /** A permissions policy made of the grants' statements. */
    static String permissions(List<IamStatement> statements) {
        return IamPolicy.builder().version(VERSION).statements(statements).build().toJson();
    }

    /**
     * IAM's quota on a role's trust policy, the one place it is checked.
     *
     * @param workload whom the role is for, for messages ({@code NS/NAME})
     * @param length   the policy's length without whitespace
     * @param max      the account's quota
     * @param estimate whether the length is an upper bound (preview) or exact (deploy)
     */
    static void requireTrustWithinQuota(String workload, int length, int max, boolean estimate) {
        if (length > max) {
            throw dev.keyless.core.InvalidInputException.of("trust policy of " + workload,
                    length + " characters" + (estimate ? " (upper bound for EKS issuers)" : ""),
                    "at most maxTrustPolicySize = " + max
                            + " characters without whitespace (IAM's role trust policy quota; raise the quota and set maxTrustPolicySize, or trust fewer clusters)");
        }
    }

    /** IAM counts a policy's length without whitespace. */
    static int iamLength(String policyJson) {
        return policyJson.replaceAll("\\s", "").length();
    }
}
