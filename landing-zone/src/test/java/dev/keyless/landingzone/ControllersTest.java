package dev.keyless.landingzone;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.landingzone.config.InvalidConfigException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster's {@code controllers}: the presets' identities, their ServiceAccounts, and bad settings at their paths. */
class ControllersTest {
    private static final String CLUSTERS = """
            eks-kubeconfig: "apiVersion: v1"
            gke-kubeconfig: "apiVersion: v1"
            clusters:
              platform:
                cloud: aws
                adopt:
                  clusterName: platform
                  issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                  kubeconfigSecret: eks-kubeconfig
                controllers:
            %s
              analytics:
                cloud: gcp
                adopt:
                  projectId: acme-data
                  location: europe-west1
                  clusterName: analytics
                  kubeconfigSecret: gke-kubeconfig
                controllers:
            %s
            """;

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachControllerGetsThePresetsIdentityOnItsChartsServiceAccountUnlessTheConfigMovesIt() {
        var deployment = ZoneStack.withConfig(CLUSTERS.formatted("""
                      externalDns: {zones: [Z0123456789ABCDEFGHIJ]}
                      clusterAutoscaler: {}
                """, """
                      certManager: {zones: [shop-example-com], namespace: platform, serviceAccount: dns-solver}
                """) + "workloads: {}\n").run(LandingZone::stack);

        var externalDns = deployment.resource(FederatedServiceAccount.TYPE, "platform-external-dns");
        assertThat(externalDns.parentUrn()).isEqualTo(deployment.resources().get(0).urn());
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "platform-external-dns-role").input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
                           "Resource": "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"},
                          {"Effect": "Allow", "Action": "route53:ListHostedZones", "Resource": "*"}]}
                        """));
        var trust = Json.parse(deployment.resource("aws:iam/role:Role", "platform-external-dns-role").input("assumeRolePolicy").orElseThrow());
        assertThat(trust.at("/Statement/Condition/StringEquals/oidc.eks.eu-west-1.amazonaws.com~1id~1EXAMPLED539D4633E53DE1B71EXAMPLE:sub").asText())
                .isEqualTo("system:serviceaccount:external-dns:external-dns");
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "platform-external-dns-sa").input("metadata.namespace"))
                .contains("external-dns");
        // The autoscaler's node groups are the cluster's own, named in the adopt settings.
        assertThat((String) deployment.resource("aws:iam/role:Role", "platform-cluster-autoscaler-role").input("inlinePolicies.0.policy").orElseThrow())
                .contains("\"aws:ResourceTag/k8s.io/cluster-autoscaler/platform\"");

        var certManager = deployment.resource("kubernetes:core/v1:ServiceAccount", "analytics-cert-manager-sa");
        assertThat(certManager.input("metadata.namespace")).contains("platform");
        assertThat(certManager.input("metadata.name")).contains("dns-solver");
        assertThat(deployment.ofType("gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember")).singleElement().satisfies(member -> {
            assertThat(member.input("managedZone")).contains("projects/acme-data/managedZones/shop-example-com");
            assertThat(member.input("role")).contains("roles/dns.admin");
            assertThat(member.input("member")).hasValueSatisfying(principal ->
                    assertThat((String) principal).endsWith("/workloadIdentityPools/acme-data.svc.id.goog/subject/ns/platform/sa/dns-solver"));
        });

        var controllers = (Map<String, Object>) deployment.stackOutputs().get("controllers");
        assertThat((Map<String, Object>) controllers.get("analytics-cert-manager")).containsEntry("cluster", "analytics")
                .containsEntry("controller", "cert-manager").containsEntry("namespace", "platform").containsEntry("serviceAccount", "dns-solver");
    }

    @Test
    void badControllerSettingsAreReportedAtTheirPaths() {
        assertThat(problems(CLUSTERS.formatted("""
                      externalDns: {zones: ["hostedzone/Z0123456789ABCDEFGHIJ"]}
                      certManager: {}
                      externalSecrets: {secrets: ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"]}
                      karpenter: {}
                      ebsCsi: {keyArn: "arn:aws:kms:eu-west-1:111122223333:alias/ebs"}
                """, """
                      clusterAutoscaler: {}
                      externalDns: {zones: []}
                      certManager: {zones: [shop-example-com], serviceAccount: dns, zone: shop}
                """) + """
                workloads:
                  dns:
                    cluster: analytics
                    namespace: cert-manager
                    serviceAccount: dns
                """)).containsExactly(
                "clusters.platform.controllers.externalDns.zones: zone must be a Route 53 hosted zone id, up to 32 upper-case letters "
                        + "and digits such as Z0123456789ABCDEFGHIJ (the id alone: no '/hostedzone/' prefix, no ARN, no domain name): "
                        + "'hostedzone/Z0123456789ABCDEFGHIJ'",
                "clusters.platform.controllers.certManager: certManager must be at least one Route 53 hosted zone id (the controller "
                        + "changes records only in the zones named): '[]'",
                "clusters.platform.controllers.externalSecrets.secrets: secret must be a Secrets Manager secret ARN with its "
                        + "six-character suffix, arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf: "
                        + "'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db'",
                "clusters.platform.controllers.karpenter: is not a controller with a preset on aws; expected one of certManager, "
                        + "clusterAutoscaler, ebsCsi, externalDns, externalSecrets, loadBalancerController, velero",
                "clusters.platform.controllers.ebsCsi.keyArn: ebsCsiDriver key must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY_ID "
                        + "(not an alias: IAM does not resolve an alias in Resource): 'arn:aws:kms:eu-west-1:111122223333:alias/ebs'",
                "clusters.analytics.controllers.clusterAutoscaler: is not a controller with a preset on gcp; expected one of "
                        + "certManager, externalDns, externalSecrets, velero",
                "clusters.analytics.controllers.externalDns.zones: externalDns must be at least one Cloud DNS managed zone (the "
                        + "controller changes records only in the zones named) name: '[]'",
                "clusters.analytics.controllers.certManager.zone: unknown key; expected one of namespace, project, serviceAccount, zones");
    }

    @Test
    void aControllerAndAWorkloadCannotShareAServiceAccount() {
        assertThat(problems(CLUSTERS.formatted("      clusterAutoscaler: {}", "      certManager: {zones: [shop-example-com], serviceAccount: dns}")
                + """
                workloads:
                  dns:
                    cluster: analytics
                    namespace: cert-manager
                    serviceAccount: dns
                """)).containsExactly("clusters.analytics.controllers.certManager: binds ServiceAccount cert-manager/dns in cluster "
                + "'analytics', as workloads.dns does; a ServiceAccount has one identity");
    }

    @Test
    void theLoadBalancerControllerTakesItsIngressAddOnsByNameAndWarnsWhatTheyWiden() {
        var deployment = ZoneStack.withConfig(CLUSTERS.formatted("""
                      loadBalancerController: {features: [cognito, waf]}
                """, """
                      certManager: {zones: [shop-example-com]}
                """) + "workloads: {}\n").run(LandingZone::stack);

        var policy = Json.parse(deployment.resource("aws:iam/role:Role", "platform-load-balancer-controller-role")
                .input("inlinePolicies.0.policy").orElseThrow());
        var statements = policy.get("Statement");
        // Upstream's statements, then the add-ons in the preset's order: WAF's two, Cognito's one.
        assertThat(statements.get(statements.size() - 3)).isEqualTo(Json.parse("""
                {"Effect": "Allow", "Action": ["waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL",
                   "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL",
                   "wafv2:DisassociateWebACL"],
                 "Resource": ["arn:aws:waf-regional:*:*:webacl/*", "arn:aws:wafv2:*:*:regional/webacl/*/*",
                   "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"]}
                """));
        assertThat(statements.get(statements.size() - 2)).isEqualTo(Json.parse("""
                {"Effect": "Allow", "Action": "elasticloadbalancing:SetWebAcl", "Resource": "*"}
                """));
        assertThat(statements.get(statements.size() - 1)).isEqualTo(Json.parse("""
                {"Effect": "Allow", "Action": "cognito-idp:DescribeUserPoolClient", "Resource": "arn:aws:cognito-idp:*:*:userpool/*"}
                """));
        assertThat(policy.toString()).doesNotContain("shield:");
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message)
                .filteredOn(m -> m.startsWith("the AWS Load Balancer Controller"))
                .containsExactly("the AWS Load Balancer Controller of platform is given WAF: associating any regional web ACL (WAF Classic "
                                + "and WAFv2) with any Application Load Balancer of the account, and elasticloadbalancing:SetWebAcl on *",
                        "the AWS Load Balancer Controller of platform is given COGNITO: reading any Cognito user pool client of the "
                                + "account, its client secret included");
    }

    @Test
    void anUnknownOrRepeatedLoadBalancerAddOnIsReportedAtItsIndex() {
        assertThat(problems(CLUSTERS.formatted("""
                      loadBalancerController: {features: [waf, firewall, waf]}
                """, """
                      certManager: {zones: [shop-example-com]}
                """) + "workloads: {}\n")).containsExactly(
                "clusters.platform.controllers.loadBalancerController.features[1]: 'firewall' is not one of waf, shield, cognito",
                "clusters.platform.controllers.loadBalancerController.features[2]: 'waf' is named twice");
        assertThat(problems(CLUSTERS.formatted("""
                      loadBalancerController: {features: waf}
                """, """
                      certManager: {zones: [shop-example-com]}
                """) + "workloads: {}\n")).containsExactly(
                "clusters.platform.controllers.loadBalancerController.features: must be a list of strings, not the string 'waf'");
    }
}
