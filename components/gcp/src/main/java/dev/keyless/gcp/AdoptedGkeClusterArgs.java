package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.CheckedOutputs;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.ClusterKubernetesProvider;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * A GKE cluster made elsewhere (another stack, Terraform, gcloud, the console), described by its
 * project, location, name and a kubeconfig, and whether every node runs the GKE metadata server.
 *
 * <p>Every value may be plain or an {@code Output} (a StackReference output). The same rules apply
 * to both ({@link CheckedValue}): a plain value is checked by its setter, the {@code Output}s
 * together once all are known, in the order of the fields here, every refusal in one message
 * ({@link CheckedOutputs}), before any child of the cluster registers. A value not given stays
 * null, so validate() can name it.
 */
public final class AdoptedGkeClusterArgs {
    private final CheckedValue<String> projectId;
    private final CheckedValue<String> location;
    private final CheckedValue<String> clusterName;
    private final CheckedValue<String> kubeconfig;
    private final boolean metadataServerOnEveryNode;
    // Read through it: checked together, in the order above, so two bad inputs give one message.
    private final CheckedOutputs outputs;

    private AdoptedGkeClusterArgs(Builder builder) {
        this.projectId = builder.projectId;
        this.location = builder.location;
        this.clusterName = builder.clusterName;
        this.kubeconfig = builder.kubeconfig;
        this.metadataServerOnEveryNode = builder.metadataServerOnEveryNode;
        this.outputs = CheckedOutputs.inFieldOrder(projectId, location, clusterName, kubeconfig);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster's project ID */
    public Output<String> projectId() {
        return outputs.value(projectId);
    }

    /** @return the project ID when it was given as text, known before anything registers */
    public Optional<String> knownProjectId() {
        return projectId == null ? Optional.empty() : projectId.plain();
    }

    /** @return the cluster's region or zone */
    public Output<String> location() {
        return outputs.value(location);
    }

    /** @return the GKE cluster's name */
    public Output<String> clusterName() {
        return outputs.value(clusterName);
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return outputs.value(kubeconfig);
    }

    /** @return whether every node pool runs the GKE metadata server */
    public boolean metadataServerOnEveryNode() {
        return metadataServerOnEveryNode;
    }

    /** @return the rules on the inputs given as {@code Output}s, which the cluster's children wait for */
    DeployTimeCheck outputChecks() {
        return outputs.check();
    }

    /**
     * Runs the checks {@link AdoptedGkeCluster}'s constructor runs for a component of this name, registering
     * nothing: for stacks that check all their input before they create anything.
     *
     * @param componentName the component's logical name
     * @throws InvalidInputException naming the first rule the arguments break
     */
    public void check(String componentName) {
        Checks.componentName(componentName);
        validate();
    }

    /** Checks that the required values are given. */
    void validate() {
        if (projectId == null) {
            throw InvalidInputException.missing("projectId", "give the cluster's project ID");
        }
        if (location == null) {
            throw InvalidInputException.missing("location", "give the cluster's region or zone");
        }
        if (clusterName == null) {
            throw InvalidInputException.missing("clusterName", "give the GKE cluster's name");
        }
        if (kubeconfig == null) {
            throw InvalidInputException.missing("kubeconfig", "give a kubeconfig for the cluster");
        }
    }

    /** Builds {@link AdoptedGkeClusterArgs}. */
    public static final class Builder {
        private CheckedValue<String> projectId;
        private CheckedValue<String> location;
        private CheckedValue<String> clusterName;
        private CheckedValue<String> kubeconfig;
        private boolean metadataServerOnEveryNode;

        private Builder() {
        }

        /**
         * The project the cluster runs in, which names its workload pool. Required.
         *
         * @param projectId the project ID
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = CheckedValue.of(projectId, AdoptedGkeClusterArgs::requireProjectId);
            return this;
        }

        /**
         * @param projectId e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder projectId(Output<String> projectId) {
            Checks.notNull("projectId", projectId, "the cluster's project ID");
            this.projectId = CheckedValue.of(projectId, AdoptedGkeClusterArgs::requireProjectId);
            return this;
        }

        /**
         * The cluster's region or zone. Required.
         *
         * @param location e.g. {@code europe-west1}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = CheckedValue.of(location, AdoptedGkeClusterArgs::requireLocation);
            return this;
        }

        /**
         * @param location e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder location(Output<String> location) {
            Checks.notNull("location", location, "the cluster's region or zone");
            this.location = CheckedValue.of(location, AdoptedGkeClusterArgs::requireLocation);
            return this;
        }

        /**
         * The GKE cluster's name. Required.
         *
         * @param clusterName the name
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = CheckedValue.of(clusterName, AdoptedGkeClusterArgs::requireClusterName);
            return this;
        }

        /**
         * @param clusterName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder clusterName(Output<String> clusterName) {
            Checks.notNull("clusterName", clusterName, "the GKE cluster's name");
            this.clusterName = CheckedValue.of(clusterName, AdoptedGkeClusterArgs::requireClusterName);
            return this;
        }

        /**
         * A kubeconfig for the cluster (secret when it comes from a stack). Required.
         *
         * @param kubeconfig the kubeconfig, YAML or JSON
         * @return this builder
         */
        public Builder kubeconfig(String kubeconfig) {
            this.kubeconfig = CheckedValue.of(kubeconfig, ClusterKubernetesProvider::requireKubeconfig);
            return this;
        }

        /**
         * @param kubeconfig e.g. a StackReference output; checked to be non-empty once known
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            Checks.notNull("kubeconfig", kubeconfig, "a kubeconfig");
            this.kubeconfig = CheckedValue.of(kubeconfig, ClusterKubernetesProvider::requireKubeconfig);
            return this;
        }

        /**
         * Declares that every node runs the GKE metadata server (Autopilot, or
         * {@code GKE_METADATA} on every node pool), so pods need no node selector. Defaults to
         * {@code false}: pods are kept to nodes labelled {@code iam.gke.io/gke-metadata-server-enabled=true}.
         *
         * @param everyNode whether every node has it
         * @return this builder
         */
        public Builder metadataServerOnEveryNode(boolean everyNode) {
            this.metadataServerOnEveryNode = everyNode;
            return this;
        }

        /** @return the args; required values are checked when the component is constructed */
        public AdoptedGkeClusterArgs build() {
            return new AdoptedGkeClusterArgs(this);
        }
    }

    private static String requireProjectId(String projectId) {
        return GcpNames.requireProjectId("projectId", projectId);
    }

    private static String requireLocation(String location) {
        return GcpNames.requireLocation("location", location);
    }

    private static String requireClusterName(String clusterName) {
        return GcpNames.requireClusterName("clusterName", clusterName);
    }
}
