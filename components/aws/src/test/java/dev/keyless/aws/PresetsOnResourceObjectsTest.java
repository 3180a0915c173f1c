package dev.keyless.aws;

import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS controller presets given the provider's resource objects: the exact policy each names
 * them in (by the ids and ARNs the simulated provider reports), and the core rule on them (at
 * least one, each once), refused before anything registers.
 */
class PresetsOnResourceObjectsTest {
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    private static RecordedDeployment deploy(Supplier<ControllerPreset> preset) {
        return SimulatedStack.named("objects").run(ctx ->
                new FederatedServiceAccount("ctl", preset.get().args(TestClusters.adopted("green", true)).build()));
    }

    private static Object policyOf(Supplier<ControllerPreset> preset) {
        return Json.parse(GrantPolicies.carriedBy(deploy(preset), "ctl"));
    }

    private static Zone zone() {
        return new Zone("shop", ZoneArgs.builder().name("shop.example.com").build());
    }

    private static BucketV2 bucket(String name) {
        return new BucketV2(name, BucketV2Args.builder().bucket(name).build());
    }

    /** Runs what the program would, inside a stack, and returns what it threw. */
    private static Throwable refusalOf(Runnable program) {
        var refusal = new AtomicReference<Throwable>();
        SimulatedStack.named("objects").run(ctx -> {
            try {
                program.run();
            } catch (InvalidInputException e) {
                refusal.set(e);
            }
        });
        return refusal.get();
    }

