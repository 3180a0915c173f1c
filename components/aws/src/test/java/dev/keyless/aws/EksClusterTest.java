package dev.keyless.aws;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EksClusterTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    private static RecordedDeployment deploy(EksClusterArgs args) {
        return SimulatedStack.named("eks").config("aws:region", "eu-west-1")
                .run(ctx -> new EksCluster("platform", args));
    }

    @Test
    void createsTheClusterOnTheDefaultVpcsSubnetsWithAccessEntries() {
        var deployment = deploy(EksClusterArgs.builder().kubernetesVersion("1.31").build());

        var cluster = deployment.resource("aws:eks/cluster:Cluster", "platform-cluster");
        assertThat(cluster.input("version")).contains("1.31");
        assertThat(cluster.input("roleArn")).contains("arn:aws:iam::123456789012:role/platform-cluster-role-xxxxxxx");
        assertThat(cluster.input("vpcConfig.subnetIds")).contains(
                List.of("subnet-0example0000000a", "subnet-0example0000000b", "subnet-0example0000000c"));
        assertThat(cluster.input("accessConfig.authenticationMode")).contains("API_AND_CONFIG_MAP");
        assertThat(cluster.input("accessConfig.bootstrapClusterCreatorAdminPermissions")).contains(true);
    }

    @Test
    void givenSubnetsAreUsedForClusterAndNodes() {
        var deployment = deploy(EksClusterArgs.builder().subnetIds(List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d4e5f60718")).build());

        assertThat(deployment.resource("aws:eks/cluster:Cluster", "platform-cluster").input("vpcConfig.subnetIds"))
                .contains(List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d4e5f60718"));
        assertThat(deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes").input("subnetIds"))
                .contains(List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d4e5f60718"));
    }

    @Test
    void iamTrustsTheClustersIssuerForStsTokens() {
        var deployment = deploy(EksClusterArgs.builder().build());

        var provider = deployment.resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "platform-oidc");
        assertThat(provider.input("url")).contains("https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
        assertThat(provider.input("clientIdLists")).contains(List.of("sts.amazonaws.com"));
        assertThat(provider.inputs()).doesNotContainKey("thumbprintLists");
        assertThat(deployment.resource(EksCluster.TYPE, "platform").outputs())
                .containsEntry("issuerUrl", "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE")
                .containsEntry("oidcProviderArn", "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
    }

    @Test
    void rolesTrustOnlyTheirServiceAndHoldAwsManagedPolicies() {
        var deployment = deploy(EksClusterArgs.builder().build());

        assertThat(Json.parse(deployment.resource(ROLE, "platform-cluster-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                          "Principal": {"Service": "eks.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}}
                        """));
        assertThat(Json.parse(deployment.resource(ROLE, "platform-node-role").input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                          "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}
                        """));
        assertThat(deployment.resource(ATTACHMENT, "platform-cluster-policy").input("policyArn"))
                .contains("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy");
        assertThat(deployment.ofType(ATTACHMENT).stream().map(a -> a.input("policyArn").orElseThrow()).toList())
                .containsExactlyInAnyOrder(
                        "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                        "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                        "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                        "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
    }

    @Test
    void clusterAndNodesWaitForTheirPolicies() {
        var deployment = deploy(EksClusterArgs.builder().build());
        var graph = ResourceGraph.of(deployment);

        assertThat(graph.waitsFor(deployment.resource("aws:eks/cluster:Cluster", "platform-cluster"),
                deployment.resource(ATTACHMENT, "platform-cluster-policy"))).isTrue();
        var nodes = deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes");
        for (var policy : List.of("platform-node-worker-policy", "platform-node-cni-policy", "platform-node-ecr-policy")) {
            assertThat(graph.waitsFor(nodes, deployment.resource(ATTACHMENT, policy))).as(policy).isTrue();
        }
    }

    @Test
    void nodeGroupHasTheGivenShape() {
        var deployment = deploy(EksClusterArgs.builder()
                .nodeGroup(new NodeGroupOptions(List.of("m6i.large"), 2, 3, 5)).build());

        var nodes = deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes");
        assertThat(nodes.input("instanceTypes")).contains(List.of("m6i.large"));
        assertThat(nodes.input("scalingConfig.minSize")).contains(2.0);
        assertThat(nodes.input("scalingConfig.desiredSize")).contains(3.0);
        assertThat(nodes.input("scalingConfig.maxSize")).contains(5.0);
        assertThat(nodes.input("clusterName")).contains("platform-cluster-xxxxxxx");
    }

    @Test
    void kubernetesProviderUsesAKubeconfigWithoutCredentialsAndWaitsForNodes() {
        var deployment = deploy(EksClusterArgs.builder().clusterName("platform").build());
        var provider = deployment.resource("pulumi:providers:kubernetes", "platform-k8s");

        assertThat(provider.inputs().get("kubeconfig")).isInstanceOf(SecretValue.class);
        var kubeconfig = Json.parse(((SecretValue) provider.inputs().get("kubeconfig")).plaintext());
        assertThat(kubeconfig.at("/clusters/0/cluster/server").asText()).isEqualTo("https://EXAMPLED539D4633E53DE1B71EXAMPLE.gr7.eu-west-1.eks.amazonaws.com");
        assertThat(kubeconfig.at("/users/0/user/exec")).isEqualTo(Json.parse("""
                {"apiVersion": "client.authentication.k8s.io/v1beta1", "command": "aws",
                 "args": ["eks", "get-token", "--cluster-name", "platform", "--region", "eu-west-1"],
                 "interactiveMode": "Never"}
                """));
        assertThat(kubeconfig.at("/users/0/user").has("token")).isFalse();
        assertThat(ResourceGraph.of(deployment).waitsFor(provider, deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes"))).isTrue();
        assertThat(deployment.resource(EksCluster.TYPE, "platform").outputs().get("kubeconfig")).isInstanceOf(SecretValue.class);
    }

    @Test
    void podIdentityAgentIsInstalledOnRequestAfterTheNodes() {
        assertThat(deploy(EksClusterArgs.builder().build()).ofType("aws:eks/addon:Addon")).isEmpty();

        var deployment = deploy(EksClusterArgs.builder().podIdentityAgent(true).build());
        var agent = deployment.resource("aws:eks/addon:Addon", "platform-pod-identity-agent");
        assertThat(agent.input("addonName")).contains("eks-pod-identity-agent");
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsFor(agent, deployment.resource("aws:eks/nodeGroup:NodeGroup", "platform-nodes"))).isTrue();
        assertThat(graph.waitsFor(deployment.resource("pulumi:providers:kubernetes", "platform-k8s"), agent)).isTrue();
    }

    @Test
    void everyChildHangsUnderTheComponent() {
        var deployment = deploy(EksClusterArgs.builder().podIdentityAgent(true).build());
        var component = deployment.resource(EksCluster.TYPE, "platform");

        assertThat(deployment.childrenOf(component).stream().map(r -> r.name()).toList()).containsExactlyInAnyOrder(
                "platform-cluster-role", "platform-cluster-policy", "platform-node-role", "platform-node-worker-policy",
                "platform-node-cni-policy", "platform-node-ecr-policy", "platform-cluster", "platform-oidc",
                "platform-nodes", "platform-pod-identity-agent", "platform-k8s");
    }

    @Test
    void badClusterInputsFailBeforeAnythingIsRegistered() {
        var failure = SimulatedStack.named("eks").runExpectingFailure(ctx ->
                new EksCluster("platform", EksClusterArgs.builder().clusterName("-platform").build()));
        assertThat(failure.message()).isEqualTo(
                "clusterName must be 1 to 100 characters of [A-Za-z0-9_-], starting with a letter or digit (EKS cluster name): '-platform'");
        assertThat(failure.registeredBesidesStack()).isEmpty();

        var version = SimulatedStack.named("eks").runExpectingFailure(ctx ->
                new EksCluster("platform", EksClusterArgs.builder().kubernetesVersion("latest").build()));
        assertThat(version.message()).isEqualTo("kubernetesVersion must be a Kubernetes minor version EKS offers, 1.23 to 1.40, such as 1.31: 'latest'");
    }

    @Test
    void nodeGroupShapeIsChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NodeGroupOptions(List.of("t3.medium"), 3, 2, 5))
                .hasMessage("nodeGroup sizes must be 0 <= min <= desired <= max, 1 <= max <= 450 (EKS node group scaling): 'min 3, desired 2, max 5'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NodeGroupOptions(List.of("large"), 1, 1, 1))
                .hasMessage("nodeGroup.instanceTypes must be an EC2 instance type such as t3.medium: 'large'");
    }

    @Test
    void subnetsAndAutoNamesAreChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EksClusterArgs.builder().subnetIds(List.of("subnet-0a1b2c3d")))
                .hasMessage("subnetIds must be at least two subnets in different availability zones (EKS): '[subnet-0a1b2c3d]'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NodeGroupOptions(List.of(), 1, 1, 1))
                .hasMessage("nodeGroup.instanceTypes must be at least one EC2 instance type: '[]'");

        var longName = "p".repeat(90);
        var failure = SimulatedStack.named("eks").runExpectingFailure(ctx -> new EksCluster(longName, EksClusterArgs.builder().build()));
        assertThat(failure.message()).isEqualTo("clusterName must be set explicitly when the auto-name (the logical name plus an "
                + "8-character suffix) would not be 1 to 100 characters of [A-Za-z0-9_-], starting with a letter or digit (EKS cluster name): '"
                + longName + "-cluster'");
        assertThat(failure.registeredBesidesStack()).isEmpty();
    }
}
