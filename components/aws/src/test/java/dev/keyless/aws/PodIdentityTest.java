package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodIdentityTest {
    private static final String ASSOCIATION = "aws:eks/podIdentityAssociation:PodIdentityAssociation";

    private static RecordedDeployment deploy() {
        return SimulatedStack.named("pod-identity").run(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder()
                        .cluster(TestClusters.adopted("green", true))
                        .namespace("shop").name("api")
                        .identity(PodIdentity.defaults())
                        .grant(S3Access.readWrite("shop-uploads"))
                        .build()));
    }

    @Test
    void roleTrustsTheEksAuthServiceToAssumeAndTag() {
        var trust = deploy().resource("aws:iam/role:Role", "api-role").input("assumeRolePolicy").orElseThrow();

        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow",
                   "Principal": {"Service": "pods.eks.amazonaws.com"},
                   "Action": ["sts:AssumeRole", "sts:TagSession"]}}
                """));
    }

    @Test
    void theRoleCarriesTheGrantsAsItsOneInlinePolicy() {
        var deployment = deploy();

        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "api"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::shop-uploads"},
                   {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                    "Resource": "arn:aws:s3:::shop-uploads/*"}]}
                """));
    }

    @Test
    void oneWorkloadIsAComponentARoleAnAssociationAndAServiceAccountBesideItsNamespacesShare() {
        var deployment = deploy();

        assertThat(deployment.childrenOf(deployment.resource(FederatedServiceAccount.TYPE, "api")).stream().map(r -> r.type()))
                .containsExactlyInAnyOrder("aws:iam/role:Role", ASSOCIATION, "kubernetes:core/v1:ServiceAccount");
        assertThat(deployment.ofType("kubernetes:core/v1:Namespace")).hasSize(1);
    }

    @Test
    void associationNamesClusterNamespaceServiceAccountAndRole() {
        var association = deploy().resource(ASSOCIATION, "api-pod-identity");

        assertThat(association.inputs()).containsEntry("clusterName", "green")
                .containsEntry("namespace", "shop")
                .containsEntry("serviceAccount", "api")
                .containsEntry("roleArn", "arn:aws:iam::123456789012:role/api-role-xxxxxxx");
    }

    @Test
    void associationWaitsForTheRoleCarryingTheGrantsAndAgentAndTheServiceAccountWaitsForIt() {
        var deployment = deploy();
        var graph = ResourceGraph.of(deployment);
        var association = deployment.resource(ASSOCIATION, "api-pod-identity");

        assertThat(deployment.ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(graph.waitsFor(association, deployment.resource("aws:iam/role:Role", "api-role"))).isTrue();
        assertThat(graph.waitsForTransitively(association, deployment.resource(AdoptedEksCluster.TYPE, "green"))).isTrue();
        assertThat(graph.waitsFor(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa"), association)).isTrue();
    }

    @Test
    void serviceAccountHasNoRoleAnnotationAndPodsMustRunOnLinux() {
        var deployment = deploy();

        var annotations = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa").input("metadata.annotations");
        assertThat(annotations.orElse(Map.of())).isEqualTo(Map.of());
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("nodeSelector", Map.of("kubernetes.io/os", "linux"))
                .containsEntry("podEnv", Map.of("AWS_SDK_LOAD_CONFIG", "true"));
    }
}
