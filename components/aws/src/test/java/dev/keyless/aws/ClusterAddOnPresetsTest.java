package dev.keyless.aws;

import com.pulumi.core.Output;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS Load Balancer Controller, EFS CSI, Velero, VPC CNI and Mountpoint for S3 presets: exact
 * policies, actions against the lists recorded from each upstream document, chart defaults, both
 * mechanisms, federation from another cloud's cluster, names known only at deploy, and refusals.
 */
class ClusterAddOnPresetsTest {
    private static final String FILE_SYSTEM = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0";
    private static final String OTHER_FILE_SYSTEM = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-89abcdef";
    private static final String SA = "kubernetes:core/v1:ServiceAccount";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String LOAD_BALANCER_CONTROLLER_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole",
               "Resource": "arn:aws:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
               "Condition": {"StringEquals": {"iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"}}},
              {"Effect": "Allow", "Action": ["ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
                 "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets",
                 "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags",
                 "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools",
                 "ec2:DescribeRouteTables", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                 "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
                 "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups",
                 "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth",
                 "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores",
                 "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeCapacityReservation"],
               "Resource": "*"},
              {"Effect": "Allow", "Action": ["acm:ListCertificates", "iam:ListServerCertificates"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["acm:DescribeCertificate", "iam:GetServerCertificate"],
               "Resource": ["arn:aws:acm:*:*:certificate/*", "arn:aws:iam::*:server-certificate/*"]},
              {"Effect": "Allow", "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
               "Resource": "arn:aws:ec2:*:*:security-group/*"},
              {"Effect": "Allow", "Action": "ec2:CreateSecurityGroup",
               "Resource": ["arn:aws:ec2:*:*:security-group/*", "arn:aws:ec2:*:*:vpc/*"]},
              {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "arn:aws:ec2:*:*:security-group/*",
               "Condition": {"StringEquals": {"ec2:CreateAction": "CreateSecurityGroup", "aws:RequestTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:DeleteTags"], "Resource": "arn:aws:ec2:*:*:security-group/*",
               "Condition": {"Null": {"aws:RequestTag/elbv2.k8s.aws/cluster": "true"},
                             "StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
               "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
               "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": "elasticloadbalancing:CreateListener",
               "Resource": ["arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"],
               "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"],
               "Resource": ["arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
                 "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"],
               "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
               "Resource": ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
                 "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"],
               "Condition": {"Null": {"aws:RequestTag/elbv2.k8s.aws/cluster": "true"},
                             "StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
               "Resource": ["arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
                 "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"]},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
                 "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer",
                 "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                 "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes",
                 "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools"],
               "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": "elasticloadbalancing:AddTags",
               "Resource": ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
                 "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"],
               "Condition": {"StringEquals": {"elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"],
                                              "aws:RequestTag/elbv2.k8s.aws/cluster": "green"}}},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
               "Resource": "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"},
              {"Effect": "Allow", "Action": ["elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddListenerCertificates",
                 "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"],
               "Resource": ["arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
                 "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"],
               "Condition": {"StringEquals": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "green"}}}]}
            """;
    private static final String VELERO_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["ec2:DescribeVolumes", "ec2:DescribeSnapshots"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"],
               "Resource": ["arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*::snapshot/*"]},
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject", "s3:PutObject", "s3:PutObjectTagging",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
               "Resource": "arn:aws:s3:::acme-backups/*"},
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-backups"}]}
            """;

    static RecordedDeployment deploy(Supplier<ControllerPreset> preset) {
        return SimulatedStack.named("addons").run(ctx ->
                new FederatedServiceAccount("ctl", preset.get().args(TestClusters.adopted("green", true)).build()));
    }

    static Object policyOf(Supplier<ControllerPreset> preset) {
        return Json.parse(GrantPolicies.carriedBy(deploy(preset), "ctl"));
    }

    static Set<String> recorded(String controller) {
        try (var in = ClusterAddOnPresetsTest.class.getResourceAsStream("/controllers/" + controller + ".txt")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            return new TreeSet<>(lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> actionsOf(ControllerPreset preset) {
        var names = new TreeSet<String>();
        for (var grant : preset.grants()) {
            var aws = (AwsGrant) grant;
            aws.longestStatements().orElseThrow().forEach(s -> s.actions().forEach(a -> names.add(a.value())));
            aws.managedPolicyArns().forEach(arn -> names.add("managed-policy " + arn));
        }
        return names;
    }

    @Test
    void loadBalancerControllerHasUpstreamsStatementsWithTheClusterTagNarrowedToItsName() {
        assertThat(policyOf(() -> AwsControllers.awsLoadBalancerController("green"))).isEqualTo(Json.parse(LOAD_BALANCER_CONTROLLER_POLICY));
    }

    @Test
    void efsCsiCreatesAndChangesOnlyAccessPointsTaggedForTheDriver() {
        assertThat(policyOf(AwsControllers::efsCsiDriver)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems",
                     "elasticfilesystem:DescribeMountTargets", "ec2:DescribeAvailabilityZones"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "elasticfilesystem:CreateAccessPoint", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:RequestTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:TagResource", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:DeleteAccessPoint", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}}]}
                """));
    }

    @Test
    void efsCsiOnNamedFileSystemsCreatesAccessPointsOnlyInThem() {
        assertThat(policyOf(() -> AwsControllers.efsCsiDriver(List.of(FILE_SYSTEM, OTHER_FILE_SYSTEM)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems",
                     "elasticfilesystem:DescribeMountTargets", "ec2:DescribeAvailabilityZones"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "elasticfilesystem:CreateAccessPoint",
                   "Resource": ["arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0",
                                "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-89abcdef"],
                   "Condition": {"StringEquals": {"aws:RequestTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:TagResource",
                   "Resource": "arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:DeleteAccessPoint",
                   "Resource": "arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}}]}
                """));
    }

    @Test
    void efsCsiTakesAnotherStacksFileSystemAndChecksItOnceKnown() {
        assertThat(policyOf(() -> AwsControllers.efsCsiDriver("shared-fs", Output.of(FILE_SYSTEM))))
                .isEqualTo(policyOf(() -> AwsControllers.efsCsiDriver(List.of(FILE_SYSTEM))));
        var failure = SimulatedStack.named("addons").runExpectingFailure(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.efsCsiDriver("shared-fs", Output.of("arn:aws:s3:::acme-models")).args(TestClusters.adopted("green", true)).build()));
        assertThat(failure.message()).isEqualTo("fileSystem must be an EFS file system ARN, "
                + "arn:aws:elasticfilesystem:REGION:ACCOUNT:file-system/fs-0123456789abcdef0: 'arn:aws:s3:::acme-models'");
        assertThat(failure.deployment().ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void veleroSnapshotsVolumesAndBacksUpToItsOneBucketNamedPlainOrByAnOutput() {
        assertThat(policyOf(() -> AwsControllers.velero("acme-backups"))).isEqualTo(Json.parse(VELERO_POLICY));
        assertThat(policyOf(() -> AwsControllers.velero("backups", Output.of("acme-backups")))).isEqualTo(Json.parse(VELERO_POLICY));
    }

    @Test
    void aBucketFromAnOutputIsCheckedOnceKnownAndNothingRegistersBeforeIt() {
        var failure = SimulatedStack.named("addons").runExpectingFailure(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.velero("backups", Output.of("Acme_Backups")).args(TestClusters.adopted("green", true)).build()));
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("bucket must be " + S3BucketNames.RULE + ": 'Acme_Backups'");
        assertThat(failure.deployment().ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void vpcCniAttachesTheManagedPolicyOnly() {
        var deployment = deploy(AwsControllers::vpcCni);
        assertThat(deployment.ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(deployment.ofType(ATTACHMENT)).hasSize(1);
        assertThat(deployment.resource(ATTACHMENT, "ctl-managed-AmazonEKS_CNI_Policy").inputs())
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
    }

    @Test
    void mountpointListsEachNamedBucketAndChangesOnlyItsObjects() {
        assertThat(policyOf(() -> AwsControllers.mountpointS3CsiDriver(List.of("acme-models", "acme-datasets")))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-models"},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-models/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-datasets"},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-datasets/*"}]}
                """));
        assertThat(policyOf(() -> AwsControllers.mountpointS3CsiDriver("models", Output.of("acme-models")))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-models"},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-models/*"}]}
                """));
    }

    @Test
    void mountpointOnAPrefixListsAndChangesOnlyKeysUnderIt() {
        assertThat(policyOf(() -> AwsControllers.mountpointS3CsiDriver("acme-models", "llm/"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-models",
                   "Condition": {"StringLike": {"s3:prefix": ["llm/*", "llm"]}}},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-models/llm/*"}]}
                """));
    }

    @Test
    void eachPresetCarriesExactlyTheActionsItsUpstreamDocumentLists() {
        // Its WAF, Shield and Cognito actions come with their add-ons (LoadBalancerIngressFeatureTest).
        assertThat(actionsOf(AwsControllers.awsLoadBalancerController("green", java.util.EnumSet.allOf(LoadBalancerIngressFeature.class))))
                .isEqualTo(recorded("aws-load-balancer-controller"));
        assertThat(actionsOf(AwsControllers.efsCsiDriver())).isEqualTo(recorded("aws-efs-csi-driver"));
        assertThat(actionsOf(AwsControllers.efsCsiDriver(List.of(FILE_SYSTEM)))).isEqualTo(recorded("aws-efs-csi-driver"));
        assertThat(actionsOf(AwsControllers.velero("acme-backups"))).isEqualTo(recorded("velero"));
        assertThat(actionsOf(AwsControllers.velero("backups", Output.of("acme-backups")))).isEqualTo(recorded("velero"));
        assertThat(actionsOf(AwsControllers.vpcCni())).isEqualTo(recorded("vpc-cni"));
        assertThat(actionsOf(AwsControllers.mountpointS3CsiDriver(List.of("acme-models")))).isEqualTo(recorded("aws-mountpoint-s3-csi-driver"));
        assertThat(actionsOf(AwsControllers.mountpointS3CsiDriver("acme-models", "llm/"))).isEqualTo(recorded("aws-mountpoint-s3-csi-driver"));
    }

    @Test
    void defaultsAreTheChartsNamespacesAndServiceAccounts() {
        var expected = Map.of(
                "aws-load-balancer-controller", List.of("kube-system", "aws-load-balancer-controller"),
                "aws-efs-csi-driver", List.of("kube-system", "efs-csi-controller-sa"),
                "velero", List.of("velero", "velero-server"),
                "vpc-cni", List.of("kube-system", "aws-node"),
                "aws-mountpoint-s3-csi-driver", List.of("kube-system", "s3-csi-driver-sa"));
        var presets = List.of(AwsControllers.awsLoadBalancerController("green"), AwsControllers.efsCsiDriver(),
                AwsControllers.velero("acme-backups"), AwsControllers.vpcCni(), AwsControllers.mountpointS3CsiDriver(List.of("acme-models")));
        var actual = new HashMap<String, List<String>>();
        presets.forEach(p -> actual.put(p.controller(), List.of(p.namespace(), p.serviceAccountName())));
        assertThat(actual).isEqualTo(expected);

        var sa = deploy(() -> AwsControllers.velero("acme-backups").inNamespace("backup")).resource(SA, "ctl-sa");
        assertThat(sa.input("metadata.name")).contains("velero-server");
        assertThat(sa.input("metadata.namespace")).contains("backup");
    }

    @Test
    void loadBalancerControllerWorksWithIrsaAndWithPodIdentity() {
        var irsa = deploy(() -> AwsControllers.awsLoadBalancerController("green"));
        assertThat(irsa.resource(SA, "ctl-sa").input("metadata.annotations").orElseThrow().toString())
                .contains(IrsaIdentity.ROLE_ARN_ANNOTATION);
        assertThat((String) irsa.resource("aws:iam/role:Role", "ctl-role").input("assumeRolePolicy").orElseThrow())
                .contains("system:serviceaccount:kube-system:aws-load-balancer-controller");

        var podIdentity = SimulatedStack.named("addons").run(ctx -> new FederatedServiceAccount("ctl",
                AwsControllers.awsLoadBalancerController("green").args(TestClusters.adopted("green", true))
                        .mechanism(PodIdentity.defaults()).build()));
        assertThat(podIdentity.resource("aws:eks/podIdentityAssociation:PodIdentityAssociation", "ctl-pod-identity").inputs())
                .containsEntry("namespace", "kube-system")
                .containsEntry("serviceAccount", "aws-load-balancer-controller");
        assertThat(Json.parse(GrantPolicies.carriedBy(podIdentity, "ctl")))
                .isEqualTo(Json.parse(LOAD_BALANCER_CONTROLLER_POLICY));
    }

    @Test
    void veleroOnAGkeClusterGetsAFederatedRoleWithTheSamePolicy() {
        var deployment = SimulatedStack.named("fed").config("aws:region", "eu-west-1").run(ctx -> new FederatedServiceAccount("velero",
                AwsControllers.velero("acme-backups").args(ForeignCluster.withIssuer("apps", ForeignCluster.GKE_ISSUER)).build()));
        assertThat(Json.parse(deployment.resource("aws:iam/role:Role", "velero-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(AwsFederationTest.exactTrust("arn:aws:iam::123456789012:oidc-provider/" + ForeignCluster.GKE_HOST_PATH,
                        ForeignCluster.GKE_HOST_PATH, "system:serviceaccount:velero:velero-server")));
        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "velero")))
                .isEqualTo(Json.parse(VELERO_POLICY));
        assertThat(deployment.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation")).isEmpty();
    }

    @Test
    void noNewPresetNeedsWildcardPermissionsAndOnlyKubeSystemOnesWarn() {
        assertThat(deploy(() -> AwsControllers.velero("acme-backups")).diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
        assertThat(deploy(() -> AwsControllers.awsLoadBalancerController("green")).diagnostics(Diagnostic.Severity.WARNING))
                .extracting(Diagnostic::message)
                .containsExactly("ServiceAccount kube-system/aws-load-balancer-controller gets a cloud identity: kube-system holds the "
                        + "cluster's own controllers, and anything that can run pods there can use it",
                        // Its policy (5,971 characters) is over half the role's inline quota: the move from a separate RolePolicy warns.
                        "the role of kube-system/aws-load-balancer-controller carries an inline grant policy of 5971 characters, over half "
                        + "IAM's quota of 10240 for all of a role's inline policies: a stack that holds it as a separate RolePolicy (an earlier "
                        + "keyless) cannot hold both while it moves, and IAM refuses the role's update; there, set grantsInSeparateRolePolicy(), "
                        + "or run `pulumi refresh` before `pulumi up` (the role then drops the old policy just before it puts the new one)");
        // The driver's one policy, on its role (carriedBy also checks no separate RolePolicy exists).
        assertThat(GrantPolicies.carriedBy(deploy(AwsControllers::efsCsiDriver), "ctl")).contains("elasticfilesystem:CreateAccessPoint");
    }

    @Test
    void aPresetGivenNoFileSystemsOrBucketsOrABadClusterNameIsRefused() {
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("efsCsiDriver must be at least one EFS file system ARN: '[]'");
        assertThatThrownBy(() -> AwsControllers.mountpointS3CsiDriver(List.of()))
                .hasMessage("mountpointS3CsiDriver must be at least one S3 bucket name: '[]'");
        assertThatThrownBy(() -> AwsControllers.mountpointS3CsiDriver(List.of("acme-models", "acme-models")))
                .hasMessage("mountpointS3CsiDriver must be named once (it is given twice): 'acme-models'");
        assertThatThrownBy(() -> AwsControllers.velero(""))
                .hasMessage("bucket must be " + S3BucketNames.RULE + ": ''");
        assertThatThrownBy(() -> AwsControllers.awsLoadBalancerController("green blue"))
                .hasMessage("awsLoadBalancerController must be " + AwsControllers.CLUSTER_NAME_RULE + ": 'green blue'");
        assertThatThrownBy(() -> AwsControllers.mountpointS3CsiDriver("acme-models", "/llm"))
                .hasMessage("prefix must be " + S3Access.PREFIX_RULE + ": '/llm'");
        assertThatThrownBy(() -> AwsControllers.velero("", Output.of("acme-backups")))
                .hasMessage("key must be " + dev.keyless.core.GrantKeys.RULE + ": ''");
    }

    @Test
    void fileSystemArnsOfTheWrongServiceOrPartitionOrWithAWildcardAreRefused() {
        var rule = "an EFS file system ARN, arn:aws:elasticfilesystem:REGION:ACCOUNT:file-system/fs-0123456789abcdef0";
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(List.of("arn:aws:s3:::acme-models")))
                .hasMessage("fileSystem must be " + rule + ": 'arn:aws:s3:::acme-models'");
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(List.of("arn:aws-iso:elasticfilesystem:eu-west-1:111122223333:file-system/fs-89abcdef")))
                .hasMessage("fileSystem must be " + rule + ": 'arn:aws-iso:elasticfilesystem:eu-west-1:111122223333:file-system/fs-89abcdef'");
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(List.of("arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/*")))
                .hasMessage("fileSystem must be one file system named exactly, with no '*' or '?' (a wildcard grants every file system it "
                        + "matches): 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/*'");
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(List.of("arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-0123456789abcdef0")))
                .hasMessage("fileSystem must be " + rule + ": 'arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-0123456789abcdef0'");
    }
}
