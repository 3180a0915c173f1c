package dev.keyless.examples.eks;

import dev.keyless.aws.EksCluster;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it: each security fact a reviewer checks. */
class ChartMuseumEksTest {
    private static final String BUCKET = "charts-xxxxxxx";
    private static final String ISSUER_HOST_PATH = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/chartmuseum-role-xxxxxxx";

    private static SimulatedStack devStack() {
        return SimulatedStack.fromProject(Path.of(""), "dev");
    }

    private static RecordedDeployment deploy(SimulatedStack stack) {
        return stack.run(App::stack);
    }

    private static RegisteredResource release(RecordedDeployment deployment) {
        return deployment.resource("kubernetes:helm.sh/v3:Release", "chartmuseum");
    }

    @Test
    void chartsBucketIsVersionedPrivateEncryptedAndRetained() {
        var deployment = deploy(devStack());
        var bucket = deployment.resource("aws:s3/bucketV2:BucketV2", "charts");
        var graph = ResourceGraph.of(deployment);

        assertThat(bucket.retainOnDelete()).isTrue();
        assertThat(bucket.input("forceDestroy")).contains(false);
        assertThat(deployment.resource("aws:s3/bucketVersioningV2:BucketVersioningV2", "charts-versioning")
                .input("versioningConfiguration.status")).contains("Enabled");
        assertThat(deployment.resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "charts-public-access-block").inputs())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true)
                .containsEntry("bucket", BUCKET);
        assertThat(deployment.resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "charts-encryption")
                .input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("AES256");
        assertThat(deployment.resource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "charts-ownership")
                .input("rule.objectOwnership")).contains("BucketOwnerEnforced");
        var publicAccessBlock = deployment.resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "charts-public-access-block");
        // The bucket and its settings are the protected store component's children.
        var store = deployment.resource("keyless:aws:ProtectedS3Bucket", "charts");
        assertThat(graph.parentOf(bucket)).isEqualTo(store);
        var settings = deployment.childrenOf(store).stream().filter(child -> !child.equals(bucket)).toList();
        for (var child : settings) {
            assertThat(graph.waitsFor(child, bucket)).as(child.name()).isTrue();
            if (!child.equals(publicAccessBlock)) {
                assertThat(graph.waitsForTransitively(child, publicAccessBlock)).as(child.name() + " after public access is blocked").isTrue();
            }
        }
        assertThat(settings).hasSize(4);
        // S3 refuses concurrent configuration changes to one bucket: they go one after another.
        var ownership = deployment.resource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "charts-ownership");
        var encryption = deployment.resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "charts-encryption");
        var versioning = deployment.resource("aws:s3/bucketVersioningV2:BucketVersioningV2", "charts-versioning");
        assertThat(graph.waitsFor(ownership, encryption)).isTrue();
        assertThat(graph.waitsFor(encryption, versioning)).isTrue();
        assertThat(graph.waitsFor(versioning, publicAccessBlock)).isTrue();
    }

    @Test
    void destroyingTheStackCanDeleteTheBucketOnlyWhenTheUserOptsOut() {
        var deployment = deploy(devStack().config("retainChartsOnDestroy", "false"));
        assertThat(deployment.resource("aws:s3/bucketV2:BucketV2", "charts").retainOnDelete()).isFalse();
    }

    @Test
    void roleTrustsOnlyTheChartMuseumServiceAccount() {
        var trust = deploy(devStack()).resource("aws:iam/role:Role", "chartmuseum-role").input("assumeRolePolicy").orElseThrow();

        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow",
                   "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/%1$s"},
                   "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {
                     "%1$s:sub": "system:serviceaccount:chartmuseum:chartmuseum",
                     "%1$s:aud": "sts.amazonaws.com"}}}}
                """.formatted(ISSUER_HOST_PATH)));
    }

    @Test
    void roleMayReadAndWriteChartsUnderThePrefixAndNothingElse() {
        var deployment = deploy(devStack());
        // The role carries the grants itself, as its one inline policy.
        assertThat(deployment.ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        var policy = deployment.resource("aws:iam/role:Role", "chartmuseum-role").input("inlinePolicies.0.policy").orElseThrow();

        assertThat(Json.parse(policy)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::%1$s",
                    "Condition": {"StringLike": {"s3:prefix": ["charts/*", "charts"]}}},
                   {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                    "Resource": "arn:aws:s3:::%1$s/charts/*"}]}
                """.formatted(BUCKET)));
    }

    @Test
    void serviceAccountIsAnnotatedAndMountsNoApiToken() {
        var sa = deploy(devStack()).resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa");

        assertThat(sa.input("metadata.name")).contains("chartmuseum");
        assertThat(sa.input("metadata.namespace")).contains("chartmuseum");
        assertThat(sa.input("metadata.annotations")).contains(Map.of("eks.amazonaws.com/role-arn", ROLE_ARN));
        assertThat(sa.input("automountServiceAccountToken")).contains(false);
    }

    @Test
    void chartIsPinnedAndRunsAsTheKeylessServiceAccountOnS3() {
        var deployment = deploy(devStack());
        var release = release(deployment);

        assertThat(release.inputs()).containsEntry("chart", "chartmuseum")
                .containsEntry("version", "3.10.4")
                .containsEntry("name", "chartmuseum")
                .containsEntry("namespace", "chartmuseum")
                .containsEntry("createNamespace", false);
        assertThat(release.input("repositoryOpts.repo")).contains("https://chartmuseum.github.io/charts");
        assertThat(release.input("values.env.open")).contains(Map.of(
                "STORAGE", "amazon",
                "STORAGE_AMAZON_BUCKET", BUCKET,
                "STORAGE_AMAZON_REGION", "eu-west-1",
                "AWS_REGION", "eu-west-1",
                "STORAGE_AMAZON_PREFIX", "charts/",
                "DISABLE_API", false,
                "AWS_SDK_LOAD_CONFIG", "true"));
        assertThat(release.input("values.serviceAccount")).contains(Map.of(
                "create", false, "name", "chartmuseum", "automountServiceAccountToken", false));
        assertThat(release.input("values.image.tag")).contains("v0.16.5");
        assertThat(release.input("values.service.type")).contains("ClusterIP");
    }

    @Test
    void releaseGoesToTheNewClusterAfterItsServiceAccount() {
        var deployment = deploy(devStack());
        var release = release(deployment);
        var graph = ResourceGraph.of(deployment);

        assertThat(release.providerUrn()).isEqualTo(deployment.resource("pulumi:providers:kubernetes", "platform-k8s").urn());
        assertThat(graph.waitsForTransitively(release, deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa"))).isTrue();
        assertThat(graph.waitsForTransitively(release, deployment.resource("aws:iam/role:Role", "chartmuseum-role"))).isTrue();
        assertThat(graph.waitsForTransitively(release, deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes"))).isTrue();
    }

    @Test
    void exportsTheAddressesAndKeepsTheKubeconfigSecret() {
        var outputs = deploy(devStack()).stackOutputs();

        assertThat(outputs.get("kubeconfig")).isInstanceOf(SecretValue.class);
        assertThat(outputs).containsEntry("bucketName", BUCKET)
                .containsEntry("roleArn", ROLE_ARN)
                .containsEntry("clusterName", "platform-cluster-xxxxxxx")
                .containsEntry("serviceAddress", "http://chartmuseum.chartmuseum.svc.cluster.local:8080");
    }

    @Test
    void noStaticCredentialIsCreatedOrPassedAnywhere() {
        var deployment = deploy(devStack());

        assertThat(deployment.ofType("aws:iam/accessKey:AccessKey")).isEmpty();
        assertThat(deployment.ofType("kubernetes:core/v1:Secret")).isEmpty();
        assertThat(String.valueOf(release(deployment).inputs()))
                .doesNotContain("AWS_ACCESS_KEY_ID").doesNotContain("AWS_SECRET_ACCESS_KEY").doesNotContain("secret:");
    }

    @Test
    void podIdentityVariantAssociatesTheRoleAndPinsPodsToLinux() {
        var deployment = deploy(devStack().config("identity", "pod-identity"));

        assertThat(deployment.resource("aws:eks/addon:Addon", "platform-pod-identity-agent").input("addonName"))
                .contains("eks-pod-identity-agent");
        assertThat(deployment.resource("aws:eks/podIdentityAssociation:PodIdentityAssociation", "chartmuseum-pod-identity").inputs())
                .containsEntry("namespace", "chartmuseum").containsEntry("serviceAccount", "chartmuseum");
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "chartmuseum-sa").input("metadata.annotations").orElse(Map.of()))
                .isEqualTo(Map.of());
        assertThat(release(deployment).input("values.nodeSelector")).contains(Map.of("kubernetes.io/os", "linux"));
        assertThat(release(deployment).input("values.env.open.AWS_SDK_LOAD_CONFIG")).contains("true");
    }

    @Test
    void componentsAreTheOnesTheReadmeDescribes() {
        var deployment = deploy(devStack());
        assertThat(deployment.ofType(EksCluster.TYPE)).hasSize(1);
        assertThat(deployment.ofType(FederatedServiceAccount.TYPE)).hasSize(1);
    }

    @Test
    void badSettingsStopThePreviewBeforeAnythingIsCreated() {
        var identity = devStack().config("identity", "kube2iam").runExpectingFailure(App::stack);
        assertThat(identity.message()).isEqualTo("identity must be irsa or pod-identity: 'kube2iam'");
        assertThat(identity.registeredBesidesStack()).isEmpty();

        var namespace = devStack().config("namespace", "Charts").runExpectingFailure(App::stack);
        assertThat(namespace.message()).startsWith("namespace must be a DNS-1123 label");
        assertThat(namespace.registeredBesidesStack()).isEmpty();
    }
}
