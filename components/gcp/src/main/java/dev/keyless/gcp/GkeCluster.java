package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterClusterAutoscalingArgs;
import com.pulumi.gcp.container.inputs.ClusterClusterAutoscalingAutoProvisioningDefaultsArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthClientCertificateConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.OidcClusterComponent;
import dev.keyless.core.TrustDomain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GKE cluster with Workload Identity Federation: the project's workload pool
 * ({@code PROJECT_ID.svc.id.goog}) on the cluster, nodes that run the GKE metadata server
 * ({@code GKE_METADATA}) as a dedicated least-privilege Google service account instead of the
 * Compute Engine default one, shielded nodes, a release channel, no client certificate, deletion
 * protection on, and a Kubernetes provider that authenticates with {@code gke-gcloud-auth-plugin}.
 *
 * <p>Standard (the default): the default node pool is removed and one separate pool
 * ({@code NAME-nodes}) is created, so its settings are managed here. Autopilot: no node pool; every
 * node has the metadata server.
 *
 * <p>Children: {@code NAME-nodes-sa}, {@code NAME-nodes-role}, {@code NAME-cluster},
 * {@code NAME-nodes} (Standard only), {@code NAME-k8s}.
 *
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster">Harden your cluster's security</a>
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity">Workload Identity Federation for GKE</a>
 */