    @Test
    void externalDnsAndCertManagerNameAZoneOfThisStackByItsZoneId() {
        assertThat(policyOf(() -> AwsControllers.externalDns(zone()))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow",
                   "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
                   "Resource": "arn:aws:route53:::hostedzone/Z0EXAMPLE0PLACEHOLDER"},
                  {"Effect": "Allow", "Action": "route53:ListHostedZones", "Resource": "*"}]}
                """));
        assertThat(policyOf(() -> AwsControllers.certManager(zone()))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"},
                  {"Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
                   "Resource": "arn:aws:route53:::hostedzone/Z0EXAMPLE0PLACEHOLDER",
                   "Condition": {"ForAllValues:StringEquals": {"route53:ChangeResourceRecordSetsRecordTypes": "TXT"}}},
                  {"Effect": "Allow", "Action": "route53:ListHostedZonesByName", "Resource": "*"}]}
                """));
    }

    @Test
    void externalSecretsReadsEachSecretOfThisStackByItsArn() {
        assertThat(policyOf(() -> AwsControllers.externalSecrets(
                new Secret("db", SecretArgs.builder().name("shop/db").build()),
                new Secret("token", SecretArgs.builder().name("shop/token").build())))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue"], "Resource": "*"},
                  {"Effect": "Allow", "Action": ["secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue",
                     "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"],
                   "Resource": ["arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf",
                                "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/token-AbCdEf"]}]}
                """));
    }

    @Test
    void veleroBacksUpToTheOneBucketOfThisStack() {
        assertThat(policyOf(() -> AwsControllers.velero(bucket("acme-backups")))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["ec2:DescribeVolumes", "ec2:DescribeSnapshots"], "Resource": "*"},
                  {"Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"],
                   "Resource": ["arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*::snapshot/*"]},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject", "s3:PutObject", "s3:PutObjectTagging",
                     "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                   "Resource": "arn:aws:s3:::acme-backups/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-backups"}]}
                """));
        // A protected store's bucket is auto-named; the simulated provider adds "-xxxxxxx" as Pulumi adds its random suffix.
        assertThat(policyOf(() -> AwsControllers.velero(new ProtectedS3Bucket("backups", false).bucket())))
                .isEqualTo(policyOf(() -> AwsControllers.velero("backups-xxxxxxx")));
    }

    @Test
    void mountpointListsAndChangesTheObjectsOfEachBucketOfThisStack() {
        assertThat(policyOf(() -> AwsControllers.mountpointS3CsiDriver(bucket("acme-models"), bucket("acme-datasets")))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-models"},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-models/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-datasets"},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::acme-datasets/*"}]}
                """));
    }

    @Test
    void efsCsiCreatesAccessPointsOnlyInTheFileSystemOfThisStack() {
        assertThat(policyOf(() -> AwsControllers.efsCsiDriver(new FileSystem("shared", FileSystemArgs.builder().build()))))
                .isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems",
                     "elasticfilesystem:DescribeMountTargets", "ec2:DescribeAvailabilityZones"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "elasticfilesystem:CreateAccessPoint",
                   "Resource": "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
                   "Condition": {"StringEquals": {"aws:RequestTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:TagResource",
                   "Resource": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}},
                  {"Effect": "Allow", "Action": "elasticfilesystem:DeleteAccessPoint",
                   "Resource": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/efs.csi.aws.com/cluster": "true"}}}]}
                """));
    }

    @Test
    void ebsCsiAttachesTheManagedPolicyAndUsesTheKeyOfThisStack() {
        var deployment = deploy(() -> AwsControllers.ebsCsiDriver(new Key("volumes", KeyArgs.builder().build())));
        assertThat(deployment.ofType(ATTACHMENT)).singleElement()
                .satisfies(a -> assertThat(a.input("policyArn")).contains(AwsControllers.EBS_CSI_DRIVER_POLICY_ARN));
        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "ctl"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"],
                   "Resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}
                """));
    }

    @Test
    void reportsNameEachObjectByItsPulumiName() {
        var descriptions = new java.util.ArrayList<String>();
        SimulatedStack.named("objects").run(ctx -> {
            descriptions.add(AwsControllers.externalDns(zone()).grants().get(0).describe());
            descriptions.add(AwsControllers.mountpointS3CsiDriver(bucket("acme-models"), bucket("acme-datasets")).grants().get(0).describe());
            descriptions.add(AwsControllers.ebsCsiDriver(new Key("volumes", KeyArgs.builder().build())).grants().get(0).describe());
        });
        assertThat(descriptions).containsExactly("external-dns record changes on shop",
                "Mountpoint for S3 on acme-models, acme-datasets",
                "EBS CSI driver (AmazonEBSCSIDriverPolicyV2, volumes encrypted with volumes)");
    }

    @Test
    void noObjectPresetWarnsOutsideKubeSystem() {
        for (Supplier<ControllerPreset> preset : List.<Supplier<ControllerPreset>>of(() -> AwsControllers.externalDns(zone()),
                () -> AwsControllers.certManager(zone()),
                () -> AwsControllers.externalSecrets(new Secret("db", SecretArgs.builder().name("shop/db").build())),
                () -> AwsControllers.velero(bucket("acme-backups")))) {
            assertThat(deploy(preset).diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
        }
    }

    @Test
    void anObjectGivenTwiceIsRefusedByItsPulumiNameBeforeAnythingRegisters() {
        var expected = Map.of(
                "externalDns", "shop", "certManager", "shop", "externalSecrets", "db",
                "mountpointS3CsiDriver", "acme-models", "efsCsiDriver", "shared");
        var refusals = new java.util.TreeMap<String, String>();
        refusals.put("externalDns", refusalOf(() -> {
            var zone = zone();
            AwsControllers.externalDns(zone, zone);
        }).getMessage());
        refusals.put("certManager", refusalOf(() -> {
            var zone = zone();
            AwsControllers.certManager(zone, zone);
        }).getMessage());
        refusals.put("externalSecrets", refusalOf(() -> {
            var secret = new Secret("db", SecretArgs.builder().name("shop/db").build());
            AwsControllers.externalSecrets(secret, secret);
        }).getMessage());
        refusals.put("mountpointS3CsiDriver", refusalOf(() -> {
            var models = bucket("acme-models");
            AwsControllers.mountpointS3CsiDriver(models, bucket("acme-datasets"), models);
        }).getMessage());
        refusals.put("efsCsiDriver", refusalOf(() -> {
            var shared = new FileSystem("shared", FileSystemArgs.builder().build());
            AwsControllers.efsCsiDriver(shared, shared);
        }).getMessage());
        expected.forEach((field, name) -> assertThat(refusals.get(field)).as(field)
                .isEqualTo(field + " must be named once (it is given twice): '" + name + "'"));
        assertThat(refusals).hasSameSizeAs(expected);
    }

    @Test
    void aPresetGivenNoObjectsOrANullIsRefused() {
        assertThatThrownBy(() -> AwsControllers.externalDns(new Zone[0]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("externalDns must be at least one Route 53 hosted zone (the controller changes records only in the zones named): '[]'");
        assertThatThrownBy(() -> AwsControllers.certManager(new Zone[0]))
                .hasMessage("certManager must be at least one Route 53 hosted zone (the controller changes records only in the zones named): '[]'");
        assertThatThrownBy(() -> AwsControllers.externalSecrets(new Secret[0]))
                .hasMessage("externalSecrets must be at least one Secrets Manager secret: '[]'");
        assertThatThrownBy(() -> AwsControllers.mountpointS3CsiDriver(new BucketV2[0]))
                .hasMessage("mountpointS3CsiDriver must be at least one S3 bucket: '[]'");
        assertThatThrownBy(() -> AwsControllers.efsCsiDriver(new FileSystem[0]))
                .hasMessage("efsCsiDriver must be at least one EFS file system: '[]'");
        assertThatThrownBy(() -> AwsControllers.externalDns((Zone[]) null))
                .hasMessage("externalDns must be at least one Route 53 hosted zone (the controller changes records only in the zones named), not null: 'null'");
        assertThatThrownBy(() -> AwsControllers.velero((BucketV2) null))
                .hasMessage("bucket must be a BucketV2 or a bucket name, not null: 'null'");
        assertThatThrownBy(() -> AwsControllers.ebsCsiDriver((Key) null))
                .hasMessage("ebsCsiDriver key must be a kms.Key or a key ARN, not null: 'null'");
    }
}
