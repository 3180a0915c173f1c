package dev.keyless.landingzone;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.landingzone.config.InvalidConfigException;
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
}
