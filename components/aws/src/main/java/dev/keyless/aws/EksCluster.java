package dev.keyless.aws;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetSubnetsArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilterArgs;
import com.pulumi.aws.ec2.inputs.GetVpcArgs;
import com.pulumi.aws.ec2.outputs.GetSubnetsResult;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.OidcClusterComponent;
import dev.keyless.core.TrustDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An EKS cluster whose OIDC issuer IAM trusts: the cluster and its IAM role, a managed node group
 * and its role, the IAM OIDC provider for the issuer (client id {@code sts.amazonaws.com}), a
 * Kubernetes provider that authenticates with {@code aws eks get-token}, and on request the
 * {@code eks-pod-identity-agent} add-on.
 *
 * <p>Children: {@code NAME-cluster-role}, {@code NAME-cluster-policy}, {@code NAME-node-role},
 * {@code NAME-node-worker-policy}, {@code NAME-node-cni-policy}, {@code NAME-node-ecr-policy},
 * {@code NAME-cluster}, {@code NAME-oidc}, {@code NAME-nodes}, {@code NAME-pod-identity-agent},
 * {@code NAME-k8s}.
 *
 * <p>Built on {@code aws.eks} directly rather than {@code com.pulumi:eks}, whose Java SDK does not
 * work with current Pulumi (see the README).
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html">Create an IAM OIDC provider for your cluster</a>
 */
