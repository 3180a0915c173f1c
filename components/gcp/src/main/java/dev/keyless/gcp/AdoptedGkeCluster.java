package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.OidcClusterComponent;
import dev.keyless.core.TrustDomain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GKE cluster made elsewhere, with Workload Identity Federation already enabled, adopted so that
 * {@link dev.keyless.core.FederatedServiceAccount}s can bind to it.
 *
 * <p>Children: {@code NAME-k8s}.
 */
public class AdoptedGkeCluster extends OidcClusterComponent implements GkeOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:gcp:AdoptedGkeCluster";

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

    private final Optional<String> knownProjectId;
    private final TrustDomain trustDomain;
    private final boolean metadataServerOnEveryNode;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the adopted cluster's values
     */
    public AdoptedGkeCluster(String name, AdoptedGkeClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the adopted cluster's values
     * @param options Pulumi options for the component
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public AdoptedGkeCluster(String name, AdoptedGkeClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, "adopted GKE cluster", validated(name, args, options));
        this.metadataServerOnEveryNode = args.metadataServerOnEveryNode();
        this.projectId = args.projectId();
        this.knownProjectId = args.knownProjectId();
        this.location = args.location();
        this.clusterName = args.clusterName();
        this.workloadPool = GkeOidcCluster.super.workloadPool();
        this.issuerUrl = GkeOidcCluster.super.issuerUrl();
        this.trustDomain = TrustDomain.of(WORKLOAD_POOL, args.knownProjectId().map(GcpNames::workloadPool), workloadPool);
        // The cluster and its pool exist already: what binds to it waits for its Kubernetes provider.
        connectAdopted(args.kubeconfig(), List.of());
        registerOutputs(Map.of(
                "clusterName", clusterName,
                "projectId", projectId,
                "location", location,
                "workloadPool", workloadPool,
                "issuerUrl", issuerUrl));
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

    /** A plain project id names the pool before anything is registered; an Output once known. */
    @Override
    public TrustDomain trustDomain() {
        return trustDomain;
    }

    @Override
    public Map<String, String> podNodeSelector() {
        return metadataServerOnEveryNode ? Map.of() : Map.of(METADATA_SERVER_NODE_LABEL, "true");
    }

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    // Values from another stack are checked once known, and the component, with its Kubernetes
    // provider, registers only after they passed.
    private static ComponentResourceOptions validated(String name, AdoptedGkeClusterArgs args, ComponentResourceOptions options) {
        requireArgs(name, args, "AdoptedGkeClusterArgs").validate();
        return args.outputChecks().gate(options);
    }
}
