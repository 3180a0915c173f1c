package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster's {@code velero} controller on each cloud: backing up to a store the config declares
 * (the one it creates, or the existing one it names) or to an existing bucket or container named
 * outright, and bad settings at their config paths, all in one error.
 */
class VeleroControllerTest {
    private static final String EKS = """
            eks-kubeconfig: "apiVersion: v1"
            clusters:
              platform:
                cloud: aws
                adopt:
                  clusterName: platform
                  issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                  kubeconfigSecret: eks-kubeconfig
                controllers:
                  velero: %s
            stores:
              backups: {cloud: aws}
              archive: {cloud: aws, create: false, bucket: acme-archive}
              db: {cloud: aws, kind: secret, arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"}
              lake: {cloud: gcp, location: EU}
            workloads: {}
            """;

    private static final String GKE = """
            gke-kubeconfig: "apiVersion: v1"
            clusters:
              analytics:
                cloud: gcp
                adopt:
                  projectId: acme-data
                  location: europe-west1
                  clusterName: analytics
                  kubeconfigSecret: gke-kubeconfig
                controllers:
                  velero: %s
            stores:
              backups: {cloud: gcp, location: EU}
              archive: {cloud: gcp, create: false, bucket: acme-archive}
              images: {cloud: aws, create: false, bucket: acme-images}
            workloads: {}
            """;
    private static final String AKS = """
            aks-kubeconfig: "apiVersion: v1"
            clusters:
              aks:
                cloud: azure
                adopt:
                  issuerUrl: https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0d2f7c7a-4b1e-4e5a-9c3d-00000000ad0e/
                  resourceGroup: platform-rg
                  kubeconfigSecret: aks-kubeconfig
                controllers:
                  velero: %s
            stores:
              backups: {cloud: azure, resourceGroup: backup-rg}
              db: {cloud: azure, kind: secret, resourceGroup: platform-rg, vault: platform-kv, secret: db-password}
            workloads: {}
            """;
    private static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    private static final String BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    private static Object policy(RecordedDeployment deployment, String role) {
        return Json.parse(deployment.resource("aws:iam/role:Role", role).input("inlinePolicies.0.policy").orElseThrow());
    }