public class GkeCluster extends OidcClusterComponent implements GkeOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:gcp:GkeCluster";
    /**
     * The one role GKE's node service accounts need (logging, monitoring, metadata), granted on
     * the project. Pulling private images from Artifact Registry needs {@code roles/artifactregistry.reader}
     * on the repository as well, which is the repository owner's to grant.
     *
     * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/service-accounts#default-gke-service-agent">Configure GKE node service accounts</a>
     */
    public static final String NODE_ROLE = "roles/container.defaultNodeServiceAccount";
    /** Nodes get every API scope; what they may do is decided by IAM on their service account. */
    static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String GKE_METADATA = "GKE_METADATA";

    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;
    @Export(name = "projectId", refs = String.class)
    private final Output<String> projectId;
    @Export(name = "location", refs = String.class)
    private final Output<String> location;
    @Export(name = "workloadPool", refs = String.class)
    private final Output<String> workloadPool;
    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "endpoint", refs = String.class)
    private final Output<String> endpoint;
    @Export(name = "kubeconfig", refs = String.class)
    private final Output<String> kubeconfig;

    private final Optional<String> knownProjectId;
    private final TrustDomain trustDomain;
    private final boolean autopilot;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args what to create
     */
    public GkeCluster(String name, GkeClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    what to create
     * @param options Pulumi options for the component (a GCP provider, protect, ...)
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public GkeCluster(String name, GkeClusterArgs args, ComponentResourceOptions options) {
        this(name, args, Validated.of(name, args, options), options);
    }

    private GkeCluster(String name, GkeClusterArgs args, GkeClusterArgs.Placement placement, ComponentResourceOptions options) {
        super(TYPE, name, "GKE cluster", options);
        this.autopilot = args.autopilot();
        this.knownProjectId = placement.projectId();
        // Without a project of its own the cluster asks its gcp provider, under this component
        // and with that provider, for the project the provider works in: the stack's gcp:project
        // configures only the default provider.
        Output<String> project = knownProjectId.map(Output::of).orElseGet(() ->
                new ProjectIdLookup(args.projectIdSource(), placement.provider(), "projectId").runAs(this));
        var pool = project.applyValue(GcpNames::workloadPool);
        this.trustDomain = knownProjectId.map(p -> TrustDomain.known(WORKLOAD_POOL, GcpNames.workloadPool(p)))
                .orElseGet(() -> TrustDomain.onceKnown(WORKLOAD_POOL, pool));

        var nodeAccountId = knownProjectId.isPresent() ? NodeServiceAccount.claimedId(name) : NodeServiceAccount.claimIdOnceKnown(name, project);
        var nodeAccount = NodeServiceAccount.create(this, name, project, nodeAccountId);
        var clusterArgs = ClusterArgs.builder()
                .project(project)
                .location(placement.location())
                .deletionProtection(args.deletionProtection())
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(args.releaseChannel()).build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder().workloadPool(pool).build())
                // No client certificate: a certificate is a long-lived credential GKE cannot revoke.
                .masterAuth(ClusterMasterAuthArgs.builder()
                        .clientCertificateConfig(ClusterMasterAuthClientCertificateConfigArgs.builder().issueClientCertificate(false).build())
                        .build());
        args.clusterName().ifPresent(clusterArgs::name);
        if (autopilot) {
            clusterArgs.enableAutopilot(true)
                    .clusterAutoscaling(ClusterClusterAutoscalingArgs.builder()
                            .autoProvisioningDefaults(ClusterClusterAutoscalingAutoProvisioningDefaultsArgs.builder()
                                    .serviceAccount(nodeAccount.email())
                                    .oauthScopes(CLOUD_PLATFORM_SCOPE)
                                    .build())
                            .build());
        } else {
            // The default pool only exists while the cluster is created, but it still gets
            // nodes: they run as the dedicated account and with the metadata server too.
            clusterArgs.removeDefaultNodePool(true)
                    .initialNodeCount(1)
                    .enableShieldedNodes(true)
                    .nodeConfig(ClusterNodeConfigArgs.builder()
                            .serviceAccount(nodeAccount.email())
                            .oauthScopes(CLOUD_PLATFORM_SCOPE)
                            .workloadMetadataConfig(ClusterNodeConfigWorkloadMetadataConfigArgs.builder().mode(GKE_METADATA).build())
                            .shieldedInstanceConfig(ClusterNodeConfigShieldedInstanceConfigArgs.builder()
                                    .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                            .build());
        }
        // Nodes that start before their account holds its role cannot report logs or health.
        var clusterOptions = CustomResourceOptions.builder().parent(this).dependsOn(nodeAccount.role());
        if (!autopilot) {
            // The cluster's nodeConfig only shapes the removed default pool; GKE reports it
            // differently afterwards, and a change to it would replace the whole cluster.
            clusterOptions.ignoreChanges("nodeConfig");
        }
        var cluster = new Cluster(name + "-cluster", clusterArgs.build(), clusterOptions.build());

        this.clusterName = cluster.name();
        this.projectId = cluster.project();
        this.location = cluster.location();
        this.endpoint = cluster.endpoint();
        // The pool and issuer follow from project, location and name, as for an adopted cluster.
        this.workloadPool = GkeOidcCluster.super.workloadPool();
        this.issuerUrl = GkeOidcCluster.super.issuerUrl();

        Resource readiness = autopilot ? cluster : createNodePool(name, project, cluster, args.nodePool(), nodeAccount);
        this.kubeconfig = Output.tuple(projectId, location, clusterName, endpoint, cluster.masterAuth())
                .applyValue(t -> GkeKubeconfig.of(GkeKubeconfig.contextName(t.t1, t.t2, t.t3), t.t4,
                        t.t5.clusterCaCertificate().orElseThrow(() -> new IllegalStateException("GKE returned no cluster CA certificate"))))
                .asSecret();
        // Workloads can run once the node pool is up (Standard), or the cluster (Autopilot).
        connect(kubeconfig, List.of(readiness), readiness);

        var outputs = new HashMap<String, Output<?>>();
        outputs.put("clusterName", clusterName);
        outputs.put("projectId", projectId);
        outputs.put("location", location);
        outputs.put("workloadPool", workloadPool);
        outputs.put("issuerUrl", issuerUrl);
        outputs.put("endpoint", endpoint);
        outputs.put("kubeconfig", kubeconfig);
        registerOutputs(outputs);
    }

    private NodePool createNodePool(String name, Output<String> project, Cluster cluster, NodePoolOptions nodes, NodeServiceAccount nodeAccount) {
        return new NodePool(name + "-nodes", NodePoolArgs.builder()
                .project(project)
                .cluster(cluster.name())
                .location(cluster.location())
                .initialNodeCount(nodes.initialNodes())
                .autoscaling(NodePoolAutoscalingArgs.builder().minNodeCount(nodes.minNodes()).maxNodeCount(nodes.maxNodes()).build())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(nodes.machineType())
                        .serviceAccount(nodeAccount.email())
                        .oauthScopes(CLOUD_PLATFORM_SCOPE)
                        // Without the GKE metadata server pods get the node's identity, not their own.
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode(GKE_METADATA).build())
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .metadata(Map.of("disable-legacy-endpoints", "true"))
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(nodeAccount.role()).build());
    }

    @Override
    public Output<String> projectId() {
        return projectId;
    }

    @Override
    public Optional<String> knownProjectId() {
        return knownProjectId;
    }

    @Override
    public Output<String> location() {
        return location;
    }

    @Override
    public Output<String> clusterName() {
        return clusterName;
    }

    @Override
    public Output<String> workloadPool() {
        return workloadPool;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    /** @return the API server's address */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** @return a kubeconfig (secret) that gets tokens with {@code gke-gcloud-auth-plugin}; it holds no credential */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** On Standard, pods are kept to nodes with the metadata server, whatever pools are added later. */
    @Override
    public Map<String, String> podNodeSelector() {
        return autopilot ? Map.of() : Map.of(METADATA_SERVER_NODE_LABEL, "true");
    }

    /**
     * The project's pool: known before the cluster is registered when the project is (given, or
     * the stack's for the default provider); once the cluster's own provider tells it otherwise.
     */
    @Override
    public TrustDomain trustDomain() {
        return trustDomain;
    }

    /** Runs before the component registers itself: bad input must not leave half a stack behind. */
    private static final class Validated {
        static GkeClusterArgs.Placement of(String name, GkeClusterArgs args, ComponentResourceOptions options) {
            requireArgs(name, args, "GkeClusterArgs");
            var placement = args.validate(name, StackPlacement.of(options));
            placement.projectId().ifPresent(project -> NodeServiceAccount.claimId(name, project));
            return placement;
        }
    }
}
