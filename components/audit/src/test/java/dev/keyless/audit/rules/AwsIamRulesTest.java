package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.quoted;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

class AwsIamRulesTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static String document(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static String trust(String statements) {
        return "{\"assumeRolePolicy\":" + quoted(document(statements)) + "}";
    }

    private static String assumeBy(String principal, String condition) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + principal + "},\"Action\":\"sts:AssumeRole\"" + condition + "}";
    }

    private static String permissions(String statements) {
        return "{\"policy\":" + quoted(document(statements)) + "}";
    }

    @Test
    void broadAwsManagedPoliciesAreFindingsWhereverTheyAreAttached() {
        assertThat(check(new AwsBroadManagedPolicyRule(),
                step(ATTACHMENT, "admin", "{\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\",\"role\":\"" + U + "\"}"),
                step("aws:iam/userPolicyAttachment:UserPolicyAttachment", "power", "{\"policyArn\":\"arn:aws:iam::aws:policy/PowerUserAccess\"}"),
                step("aws:iam/policyAttachment:PolicyAttachment", "gov", "{\"policyArn\":\"arn:aws-us-gov:iam::aws:policy/IAMFullAccess\"}"),
                step(ROLE, "inline", "{\"managedPolicyArns\":[\"arn:aws:iam::aws:policy/AmazonS3FullAccess\","
                        + "\"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\"]}"),
                step("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", "exclusive",
                        "{\"policyArns\":[\"arn:aws:iam::aws:policy/service-role/AWSGlueServiceNotebookRole\","
                        + "\"arn:aws:iam::aws:policy/job-function/DatabaseAdministrator\"]}"),
                step(ATTACHMENT, "node", "{\"policyArn\":\"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\"}"),
                step(ATTACHMENT, "customer", "{\"policyArn\":\"arn:aws:iam::123456789012:policy/TeamFullAccess\"}"),
                step(ATTACHMENT, "unknown", "{\"policyArn\":\"" + U + "\"}")))
                .containsExactly(
                        "admin: policy arn:aws:iam::aws:policy/AdministratorAccess",
                        "power: policy arn:aws:iam::aws:policy/PowerUserAccess",
                        "gov: policy arn:aws-us-gov:iam::aws:policy/IAMFullAccess",
                        "inline: policy arn:aws:iam::aws:policy/AmazonS3FullAccess");
    }

    @Test
    void aTrustOpenToAnyPrincipalOrAnAccountRootIsAFinding() {
        assertThat(check(new AwsRoleTrustRule(),
                step(ROLE, "anyone", trust(assumeBy("\"*\"", ""))),
                step(ROLE, "bare", trust("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}")),
                step(ROLE, "root", trust(assumeBy("[\"arn:aws:iam::111122223333:root\",\"444455556666\"]",
                        ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}"))),
                step(ROLE, "service", trust("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}")),
                step(ROLE, "denied", trust("{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}")),
                step(ROLE, "unknown", trust(assumeBy("\"arn:aws:iam::" + U + ":root\"", ""))),
                step(ROLE, "computed", "{\"assumeRolePolicy\":\"" + U + "\"}")))
                .containsExactly("anyone: Principal *: any AWS principal", "bare: Principal *: any AWS principal",
                        "root: account root 111122223333", "root: account root 444455556666");
    }

    @Test
    void anotherAccountNeedsAnExternalIdOnceTheRolesOwnAccountIsKnown() {
        String own = "\"outputs\":{\"arn\":\"arn:aws:iam::111122223333:role/r\"}";
        String deployer = "\"arn:aws:iam::444455556666:role/deployer\"";
        assertThat(check(new AwsRoleTrustRule(),
                Fixtures.step(ROLE, "foreign", trust(assumeBy(deployer, "")), own),
                Fixtures.step(ROLE, "foreign-root", trust(assumeBy("\"arn:aws:iam::444455556666:root\"", "")), own),
                Fixtures.step(ROLE, "external-id", trust(assumeBy(deployer, ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}")), own),
                Fixtures.step(ROLE, "mfa", trust(assumeBy(deployer, ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")), own),
                Fixtures.step(ROLE, "same-account", trust(assumeBy("\"arn:aws:iam::111122223333:role/ci\"", "")), own),
                step(ROLE, "new-role", trust(assumeBy(deployer, "")))))
                .containsExactly(
                        "foreign: another account's arn:aws:iam::444455556666:role/deployer without sts:ExternalId",
                        "foreign-root: account root 444455556666, another account, no sts:ExternalId");
    }

    @Test
    void passRoleAndTheEscalationSetOnEveryResourceAreFindings() {
        assertThat(check(new AwsPrivilegeEscalationRule(),
                step(POLICY, "pass", permissions("{\"Effect\":\"Allow\",\"Action\":[\"iam:PassRole\",\"ec2:RunInstances\"],\"Resource\":\"*\"}")),
                step(POLICY, "attach", permissions("{\"Effect\":\"Allow\",\"Action\":\"iam:Attach*\",\"Resource\":[\"*\"]}")),
                step("aws:iam/policy:Policy", "keys", permissions("{\"Effect\":\"Allow\",\"Action\":[\"IAM:createaccesskey\",\"iam:UpdateAssumeRolePolicy\"],\"Resource\":\"*\"}")),
                step(ROLE, "inline", "{\"inlinePolicies\":[{\"name\":\"p\",\"policy\":" + quoted(document(
                        "{\"Effect\":\"Allow\",\"Action\":\"iam:PutRolePolicy\",\"Resource\":\"*\"}")) + "}]}"),
                step(POLICY, "everything", permissions("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")),
                step(POLICY, "named-role", permissions("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                        + "\"Resource\":\"arn:aws:iam::111122223333:role/app\"}")),
                step(POLICY, "read-only", permissions("{\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"iam:List*\"],\"Resource\":\"*\"}")),
                step(POLICY, "deny", permissions("{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}")),
                step(POLICY, "unknown", "{\"policy\":\"" + U + "\"}")))
                .containsExactly(
                        "pass: iam:PassRole on *",
                        "attach: iam:AttachUserPolicy, iam:AttachGroupPolicy, iam:AttachRolePolicy on * (through iam:Attach*)",
                        "keys: iam:UpdateAssumeRolePolicy, iam:CreateAccessKey on *",
                        "inline: iam:PutRolePolicy on *",
                        "everything: iam:PassRole, iam:CreatePolicyVersion and 12 more on * (through *)");
    }

    @Test
    void aRolesInlinePoliciesAreJudgedForWildcardsToo() {
        assertThat(check(new AwsWildcardPolicyRule(),
                step(ROLE, "inline", "{\"inlinePolicies\":[{\"name\":\"p\",\"policy\":" + quoted(document(
                        "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b\"}")) + "},{\"name\":\"q\",\"policy\":\"" + U + "\"}]}")))
                .containsExactly("inline: Action s3:*");
    }

    @Test
    void aRolesEmptyInlineBlockHoldsNoStatementSoNoRuleFindsAnything() {
        // keyless gives a role with no grant statement one empty block: it clears the role's inline policies.
        String cleared = "{\"inlinePolicies\":[{}]}";
        assertThat(check(new AwsWildcardPolicyRule(), step(ROLE, "cleared", cleared))).isEmpty();
        assertThat(check(new AwsPrivilegeEscalationRule(), step(ROLE, "cleared", cleared))).isEmpty();
    }

    @Test
    void theRegistryLoginAloneMayBeOnEveryResourceButNothingBesideIt() {
        assertThat(check(new AwsWildcardPolicyRule(),
                step(POLICY, "login", permissions("{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}")),
                step(POLICY, "login-and-push", permissions("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"ecr:PutImage\"],\"Resource\":\"*\"}")),
                step(POLICY, "push", permissions("{\"Effect\":\"Allow\",\"Action\":\"ecr:PutImage\",\"Resource\":\"*\"}"))))
                .containsExactly("login-and-push: Resource *", "push: Resource *");
    }
}
