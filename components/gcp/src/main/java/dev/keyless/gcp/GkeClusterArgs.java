package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link GkeCluster} creates: where, what it is called, Standard with one node pool or
 * Autopilot, its release channel and whether it may be deleted.
 *
 * <p>Each setter checks its own value; the project and location defaults (see
 * {@link StackPlacement}), options that exclude each other and names derived
 * from the component's name are checked when the component is constructed, before it registers anything.
 */
public final class GkeClusterArgs {
    /** GKE's release channels keyless accepts. */
    static final List<String> RELEASE_CHANNELS = List.of("RAPID", "REGULAR", "STABLE");
    /** Pulumi's auto-naming appends a dash and seven random characters. */
    static final int AUTONAME_SUFFIX = 8;

    private final Optional<String> projectId;
    private final Optional<String> location;
    private final Optional<String> clusterName;
    private final String releaseChannel;
    private final boolean autopilot;
    private final Optional<NodePoolOptions> nodePool;
    private final boolean deletionProtection;
    private final Function<InvokeOptions, Output<String>> projectIdSource;

    private GkeClusterArgs(Builder builder) {
        this.projectId = Optional.ofNullable(builder.projectId);
        this.location = Optional.ofNullable(builder.location);
        this.clusterName = Optional.ofNullable(builder.clusterName);
        this.releaseChannel = builder.releaseChannel;
        this.autopilot = builder.autopilot;
        this.nodePool = Optional.ofNullable(builder.nodePool);
        this.deletionProtection = builder.deletionProtection;
        this.projectIdSource = builder.projectIdSource;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the project, when set; otherwise the stack's {@code gcp:project} */
    public Optional<String> projectId() {
        return projectId;
    }

    /** @return the region or zone, when set; otherwise the stack's {@code gcp:region} */
    public Optional<String> location() {
        return location;
    }

    /** @return the GKE cluster name, when set; otherwise Pulumi auto-names it */
    public Optional<String> clusterName() {
        return clusterName;
    }

    /** @return the release channel */
    public String releaseChannel() {
        return releaseChannel;
    }

    /** @return whether the cluster is Autopilot */
    public boolean autopilot() {
        return autopilot;
    }

    /** @return the node pool of a Standard cluster */
    public NodePoolOptions nodePool() {
        return nodePool.orElse(NodePoolOptions.DEFAULT);
    }

    /** @return whether GKE refuses to delete the cluster */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** @return where the project of the cluster's own gcp provider is asked: Google Cloud, or a stand-in in tests */
    Function<InvokeOptions, Output<String>> projectIdSource() {
        return projectIdSource;
    }

    /**
     * Where the cluster goes, checked before anything is registered.
     *
     * @param projectId the project ID when known before anything registers; empty when the
     *                  cluster's own gcp provider is asked for it
     * @param location  the region or zone
     * @param provider  the gcp provider the cluster's options name, if any
     */
    record Placement(Optional<String> projectId, String location, Optional<com.pulumi.gcp.Provider> provider) {
    }

    /**
     * Runs the checks {@link GkeCluster}'s constructor runs for a component of this name, registering
     * nothing: for stacks that check all their input before they create anything.
     *
     * @param componentName the component's logical name
     * @throws InvalidInputException naming the first rule the arguments break
     */
    public void check(String componentName) {
        Checks.componentName(componentName);
        validate(componentName, StackPlacement.of(null));
    }

    /**
     * Checks the rules that combine values and resolves the defaults.
     *
     * @param componentName the component's logical name
     * @param defaults      where the component's gcp provider works, when it is the stack's default provider
     * @return the project and location
     */
    Placement validate(String componentName, StackPlacement defaults) {
        if (autopilot && nodePool.isPresent()) {
            throw InvalidInputException.conflict("autopilot", "nodePool", "Autopilot manages its nodes itself");
        }
        if (clusterName.isEmpty() && !GcpNames.isClusterName(componentName + "-cluster" + "-" + "x".repeat(AUTONAME_SUFFIX - 1))) {
            throw InvalidInputException.of("clusterName", componentName + "-cluster",
                    "set explicitly when the auto-name (the logical name plus an 8-character suffix) would not be " + GcpNames.CLUSTER_NAME_RULE);
        }
        var project = projectId.or(() -> defaults.project("projectId"));
        var where = location.orElseGet(() -> defaults.region("location"));
        return new Placement(project, where, defaults.ownProvider());
    }

    /** Builds {@link GkeClusterArgs}. */
    public static final class Builder {
        private String projectId;
        private String location;
        private String clusterName;
        private String releaseChannel = "REGULAR";
        private boolean autopilot;
        private NodePoolOptions nodePool;
        private boolean deletionProtection = true;
        private Function<InvokeOptions, Output<String>> projectIdSource = ProjectIdLookup.GET_CLIENT_CONFIG;

        private Builder() {
        }

        // Tests stand in for Google Cloud's answer to getClientConfig.
        Builder projectIdSource(Function<InvokeOptions, Output<String>> source) {
            this.projectIdSource = source;
            return this;
        }

        /**
         * The project the cluster runs in; its workload identity pool is {@code PROJECT_ID.svc.id.goog}.
         * Defaults to the stack's {@code gcp:project}.
         *
         * @param projectId the project ID
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = GcpNames.requireProjectId("projectId", projectId);
            return this;
        }

        /**
         * A region (a regional cluster, control plane and nodes in several zones) or a zone.
         * Defaults to the stack's {@code gcp:region}.
         *
         * @param location e.g. {@code europe-west1} or {@code europe-west1-b}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = GcpNames.requireLocation("location", location);
            return this;
        }

        /**
         * The GKE cluster's name. Defaults to Pulumi's auto-name from {@code NAME-cluster}.
         *
         * @param clusterName 1 to 40 of {@code [a-z0-9-]}, starting with a letter
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = GcpNames.requireClusterName("clusterName", clusterName);
            return this;
        }

        /**
         * The release channel GKE upgrades the cluster on. Defaults to {@code REGULAR}.
         *
         * @param channel {@code RAPID}, {@code REGULAR} or {@code STABLE}
         * @return this builder
         * @see <a href="https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels">Release channels</a>
         */
        public Builder releaseChannel(String channel) {
            // List.of(...).contains(null) throws; a null channel is bad input like any other.
            if (channel == null || !RELEASE_CHANNELS.contains(channel)) {
                throw InvalidInputException.of("releaseChannel", channel, "one of " + RELEASE_CHANNELS + " (GKE release channel)");
            }
            this.releaseChannel = channel;
            return this;
        }

        /**
         * An Autopilot cluster: Google runs the nodes, and every node has the GKE metadata server.
         * Excludes {@link #nodePool}. Defaults to {@code false} (Standard).
         *
         * @param autopilot whether to create Autopilot
         * @return this builder
         * @see <a href="https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview">Autopilot overview</a>
         */
        public Builder autopilot(boolean autopilot) {
            this.autopilot = autopilot;
            return this;
        }

        /**
         * The node pool of a Standard cluster. Defaults to {@link NodePoolOptions#DEFAULT}.
         *
         * @param nodePool its machine type and sizes
         * @return this builder
         */
        public Builder nodePool(NodePoolOptions nodePool) {
            this.nodePool = Checks.notNull("nodePool", nodePool, "NodePoolOptions, e.g. NodePoolOptions.DEFAULT");
            return this;
        }

        /**
         * Whether GKE refuses to delete the cluster (the provider's {@code deletionProtection}):
         * {@code pulumi destroy} then fails until it is turned off and applied. Defaults to {@code true}.
         *
         * @param protect whether to protect the cluster
         * @return this builder
         */
        public Builder deletionProtection(boolean protect) {
            this.deletionProtection = protect;
            return this;
        }

        /** @return the args */
        public GkeClusterArgs build() {
            return new GkeClusterArgs(this);
        }
    }
}
