package dev.keyless.aws;

import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS controller presets: exact policies, the actions against the lists recorded from each
 * upstream document, chart defaults and overrides, both mechanisms, and refusals.
 */
class AwsControllersTest {
    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String OTHER_ZONE = "Z9876543210ZYXWVUTSRQ";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SA = "kubernetes:core/v1:ServiceAccount";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    private static RecordedDeployment deploy(Supplier<ControllerPreset> preset) {
        return SimulatedStack.named("controllers").run(ctx ->
                new FederatedServiceAccount("ctl", preset.get().args(TestClusters.adopted("green", true)).build()));
    }

    private static Object policyOf(Supplier<ControllerPreset> preset) {
        return Json.parse(deploy(preset).resource(GrantPolicies.POLICY, "ctl-grants").input("policy").orElseThrow());
    }

    /** The actions an upstream document lists, as recorded in src/test/resources/controllers. */
    private static Set<String> recorded(String controller) {
        try (var in = AwsControllersTest.class.getResourceAsStream("/controllers/" + controller + ".txt")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            return new TreeSet<>(lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every action the preset's statements name, and its managed policies as "managed-policy ARN". */
    private static Set<String> actionsOf(ControllerPreset preset) {
        var names = new TreeSet<String>();
        for (var grant : preset.grants()) {
            var aws = (AwsGrant) grant;
            aws.longestStatements().orElseThrow().forEach(s -> s.actions().forEach(a -> names.add(a.value())));
            aws.managedPolicyArns().forEach(arn -> names.add("managed-policy " + arn));
        }
        return names;
    }

    @Test
    void externalDnsChangesRecordsOnTheNamedZonesAndListsZonesOnAnyResource() {
        assertThat(policyOf(() -> AwsControllers.externalDns(List.of(ZONE, OTHER_ZONE)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow",
                   "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
                   "Resource": ["arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ", "arn:aws:route53:::hostedzone/Z9876543210ZYXWVUTSRQ"]},
                  {"Effect": "Allow", "Action": "route53:ListHostedZones", "Resource": "*"}]}
                """));
    }

    @Test
    void certManagerChangesOnlyTxtRecordsOnTheNamedZones() {
        assertThat(policyOf(() -> AwsControllers.certManager(List.of(ZONE)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"},
                  {"Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
                   "Resource": "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ",
                   "Condition": {"ForAllValues:StringEquals": {"route53:ChangeResourceRecordSetsRecordTypes": "TXT"}}},
                  {"Effect": "Allow", "Action": "route53:ListHostedZonesByName", "Resource": "*"}]}
                """));
    }

    @Test
    void externalSecretsReadsTheNamedSecretsAndListsOnAnyResource() {
        assertThat(policyOf(() -> AwsControllers.externalSecrets(List.of(SECRET)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue"], "Resource": "*"},
                  {"Effect": "Allow", "Action": ["secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue",
                     "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"],
                   "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"}]}
                """));
    }

    @Test
    void clusterAutoscalerChangesOnlyGroupsTaggedForItsCluster() {
        assertThat(policyOf(() -> AwsControllers.clusterAutoscaler("green"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                     "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeTags", "ec2:DescribeImages",
                     "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions",
                     "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup"],
                   "Resource": "*"},
                  {"Effect": "Allow", "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                   "Resource": "*",
                   "Condition": {"Null": {"aws:ResourceTag/k8s.io/cluster-autoscaler/green": "false"}}}]}
                """));
    }

