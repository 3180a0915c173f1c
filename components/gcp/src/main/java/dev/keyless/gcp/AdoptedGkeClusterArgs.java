package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * A GKE cluster made elsewhere (another stack, Terraform, gcloud, the console), described by its
 * project, location, name and a kubeconfig, and whether every node runs the GKE metadata server.
 *
 * <p>Every value may be plain or an {@code Output} (a StackReference output). The same rules apply
 * to both: a plain value is checked by its setter, an {@code Output} once its value is known, at
 * deploy time, failing the resources that would use it.
 */
public final class AdoptedGkeClusterArgs {
    private final Output<String> projectId;
    private final Optional<String> plainProjectId;
    private final Output<String> location;
    private final Output<String> clusterName;
    private final Output<String> kubeconfig;
    private final boolean metadataServerOnEveryNode;

    private AdoptedGkeClusterArgs(Builder builder) {
        this.projectId = builder.projectId;
        this.plainProjectId = Optional.ofNullable(builder.plainProjectId);
        this.location = builder.location;
        this.clusterName = builder.clusterName;
        this.kubeconfig = builder.kubeconfig;
        this.metadataServerOnEveryNode = builder.metadataServerOnEveryNode;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster's project ID */
    public Output<String> projectId() {
        return projectId;
    }

    /** @return the project ID when it was given as a plain value, which names the pool before anything is registered */
    public Optional<String> plainProjectId() {
        return plainProjectId;
    }

    /** @return the cluster's region or zone */
    public Output<String> location() {
        return location;
    }

    /** @return the GKE cluster's name */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** @return whether every node pool runs the GKE metadata server */
    public boolean metadataServerOnEveryNode() {
        return metadataServerOnEveryNode;
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
        private Output<String> projectId;
        private String plainProjectId;
        private Output<String> location;
        private Output<String> clusterName;
        private Output<String> kubeconfig;
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
            this.plainProjectId = GcpNames.requireProjectId("projectId", projectId);
            this.projectId = Output.of(plainProjectId);
            return this;
        }

        /**
         * @param projectId e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder projectId(Output<String> projectId) {
            Checks.notNull("projectId", projectId, "the cluster's project ID");
            this.projectId = projectId.applyValue(v -> GcpNames.requireProjectId("projectId", v));
            this.plainProjectId = null;
            return this;
        }

        /**
         * The cluster's region or zone. Required.
         *
         * @param location e.g. {@code europe-west1}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = Output.of(GcpNames.requireLocation("location", location));
            return this;
        }

        /**
         * @param location e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder location(Output<String> location) {
            Checks.notNull("location", location, "the cluster's region or zone");
            this.location = location.applyValue(v -> GcpNames.requireLocation("location", v));
            return this;
        }

        /**
         * The GKE cluster's name. Required.
         *
         * @param clusterName the name
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = Output.of(GcpNames.requireClusterName("clusterName", clusterName));
            return this;
        }

        /**
         * @param clusterName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder clusterName(Output<String> clusterName) {
            Checks.notNull("clusterName", clusterName, "the GKE cluster's name");
            this.clusterName = clusterName.applyValue(v -> GcpNames.requireClusterName("clusterName", v));
            return this;
        }

        /**
         * A kubeconfig for the cluster (secret when it comes from a stack). Required.
         *
         * @param kubeconfig the kubeconfig, YAML or JSON
         * @return this builder
         */
        public Builder kubeconfig(String kubeconfig) {
            this.kubeconfig = Output.of(requireKubeconfig(kubeconfig));
            return this;
        }

        /**
         * @param kubeconfig e.g. a StackReference output; checked to be non-empty once known
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            Checks.notNull("kubeconfig", kubeconfig, "a kubeconfig");
            this.kubeconfig = kubeconfig.applyValue(AdoptedGkeClusterArgs::requireKubeconfig);
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

    private static String requireKubeconfig(String kubeconfig) {
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw InvalidInputException.of("kubeconfig", kubeconfig, "a non-empty kubeconfig, YAML or JSON");
        }
        return kubeconfig;
    }
}