public class EksCluster extends OidcClusterComponent implements AwsOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:aws:EksCluster";
    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;
    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "oidcProviderArn", refs = String.class)
    private final Output<String> oidcProviderArn;
    @Export(name = "endpoint", refs = String.class)
    private final Output<String> endpoint;
    @Export(name = "kubeconfig", refs = String.class)
    private final Output<String> kubeconfig;

    private final EksClusterParts parts;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args what to create
     */
    public EksCluster(String name, EksClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    what to create
     * @param options Pulumi options for the component (an AWS provider, protect, ...)
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, "EKS cluster", validated(name, args, options));
        var child = CustomResourceOptions.builder().parent(this).build();

        var clusterRole = new Role(name + "-cluster-role", RoleArgs.builder()
                .assumeRolePolicy(TrustPolicies.service("eks.amazonaws.com", List.of("sts:AssumeRole", "sts:TagSession")))
                .description("EKS control plane of " + name)
                .build(), child);
        var clusterPolicy = attachAwsManaged(name + "-cluster-policy", clusterRole, "AmazonEKSClusterPolicy");

        var nodeRole = new Role(name + "-node-role", RoleArgs.builder()
                .assumeRolePolicy(TrustPolicies.service("ec2.amazonaws.com", List.of("sts:AssumeRole")))
                .description("EKS nodes of " + name)
                .build(), child);
        var nodePolicies = List.<Resource>of(
                attachAwsManaged(name + "-node-worker-policy", nodeRole, "AmazonEKSWorkerNodePolicy"),
                attachAwsManaged(name + "-node-cni-policy", nodeRole, "AmazonEKS_CNI_Policy"),
                attachAwsManaged(name + "-node-ecr-policy", nodeRole, "AmazonEC2ContainerRegistryReadOnly"));

        var subnets = args.subnetIds().orElseGet(this::defaultVpcSubnets);
        var clusterArgs = ClusterArgs.builder()
                .roleArn(clusterRole.arn())
                .vpcConfig(ClusterVpcConfigArgs.builder()
                        .subnetIds(subnets)
                        .endpointPublicAccess(true)
                        .endpointPrivateAccess(true)
                        .build())
                // Access entries, and admin for whoever runs `pulumi up`, so the kubeconfig below works.
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API_AND_CONFIG_MAP")
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build());
        args.clusterName().ifPresent(clusterArgs::name);
        args.kubernetesVersion().ifPresent(clusterArgs::version);
        // Deleting the policy before the cluster leaves EKS unable to clean up: keep them ordered.
        var cluster = new Cluster(name + "-cluster", clusterArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(clusterPolicy).build());

        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.issuerUrl = cluster.identities().applyValue(EksCluster::issuerOf);
        var oidcProvider = EksClusterParts.createOidcProvider(this, name, issuerUrl);
        this.oidcProviderArn = oidcProvider.arn();

        var nodes = args.nodeGroup();
        var nodeGroup = new NodeGroup(name + "-nodes", NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .nodeRoleArn(nodeRole.arn())
                .subnetIds(subnets)
                .instanceTypes(nodes.instanceTypes())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(nodes.minSize())
                        .desiredSize(nodes.desiredSize())
                        .maxSize(nodes.maxSize())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(nodePolicies).build());

        var ready = new ArrayList<Resource>(List.of(nodeGroup, oidcProvider));
        Optional<PodIdentityAgent> podIdentityAgent = Optional.empty();
        if (args.podIdentityAgent()) {
            // The agent is a DaemonSet: without nodes the add-on stays degraded, so it follows them.
            var agent = new Addon(name + "-pod-identity-agent", AddonArgs.builder()
                    .clusterName(cluster.name())
                    .addonName("eks-pod-identity-agent")
                    .build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(nodeGroup).build());
            ready.add(agent);
            podIdentityAgent = Optional.of(new PodIdentityAgent(List.of(agent)));
        }

        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.certificateAuthority(), cluster.arn())
                .applyValue(t -> Kubeconfig.forEks(t.t1, t.t2, t.t3.data().orElseThrow(), Arns.regionOf(t.t4)))
                .asSecret();
        // Workloads can run once the nodes have joined.
        connect(kubeconfig, ready, nodeGroup);
        this.parts = new EksClusterParts(clusterName, issuerUrl, oidcProviderArn, podIdentityAgent);

        var outputs = new java.util.HashMap<String, Output<?>>(parts.outputs());
        outputs.put("endpoint", endpoint);
        outputs.put("kubeconfig", kubeconfig);
        registerOutputs(outputs);
    }

    @Override
    public Output<String> clusterName() {
        return clusterName;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** @return the API server endpoint */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** @return a kubeconfig (secret) that gets tokens with {@code aws eks get-token}; it holds no credential */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    @Override
    public Optional<PodIdentityAgent> podIdentityAgent() {
        return parts.podIdentityAgent();
    }

    /**
     * A cluster created here gets an issuer of its own, which no other cluster has: the cluster
     * is its own trust domain, known before anything is registered (its issuer URL is not).
     */
    @Override
    public TrustDomain trustDomain() {
        return ownTrustDomain("EKS cluster");
    }

    private Output<List<String>> defaultVpcSubnets() {
        var invoke = InvokeOptions.builder().parent(this).build();
        var vpc = Ec2Functions.getVpc(GetVpcArgs.builder().default_(true).build(), invoke);
        return Ec2Functions.getSubnets(GetSubnetsArgs.builder()
                        .filters(GetSubnetsFilterArgs.builder()
                                .name("vpc-id")
                                .values(vpc.applyValue(v -> List.of(v.id())))
                                .build())
                        .build(), invoke)
                .applyValue(GetSubnetsResult::ids);
    }

    private RolePolicyAttachment attachAwsManaged(String childName, Role role, String policyName) {
        return new RolePolicyAttachment(childName, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(role.arn().applyValue(arn -> "arn:" + Arns.partitionOf(arn) + ":iam::aws:policy/" + policyName))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    // Subnets from another stack are checked once known, and the component, with every child,
    // registers only after they passed.
    private static ComponentResourceOptions validated(String name, EksClusterArgs args, ComponentResourceOptions options) {
        requireArgs(name, args, "EksClusterArgs").validate(name);
        return args.outputChecks().gate(options);
    }

    private static String issuerOf(List<com.pulumi.aws.eks.outputs.ClusterIdentity> identities) {
        return identities.stream()
                .flatMap(i -> i.oidcs().stream())
                .map(o -> o.issuer().orElse(null))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("EKS returned no OIDC issuer for the cluster"));
    }
}
