package dev.keyless.preview.report;

import com.pulumi.Context;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.preview.engine.InProcessRun;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;

import java.util.Map;

/**
 * A program with one of everything the report lays out: a component with children, protected and
 * retained data, an IAM trust policy and an inline policy, an explicit provider with a secret input,
 * a ServiceAccount, a Helm release with a secret value, and a secret export.
 */
final class ArchiveStack {
    static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: kubeconfig-token}}]";
    static final String HELM_PASSWORD = "helm-password-plaintext";
    static final String EXPORTED_SECRET = "exported-secret-plaintext";
    static final String CONFIG_SECRET = "config-secret-plaintext";
    /** The stack it runs as: a region for the AWS provider, and a secret setting. */
    static final StackSettings SETTINGS = StackSettings.of("archive", "prod")
            .withConfig("aws:region", "eu-central-1")
            .withSecretConfig("aws:token", CONFIG_SECRET);

    private ArchiveStack() {
    }

    static RecordedDeployment run() {
        var deployment = InProcessRun.run(SETTINGS, ArchiveStack::program);
        if (!deployment.succeeded()) {
            throw new AssertionError("the sample program failed: " + deployment.errors() + " " + deployment.failure());
        }
        return deployment;
    }

    private static void program(Context ctx) {
        var archive = new ComponentResource("example:storage:Archive", "archive");
        var inArchive = CustomResourceOptions.builder().parent(archive).build();
        var bucket = new BucketV2("documents", BucketV2Args.builder().bucket("acme-documents").build(),
                CustomResourceOptions.builder().parent(archive).protect(true).retainOnDelete(true).build());
        var role = new Role("archiver", RoleArgs.builder()
                .name("archiver")
                .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
                .build(), inArchive);
        new RolePolicy("archiver-writes", RolePolicyArgs.builder()
                .role(role.name())
                .policy(bucket.arn().applyValue(arn -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],\"Resource\":\"" + arn + "/*\"}]}"))
                .build(), inArchive);

        var cluster = new Provider("cluster", ProviderArgs.builder().kubeconfig(Output.ofSecret(KUBECONFIG)).build());
        var onCluster = CustomResourceOptions.builder().provider(cluster).build();
        new ServiceAccount("archiver", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name("archiver")
                        .namespace("archive")
                        .annotations(role.arn().applyValue(arn -> Map.of("eks.amazonaws.com/role-arn", arn)))
                        .build())
                .automountServiceAccountToken(true)
                .build(), onCluster);
        new Release("docs-ui", ReleaseArgs.builder()
                .chart("chartmuseum")
                .version("3.10.3")
                .namespace("archive")
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://chartmuseum.github.io/charts").build())
                .values(Map.of(
                        "replicaCount", 2,
                        "env", Map.of("open", Map.of("STORAGE", "amazon", "STORAGE_AMAZON_BUCKET", "acme-documents")),
                        "auth", Map.of("password", Output.ofSecret(HELM_PASSWORD))))
                .build(), onCluster);

        ctx.export("bucketName", bucket.bucket());
        ctx.export("replicas", Output.of(2));
        ctx.export("token", Output.ofSecret(EXPORTED_SECRET));
    }
}
