package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.keyless.preview.report.ReportText.document;
import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class PreviewReportTest {
    private static RecordedDeployment deployment;
    private static String report;

    @BeforeAll
    static void runTheProgram() {
        deployment = ArchiveStack.run();
        report = PreviewReport.render(deployment);
    }

    @Test
    void saysFirstThatNothingRealHappened() {
        assertThat(report.lines().findFirst()).contains(
                "Previewing update (prod) of project archive \u2014 offline, on a simulated cloud; no cloud was called");
    }

    @Test
    void drawsTheResourceTreeAsPulumiPreviewDoes() {
        assertThat(ReportText.tree(report)).containsExactly(
                "     Type                                  Name             Plan",
                " +   pulumi:pulumi:Stack                   archive-prod     create",
                " +   ├─ pulumi:providers:kubernetes        cluster          create",
                " +   ├─ example:storage:Archive            archive          create",
                " +   │  ├─ aws:iam:Role                    archiver         create",
                " +   │  ├─ aws:s3:BucketV2                 documents        create [protect, retainOnDelete]",
                " +   │  └─ aws:iam:RolePolicy              archiver-writes  create",
                " +   ├─ kubernetes:core/v1:ServiceAccount  archiver         create",
                " +   └─ kubernetes:helm.sh/v3:Release      docs-ui          create");
    }

    @Test
    void listsTheStackOutputsWithSecretsMasked() {
        assertThat(section(report, "Outputs:")).containsExactly(
                "Outputs:",
                "    bucketName: \"acme-documents\"",
                "    replicas  : 2",
                "    token     : [secret]");
    }

    @Test
    void countsEveryResourceTheStackIncluded() {
        assertThat(section(report, "Resources:")).containsExactly("Resources:", "    + 8 to create");
    }

    @Test
    void laysOutTheTrustPolicy() {
        assertThat(document(section(report, "Policy documents:"), "aws:iam/role:Role  archiver  assumeRolePolicy"))
                .containsExactly(
                        "    {",
                        "      \"Version\": \"2012-10-17\",",
                        "      \"Statement\": [",
                        "        {",
                        "          \"Effect\": \"Allow\",",
                        "          \"Principal\": {",
                        "            \"Service\": \"ec2.amazonaws.com\"",
                        "          },",
                        "          \"Action\": \"sts:AssumeRole\"",
                        "        }",
                        "      ]",
                        "    }");
    }

    @Test
    void laysOutTheInlinePolicyWithTheArnTheSimulatedCloudGaveTheBucket() {
        assertThat(document(section(report, "Policy documents:"), "aws:iam/rolePolicy:RolePolicy  archiver-writes  policy"))
                .containsExactly(
                        "    {",
                        "      \"Version\": \"2012-10-17\",",
                        "      \"Statement\": [",
                        "        {",
                        "          \"Effect\": \"Allow\",",
                        "          \"Action\": [",
                        "            \"s3:PutObject\",",
                        "            \"s3:GetObject\"",
                        "          ],",
                        "          \"Resource\": \"arn:aws:s3:::acme-documents/*\"",
                        "        }",
                        "      ]",
                        "    }");
    }

    @Test
    void rendersTheServiceAccountAsAManifest() {
        assertThat(document(section(report, "Kubernetes objects:"), "kubernetes:core/v1:ServiceAccount  archiver"))
                .containsExactly(
                        "    apiVersion: v1",
                        "    kind: ServiceAccount",
                        "    metadata:",
                        "      annotations:",
                        "        eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/archiver",
                        "      name: archiver",
                        "      namespace: archive",
                        "    automountServiceAccountToken: true");
    }

    @Test
    void leavesHelmReleasesOutOfTheKubernetesObjects() {
        assertThat(section(report, "Kubernetes objects:")).noneMatch(line -> line.contains("Release"));
    }

    @Test
    void showsTheHelmReleaseAndItsValuesWithTheSecretMasked() {
        assertThat(document(section(report, "Helm releases:"), "kubernetes:helm.sh/v3:Release  docs-ui"))
                .containsExactly(
                        "    chart: chartmuseum",
                        "    version: 3.10.3",
                        "    repository: https://chartmuseum.github.io/charts",
                        "    namespace: archive",
                        "    values:",
                        "      auth:",
                        "        password: [secret]",
                        "      env:",
                        "        open:",
                        "          STORAGE: amazon",
                        "          STORAGE_AMAZON_BUCKET: acme-documents",
                        "      replicaCount: 2");
    }

    @Test
    void neverPrintsTheProgramsSecrets() {
        assertThat(report)
                .doesNotContain(ArchiveStack.HELM_PASSWORD)
                .doesNotContain(ArchiveStack.EXPORTED_SECRET)
                .doesNotContain("kubeconfig-token");
    }

    @Test
    void hasNoDiagnosticsWhenTheProgramSucceeded() {
        assertThat(report).doesNotContain("Diagnostics:");
    }
}
