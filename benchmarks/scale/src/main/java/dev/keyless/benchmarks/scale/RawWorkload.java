package dev.keyless.benchmarks.scale;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * One workload written by hand: the same cloud and Kubernetes resources keyless registers, with
 * the same policies as text, and none of its checks.
 */
final class RawWorkload {
    private static final String HOST_PATH = App.ISSUER.substring("https://".length());

    private RawWorkload() {
    }

    static void register(CustomResourceOptions kubernetes, String team, boolean podIdentity) {
        var namespace = new Namespace(team + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(team).build()).build(), kubernetes);
        var granted = RawRoles.register(team, RoleArgs.builder()
                .assumeRolePolicy(podIdentity ? podIdentityTrust() : irsaTrust(team)), grant(team));
        var role = granted.role();
        var grants = granted.ready();
        var saOptions = CustomResourceOptions.builder().provider(kubernetes.getProvider().orElseThrow()).dependsOn(grants);
        if (podIdentity) {
            var association = new PodIdentityAssociation(team + "-pod-identity", PodIdentityAssociationArgs.builder()
                    .clusterName(App.CLUSTER).namespace(team).serviceAccount("app").roleArn(role.arn()).build(),
                    CustomResourceOptions.builder().dependsOn(grants).build());
            saOptions.dependsOn(association);
        }
        var metadata = ObjectMetaArgs.builder()
                .name("app")
                .namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow()));
        if (!podIdentity) {
            metadata.annotations(role.arn().applyValue(arn -> Map.of("eks.amazonaws.com/role-arn", arn)));
        }
        new ServiceAccount(team + "-sa", ServiceAccountArgs.builder()
                .metadata(metadata.build())
                .automountServiceAccountToken(false)
                .build(), saOptions.build());
    }

    private static String irsaTrust(String team) {
        return """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"%s"},\
                "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"%s:sub":"system:serviceaccount:%s:app",\
                "%s:aud":"sts.amazonaws.com"}}}}""".formatted(App.PROVIDER_ARN, HOST_PATH, team, HOST_PATH);
    }

    private static String podIdentityTrust() {
        return """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},\
                "Action":["sts:AssumeRole","sts:TagSession"]}}""";
    }

    private static String grant(String team) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::%s",\
                "Condition":{"StringLike":{"s3:prefix":["%s/*","%s"]}}},{"Effect":"Allow",\
                "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::%s/%s/*"}]}"""
                .formatted(App.BUCKET, team, team, App.BUCKET, team);
    }
}
