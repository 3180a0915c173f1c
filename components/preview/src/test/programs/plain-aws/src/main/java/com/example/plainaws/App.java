package com.example.plainaws;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/** A bucket for reports, a role that may read it, and a namespace for the team. */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        var config = ctx.config();
        config.get("failWith").ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        var team = config.require("team");
        @SuppressWarnings("unchecked")
        Map<String, String> tags = config.requireObject("tags", Map.class);

        var bucket = new BucketV2("reports", BucketV2Args.builder()
                .bucket(team + "-reports")
                .tags(tags)
                .build(), CustomResourceOptions.builder().protect(true).build());

        var role = new Role("report-reader", RoleArgs.builder()
                .assumeRolePolicy("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")
                .build());

        new RolePolicy("read-reports", RolePolicyArgs.builder()
                .role(role.name())
                .policy(bucket.arn().applyValue(arn -> """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],\
                        "Resource":"%s/*"}]}""".formatted(arn)))
                .build());

        var cluster = new Provider("cluster", ProviderArgs.builder()
                .kubeconfig("~/.kube/config")
                .build());
        new Namespace("team", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(team)
                        .labels(Map.of("team", team))
                        .annotations(role.createDate().applyValue(created -> Map.of("example.com/reader-since", created)))
                        .build())
                .build(), CustomResourceOptions.builder().provider(cluster).retainOnDelete(true).build());

        ctx.export("team", Output.of(team));
        ctx.export("replicas", Output.of(config.requireInteger("replicas")));
        ctx.export("bucketName", bucket.bucket());
        ctx.export("apiToken", config.requireSecret("apiToken"));
    }
}
