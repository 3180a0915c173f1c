package dev.keyless.audit.rules;

import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.keyless.audit.Auditor;
import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The controller presets' statements on {@code "Resource": "*"} read for what they are. The first
 * five policies are the exact JSON keyless-aws's AwsControllersTest expects of AwsControllers
 * (external-dns, cert-manager, external-secrets, cluster-autoscaler, the EBS CSI driver's key); the
 * Load Balancer Controller's statements are the shapes its upstream iam_policy.json uses for what
 * keyless leaves on {@code *}, and the ones its preset names ARNs for, its WAF and Shield add-ons'
 * included. The GCP
 * external-dns preset's bindings are those keyless-gcp's GcpControllersTest expects.
 */
class ControllerPresetPoliciesTest {
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String ZONE = "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ";

    private static final String EXTERNAL_DNS = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow",
               "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
               "Resource": ["arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ", "arn:aws:route53:::hostedzone/Z9876543210ZYXWVUTSRQ"]},
              {"Effect": "Allow", "Action": "route53:ListHostedZones", "Resource": "*"}]}""";
    private static final String CERT_MANAGER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"},
              {"Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
               "Resource": "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ",
               "Condition": {"ForAllValues:StringEquals": {"route53:ChangeResourceRecordSetsRecordTypes": "TXT"}}},
              {"Effect": "Allow", "Action": "route53:ListHostedZonesByName", "Resource": "*"}]}""";
    private static final String EXTERNAL_SECRETS = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue",
                 "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"],
               "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"}]}""";
    private static final String CLUSTER_AUTOSCALER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                 "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeTags", "ec2:DescribeImages",
                 "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions",
                 "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup"],
               "Resource": "*"},
              {"Effect": "Allow", "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
               "Resource": "*",
               "Condition": {"Null": {"aws:ResourceTag/k8s.io/cluster-autoscaler/green": "false"}}}]}""";
    private static final String EBS_CSI_KEY = """
            {"Version": "2012-10-17", "Statement":
              {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"],
               "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}""";
    private static final String LOAD_BALANCER_CONTROLLER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
               "Condition": {"StringEquals": {"iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"}}},
              {"Effect": "Allow", "Action": ["ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeVpcs",
                 "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTargetGroups"],
               "Resource": "*"},
              {"Effect": "Allow", "Action": ["acm:ListCertificates", "iam:ListServerCertificates"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["acm:DescribeCertificate", "iam:GetServerCertificate"],
               "Resource": ["arn:aws:acm:*:*:certificate/*", "arn:aws:iam::*:server-certificate/*"]},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
               "Resource": "*", "Condition": {"Null": {"aws:RequestTag/elbv2.k8s.aws/cluster": "false"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:DeleteLoadBalancer"],
               "Resource": "*", "Condition": {"Null": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "false"}}},
              {"Effect": "Allow", "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
               "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"],
               "Resource": ["arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"],
               "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": "elasticloadbalancing:SetWebAcl", "Resource": "*"},
              {"Effect": "Allow", "Action": ["shield:GetSubscriptionState", "shield:CreateProtection"], "Resource": "*"}]}""";

    private static String policy(String name, String document) {
        return step(POLICY, name, "{\"policy\":" + TextNode.valueOf(document) + "}");
    }

    private static String[] presets() {
        return new String[] {
            policy("external-dns", EXTERNAL_DNS), policy("cert-manager", CERT_MANAGER),
            policy("external-secrets", EXTERNAL_SECRETS), policy("cluster-autoscaler", CLUSTER_AUTOSCALER),
            policy("ebs-csi", EBS_CSI_KEY), policy("load-balancer-controller", LOAD_BALANCER_CONTROLLER)};
    }

    @Test
    void thePresetsPoliciesHaveNoFindingOfAnyRule() {
        var findings = new Auditor(AuditRules.all()).audit(Fixtures.plan(presets()));
        assertThat(findings).isEmpty();
    }

    /**
     * GcpControllers.externalDns("shop-prod-4711", List.of("shop-example-com")) as keyless-gcp's
     * GcpControllersTest expects it: dns.admin on the zone, and the zone listing, a custom role with
     * only dns.managedZones.list, bound on the project.
     */
    private static String[] gcpExternalDns() {
        String member = "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
                + "shop-prod-4711.svc.id.goog/subject/ns/external-dns/sa/external-dns";
        String role = "projects/shop-prod-4711/roles/keyless.dnsZoneListing_f58cd185";
        return new String[] {
            step("gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember", "ctl-grant-shop-prod-4711.shop-example-com-dns-admin",
                    "{\"managedZone\":\"projects/shop-prod-4711/managedZones/shop-example-com\",\"role\":\"roles/dns.admin\","
                            + "\"member\":\"" + member + "\"}"),
            step("gcp:projects/iAMCustomRole:IAMCustomRole", "keyless-dns-zone-listing-shop-prod-4711",
                    "{\"project\":\"shop-prod-4711\",\"roleId\":\"keyless.dnsZoneListing_f58cd185\",\"title\":\"keyless DNS zone listing\","
                            + "\"permissions\":[\"dns.managedZones.list\"]}"),
            step("gcp:projects/iAMMember:IAMMember", "ctl-grant-shop-prod-4711-dns-zone-listing",
                    "{\"project\":\"shop-prod-4711\",\"role\":\"" + role + "\",\"member\":\"" + member + "\"}"),
            // Through ServiceAccountImpersonation the same binding names the Google service account.
            step("gcp:projects/iAMMember:IAMMember", "impersonated-grant-shop-prod-4711-dns-zone-listing",
                    "{\"project\":\"shop-prod-4711\",\"role\":\"" + role + "\","
                            + "\"member\":\"serviceAccount:external-dns@shop-prod-4711.iam.gserviceaccount.com\"}")};
    }

    @Test
    void theGcpExternalDnsZoneListingOnTheProjectHasNoFindingOfAnyRuleKl020AndKl031Included() {
        var plan = Fixtures.plan(gcpExternalDns());
        assertThat(plan.resources()).hasSize(4);
        assertThat(new Auditor(AuditRules.all()).audit(plan)).isEmpty();
        // What the listing replaces is still judged: dns.admin on the project is KL031.
        assertThat(check(new WideDnsAccessRule(), step("gcp:projects/iAMMember:IAMMember", "wide",
                "{\"project\":\"shop-prod-4711\",\"role\":\"roles/dns.admin\",\"member\":\"serviceAccount:dns@shop-prod-4711.iam.gserviceaccount.com\"}")))
                .containsExactly("wide: roles/dns.admin on projects");
    }

    private static String statement(String name, String body) {
        return policy(name, "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", " + body + "}}");
    }

    @Test
    void whatIsNotAReadTagConfinedOrOneServicesLinkedRoleOnAnyResourceIsStillWide() {
        String tagged = "\"Condition\": {\"Null\": {\"aws:ResourceTag/elbv2.k8s.aws/cluster\": \"false\"}}";
        assertThat(check(new AwsWildcardPolicyRule(),
                statement("s3", "\"Action\": \"s3:*\", \"Resource\": \"*\""),
                statement("describe-wildcard", "\"Action\": [\"ec2:Describe*\", \"autoscaling:Describe*\"], \"Resource\": \"*\""),
                // Upstream's unconditioned security-group change: it reaches every group of the account.
                statement("ingress", "\"Action\": \"ec2:AuthorizeSecurityGroupIngress\", \"Resource\": \"*\""),
                statement("read-and-write", "\"Action\": [\"ec2:DescribeVpcs\", \"ec2:CreateSecurityGroup\"], \"Resource\": \"*\""),
                statement("tagged-wildcard", "\"Action\": \"ec2:*\", \"Resource\": \"*\", " + tagged),
                statement("not-equals", "\"Action\": \"ec2:DeleteSecurityGroup\", \"Resource\": \"*\", "
                        + "\"Condition\": {\"StringNotEquals\": {\"aws:ResourceTag/team\": \"other\"}}"),
                statement("if-exists", "\"Action\": \"ec2:DeleteSecurityGroup\", \"Resource\": \"*\", "
                        + "\"Condition\": {\"StringEqualsIfExists\": {\"aws:ResourceTag/team\": \"shop\"}}"),
                statement("tag-keys", "\"Action\": \"ec2:DeleteSecurityGroup\", \"Resource\": \"*\", "
                        + "\"Condition\": {\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}}"),
                statement("linked-role-any", "\"Action\": \"iam:CreateServiceLinkedRole\", \"Resource\": \"*\""),
                // Returns the app client's secret: not metadata.
                statement("client-secret", "\"Action\": \"cognito-idp:DescribeUserPoolClient\", \"Resource\": \"*\""),
                statement("secret-values", "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\""),
                // Upstream's untagged listener and rule changes: any listener of the account.
                statement("listeners", "\"Action\": [\"elasticloadbalancing:CreateListener\", \"elasticloadbalancing:DeleteRule\"], "
                        + "\"Resource\": \"*\""),
                statement("protections", "\"Action\": \"shield:DeleteProtection\", \"Resource\": \"*\""),
                statement("zones", "\"Action\": \"route53:ListHostedZones\", \"Resource\": \"" + ZONE + "\"")))
                .containsExactly(
                        "s3: Action s3:*, Resource *",
                        "ingress: Resource *",
                        "read-and-write: Resource *",
                        "tagged-wildcard: Action ec2:*, Resource *",
                        "not-equals: Resource *",
                        "if-exists: Resource *",
                        "tag-keys: Resource *",
                        "linked-role-any: Resource *",
                        "client-secret: Resource *",
                        "secret-values: Resource *",
                        "listeners: Resource *",
                        "protections: Resource *");
    }
}