    @Test
    void ebsCsiAttachesTheManagedPolicyAloneOrWithTheNamedKey() {
        var plain = deploy(AwsControllers::ebsCsiDriver);
        assertThat(plain.ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(plain.ofType(ATTACHMENT)).hasSize(1);
        assertThat(plain.resource(ATTACHMENT, "ctl-managed-AmazonEBSCSIDriverPolicyV2").inputs())
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicyV2");

        var encrypted = deploy(() -> AwsControllers.ebsCsiDriver(KEY));
        assertThat(encrypted.ofType(ATTACHMENT)).hasSize(1);
        assertThat(Json.parse(encrypted.resource(GrantPolicies.POLICY, "ctl-grants").input("policy").orElseThrow())).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"],
                   "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}
                """));
    }

    @Test
    void theManagedPolicyIsOneAttachmentWhenTheRoleNamesItToo() {
        var deployment = SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.ebsCsiDriver().args(TestClusters.adopted("green"))
                        .mechanism(IrsaIdentity.builder().managedPolicyArn(AwsControllers.EBS_CSI_DRIVER_POLICY_ARN).build()).build()));
        assertThat(deployment.ofType(ATTACHMENT)).hasSize(1);
    }

    @Test
    void zoneAndSecretPresetsTakeAnotherStacksIdAndGiveTheSamePolicy() {
        assertThat(policyOf(() -> AwsControllers.externalDns("apps-zone", com.pulumi.core.Output.of(ZONE))))
                .isEqualTo(policyOf(() -> AwsControllers.externalDns(List.of(ZONE))));
        assertThat(policyOf(() -> AwsControllers.certManager("apps-zone", com.pulumi.core.Output.of(ZONE))))
                .isEqualTo(policyOf(() -> AwsControllers.certManager(List.of(ZONE))));
        assertThat(policyOf(() -> AwsControllers.externalSecrets("db", com.pulumi.core.Output.of(SECRET))))
                .isEqualTo(policyOf(() -> AwsControllers.externalSecrets(List.of(SECRET))));
        assertThat(actionsOf(AwsControllers.externalDns("apps-zone", com.pulumi.core.Output.of(ZONE)))).isEqualTo(recorded("external-dns"));
    }

    @Test
    void anotherStacksZoneOrSecretInTheWrongFormFailsOnceKnownBeforeTheRoleRegisters() {
        var zone = SimulatedStack.named("controllers").runExpectingFailure(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.externalDns("apps-zone", com.pulumi.core.Output.of("/hostedzone/" + ZONE)).args(TestClusters.adopted("green", true)).build()));
        assertThat(zone.message()).isEqualTo("zone must be " + Route53Access.ZONE_ID_RULE + ": '/hostedzone/Z0123456789ABCDEFGHIJ'");
        assertThat(zone.deployment().ofType("aws:iam/role:Role")).isEmpty();
        var secret = SimulatedStack.named("controllers").runExpectingFailure(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.externalSecrets("db", com.pulumi.core.Output.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:*"))
                        .args(TestClusters.adopted("green", true)).build()));
        assertThat(secret.message()).isEqualTo("secret must be one secret named exactly, with no '*' or '?' "
                + "(a wildcard grants every secret it matches): 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:*'");
        assertThat(secret.deployment().ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(secret.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void eachPresetCarriesExactlyTheActionsItsUpstreamDocumentLists() {
        assertThat(actionsOf(AwsControllers.externalDns(List.of(ZONE)))).isEqualTo(recorded("external-dns"));
        assertThat(actionsOf(AwsControllers.certManager(List.of(ZONE)))).isEqualTo(recorded("cert-manager"));
        assertThat(actionsOf(AwsControllers.externalSecrets(List.of(SECRET)))).isEqualTo(recorded("external-secrets"));
        assertThat(actionsOf(AwsControllers.ebsCsiDriver(KEY))).isEqualTo(recorded("aws-ebs-csi-driver"));
        // The README names the SDK's paginator; the IAM action it needs has no "Pages".
        var autoscaler = new TreeSet<>(recorded("cluster-autoscaler"));
        assertThat(autoscaler.remove("ec2:GetInstanceTypesFromInstanceRequirementsPages")).isTrue();
        autoscaler.add("ec2:GetInstanceTypesFromInstanceRequirements");
        assertThat(actionsOf(AwsControllers.clusterAutoscaler("green"))).isEqualTo(autoscaler);
    }

    @Test
    void defaultsAreTheChartsNamespacesAndServiceAccounts() {
        var expected = Map.of(
                "external-dns", List.of("external-dns", "external-dns"),
                "cert-manager", List.of("cert-manager", "cert-manager"),
                "external-secrets", List.of("external-secrets", "external-secrets"),
                "cluster-autoscaler", List.of("kube-system", "cluster-autoscaler"),
                "aws-ebs-csi-driver", List.of("kube-system", "ebs-csi-controller-sa"));
        var presets = List.of(AwsControllers.externalDns(List.of(ZONE)), AwsControllers.certManager(List.of(ZONE)),
                AwsControllers.externalSecrets(List.of(SECRET)), AwsControllers.clusterAutoscaler("green"), AwsControllers.ebsCsiDriver());
        var actual = new java.util.HashMap<String, List<String>>();
        presets.forEach(p -> actual.put(p.controller(), List.of(p.namespace(), p.serviceAccountName())));
        assertThat(actual).isEqualTo(expected);

        var sa = deploy(() -> AwsControllers.externalDns(List.of(ZONE))).resource(SA, "ctl-sa");
        assertThat(sa.input("metadata.name")).contains("external-dns");
        assertThat(sa.input("metadata.namespace")).contains("external-dns");
    }

    @Test
    void namespaceAndServiceAccountCanBeOverriddenAndTheRoleTrustsTheOverride() {
        var deployment = deploy(() -> AwsControllers.certManager(List.of(ZONE)).inNamespace("platform").serviceAccountName("acme"));
        var sa = deployment.resource(SA, "ctl-sa");
        assertThat(sa.input("metadata.name")).contains("acme");
        assertThat(sa.input("metadata.namespace")).contains("platform");
        assertThat((String) deployment.resource("aws:iam/role:Role", "ctl-role").input("assumeRolePolicy").orElseThrow())
                .contains("system:serviceaccount:platform:acme");
        assertThatThrownBy(() -> AwsControllers.certManager(List.of(ZONE)).inNamespace("Platform"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("namespace must be");
    }

    @Test
    void irsaIsTheDefaultAndPodIdentityIsOneMechanismAway() {
        var irsa = deploy(() -> AwsControllers.clusterAutoscaler("green"));
        assertThat(irsa.resource(SA, "ctl-sa").input("metadata.annotations").orElseThrow().toString())
                .contains(IrsaIdentity.ROLE_ARN_ANNOTATION);

        var podIdentity = SimulatedStack.named("controllers").run(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.clusterAutoscaler("green").args(TestClusters.adopted("green", true)).mechanism(PodIdentity.defaults()).build()));
        assertThat(podIdentity.resource("aws:eks/podIdentityAssociation:PodIdentityAssociation", "ctl-pod-identity").inputs())
                .containsEntry("namespace", "kube-system")
                .containsEntry("serviceAccount", "cluster-autoscaler");
        assertThat(Json.parse(podIdentity.resource(GrantPolicies.POLICY, "ctl-grants").input("policy").orElseThrow()))
                .isEqualTo(policyOf(() -> AwsControllers.clusterAutoscaler("green")));
    }

    @Test
    void noPresetNeedsWildcardPermissionsOrWarnsBeyondKubeSystem() {
        var warnings = new ArrayList<String>();
        for (Supplier<ControllerPreset> preset : List.<Supplier<ControllerPreset>>of(() -> AwsControllers.externalDns(List.of(ZONE)),
                () -> AwsControllers.certManager(List.of(ZONE)), () -> AwsControllers.externalSecrets(List.of(SECRET)))) {
            deploy(preset).diagnostics(Diagnostic.Severity.WARNING).forEach(d -> warnings.add(d.message()));
        }
        assertThat(warnings).isEmpty();
        assertThat(deploy(() -> AwsControllers.clusterAutoscaler("green")).diagnostics(Diagnostic.Severity.WARNING))
                .extracting(Diagnostic::message)
                .containsExactly("ServiceAccount kube-system/cluster-autoscaler gets a cloud identity: kube-system holds the cluster's own "
                        + "controllers, and anything that can run pods there can use it");
    }

    @Test
    void aPresetGivenNoZonesOrAZoneIdInTheWrongFormIsRefused() {
        assertThatThrownBy(() -> AwsControllers.externalDns(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("externalDns must be at least one Route 53 hosted zone id (the controller changes records only in the zones named): '[]'");
        assertThatThrownBy(() -> AwsControllers.certManager(List.of()))
                .hasMessageStartingWith("certManager must be at least one Route 53 hosted zone id");
        assertThatThrownBy(() -> AwsControllers.externalDns(List.of("/hostedzone/" + ZONE)))
                .hasMessage("zone must be " + Route53Access.ZONE_ID_RULE + ": '/hostedzone/Z0123456789ABCDEFGHIJ'");
        assertThatThrownBy(() -> AwsControllers.certManager(List.of("example.com")))
                .hasMessage("zone must be " + Route53Access.ZONE_ID_RULE + ": 'example.com'");
        assertThatThrownBy(() -> AwsControllers.externalDns(List.of(ZONE, ZONE)))
                .hasMessage("externalDns must be named once (it is given twice): 'Z0123456789ABCDEFGHIJ'");
    }

    @Test
    void secretsClusterNamesAndKeysInTheWrongFormAreRefused() {
        assertThatThrownBy(() -> AwsControllers.externalSecrets(List.of()))
                .hasMessage("externalSecrets must be at least one Secrets Manager secret ARN: '[]'");
        assertThatThrownBy(() -> AwsControllers.externalSecrets(List.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:dev-*")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("secret must be");
        assertThatThrownBy(() -> AwsControllers.clusterAutoscaler("green/blue"))
                .hasMessage("clusterAutoscaler must be " + AwsControllers.CLUSTER_NAME_RULE + ": 'green/blue'");
        assertThatThrownBy(() -> AwsControllers.ebsCsiDriver("arn:aws:kms:eu-west-1:111122223333:alias/ebs"))
                .hasMessageStartingWith("ebsCsiDriver key must be a KMS key ARN");
    }
}