    private static Object awsVeleroPolicy(String bucket) {
        return Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["ec2:DescribeVolumes", "ec2:DescribeSnapshots"], "Resource": "*"},
                  {"Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"],
                   "Resource": ["arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*::snapshot/*"]},
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject", "s3:PutObject", "s3:PutObjectTagging",
                     "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                   "Resource": "arn:aws:s3:::%1$s/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::%1$s"}]}
                """.formatted(bucket));
    }

    @Test
    void onEksVeleroBacksUpToTheBucketTheLandingZoneCreates() {
        var deployment = ZoneStack.withConfig(EKS.formatted("{bucket: backups}")).run(LandingZone::stack);

        // The created bucket's name, which the simulated provider gives as Pulumi's auto-name would.
        var bucket = (String) deployment.resource("aws:s3/bucketV2:BucketV2", "backups").output("bucket").orElseThrow();
        assertThat(bucket).startsWith("backups-");
        assertThat(policy(deployment, "platform-velero-role")).isEqualTo(awsVeleroPolicy(bucket));
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "platform-velero-sa").input("metadata.name")).contains("velero-server");
    }

    @Test
    void onEksVeleroBacksUpToAnExistingBucketNamedByAStoreOrOutright() {
        assertThat(policy(ZoneStack.withConfig(EKS.formatted("{bucket: archive}")).run(LandingZone::stack), "platform-velero-role"))
                .isEqualTo(awsVeleroPolicy("acme-archive"));
        assertThat(policy(ZoneStack.withConfig(EKS.formatted("{bucket: acme-velero}")).run(LandingZone::stack), "platform-velero-role"))
                .isEqualTo(awsVeleroPolicy("acme-velero"));
    }

    @Test
    void onEksABucketMissingBadlyNamedOrNotABucketOfItsCloudIsAProblemAtItsPath() {
        assertThat(problems(EKS.formatted("{}"))).containsExactly("clusters.platform.controllers.velero.bucket: is required: "
                + "the backup bucket: the key of a bucket under stores, or an existing bucket's name");
        assertThat(problems(EKS.formatted("{bucket: Acme_Backups, snapshots: true}"))).containsExactly(
                "clusters.platform.controllers.velero.snapshots: unknown key; expected one of bucket, namespace, serviceAccount",
                "clusters.platform.controllers.velero.bucket: bucket must be 3 to 63 characters of [a-z0-9.-], starting and ending "
                        + "with a letter or digit, no '..', not an IP address, not starting with 'xn--', 'sthree-' or 'amzn-s3-demo-' and "
                        + "not ending with '-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3' (S3 bucket name): 'Acme_Backups'");
        assertThat(problems(EKS.formatted("{bucket: db}"))).containsExactly(
                "clusters.platform.controllers.velero.bucket: names store 'db', a secret; Velero backs up to a bucket");
        assertThat(problems(EKS.formatted("{bucket: lake}"))).containsExactly(
                "clusters.platform.controllers.velero.bucket: names store 'lake' on gcp; Velero backs up to a bucket of its "
                        + "cluster's cloud, aws");
    }

    @Test
    void onGkeVeleroUsesTheCreatedBucketAndSnapshotsDisksInTheClustersProjectOnlyWhenAsked() {
        var deployment = ZoneStack.withConfig(GKE.formatted("{bucket: backups}")).run(LandingZone::stack);
        var bucket = deployment.resource("gcp:storage/bucket:Bucket", "backups").output("name").orElseThrow();
        assertThat(deployment.ofType(BUCKET_MEMBER)).singleElement().satisfies(member -> {
            assertThat(member.name()).isEqualTo("analytics-velero-grant-backups-read-write");
            assertThat(member.input("bucket")).contains(bucket);
            assertThat(member.input("role")).contains("roles/storage.objectUser");
            assertThat((String) member.input("member").orElseThrow()).endsWith("/subject/ns/velero/sa/velero-server");
        });
        assertThat(deployment.ofType("gcp:projects/iAMMember:IAMMember")).isEmpty();

        var snapshots = ZoneStack.withConfig(GKE.formatted("{bucket: acme-velero, diskSnapshots: true}")).run(LandingZone::stack);
        assertThat(snapshots.ofType(BUCKET_MEMBER)).singleElement()
                .satisfies(member -> assertThat(member.input("bucket")).contains("acme-velero"));
        assertThat(snapshots.ofType("gcp:projects/iAMMember:IAMMember")).singleElement()
                .satisfies(member -> assertThat(member.input("project")).contains("acme-data"));
    }

    @Test
    void onGkeAnExistingBucketStoreIsTheBucketVeleroIsGiven() {
        var deployment = ZoneStack.withConfig(GKE.formatted("{bucket: archive}")).run(LandingZone::stack);
        assertThat(deployment.ofType(BUCKET_MEMBER)).singleElement()
                .satisfies(member -> assertThat(member.input("bucket")).contains("acme-archive"));
    }

    @Test
    void onGkeBadSettingsAreProblemsAtTheirPathsAllInOneError() {
        assertThat(problems(GKE.formatted("{bucket: images, diskSnapshots: yes-please, project: other}"))).containsExactly(
                "clusters.analytics.controllers.velero.project: unknown key; expected one of bucket, diskSnapshots, namespace, serviceAccount",
                "clusters.analytics.controllers.velero.diskSnapshots: must be true or false, not the string 'yes-please'",
                "clusters.analytics.controllers.velero.bucket: names store 'images' on aws; Velero backs up to a bucket of its "
                        + "cluster's cloud, gcp");
        assertThat(problems(GKE.formatted("{bucket: Acme_Backups}"))).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("clusters.analytics.controllers.velero.bucket: bucket").endsWith("'Acme_Backups'"));
    }

    @Test
    void onAksVeleroIsContributorOnTheCreatedContainerOrOnAnExistingOneNamedByAllThree() {
        var created = ZoneStack.withConfig(AKS.formatted("{container: backups}")).run(LandingZone::stack);
        var container = (String) created.resource("azure-native:storage:BlobContainer", "backups").output("id").orElseThrow();
        assertThat(created.ofType(ROLE_ASSIGNMENT)).singleElement().satisfies(assignment -> {
            assertThat(assignment.input("scope")).contains(container);
            assertThat((String) assignment.input("roleDefinitionId").orElseThrow()).endsWith("/ba92f5b4-2d11-453d-a403-e96b0029c9fe");
        });

        var existing = ZoneStack.withConfig(AKS.formatted(
                "{container: velero, account: acmebackups, resourceGroup: backup-rg, diskResourceGroup: MC_platform-rg_aks_westeurope}"))
                .run(LandingZone::stack);
        assertThat(existing.ofType(ROLE_ASSIGNMENT)).extracting(assignment -> (String) assignment.input("scope").orElseThrow())
                .anySatisfy(scope -> assertThat(scope).endsWith(
                        "/resourceGroups/backup-rg/providers/Microsoft.Storage/storageAccounts/acmebackups/blobServices/default/containers/velero"))
                .anySatisfy(scope -> assertThat(scope).endsWith("/resourceGroups/MC_platform-rg_aks_westeurope"))
                .hasSize(2);
    }

    @Test
    void onAksBadSettingsAreProblemsAtTheirPathsAllInOneError() {
        assertThat(problems(AKS.formatted("{container: Velero_Backups, diskResourceGroup: 'bad rg!'}"))).containsExactly(
                "clusters.aks.controllers.velero.diskResourceGroup: diskResourceGroup must be 1 to 90 characters of [A-Za-z0-9_.()-], "
                        + "not ending in '.' (Azure resource group name): 'bad rg!'",
                "clusters.aks.controllers.velero.resourceGroup: is required: the resource group of the container's storage account",
                "clusters.aks.controllers.velero.account: is required: the container's storage account",
                "clusters.aks.controllers.velero.container: container must be 3 to 63 characters of [a-z0-9-], starting and ending "
                        + "with a letter or digit, with no two hyphens in a row (blob container name): 'Velero_Backups'");
        assertThat(problems(AKS.formatted("{container: backups, account: acmebackups}"))).containsExactly(
                "clusters.aks.controllers.velero.account: is for a container named outright; store 'backups' names its own");
        assertThat(problems(AKS.formatted("{container: db}"))).containsExactly(
                "clusters.aks.controllers.velero.container: names store 'db', a secret; Velero backs up to a container");
    }
}
