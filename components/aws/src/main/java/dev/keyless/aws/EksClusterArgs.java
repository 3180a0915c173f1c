package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an {@link EksCluster} creates: name, version, network, nodes, add-ons. */
public final class EksClusterArgs {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("1\\.\\d{1,2}");

    private final Optional<String> clusterName;
    private final Optional<String> kubernetesVersion;
    private final Optional<Output<List<String>>> subnetIds;
    private final NodeGroupOptions nodeGroup;
    private final boolean podIdentityAgent;

    private EksClusterArgs(Builder builder) {
        this.clusterName = Optional.ofNullable(builder.clusterName);
        this.kubernetesVersion = Optional.ofNullable(builder.kubernetesVersion);
        this.subnetIds = Optional.ofNullable(builder.subnetIds);
        this.nodeGroup = builder.nodeGroup;
        this.podIdentityAgent = builder.podIdentityAgent;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the EKS cluster name, when set; otherwise Pulumi auto-names it */
    public Optional<String> clusterName() {
        return clusterName;
    }

    /** @return the Kubernetes version, when pinned; otherwise EKS's default */
    public Optional<String> kubernetesVersion() {
        return kubernetesVersion;
    }

    /** @return the subnets, when given; otherwise the default VPC's */
    public Optional<Output<List<String>>> subnetIds() {
        return subnetIds;
    }

    /** @return the managed node group's shape */
    public NodeGroupOptions nodeGroup() {
        return nodeGroup;
    }

    /** @return whether to install the eks-pod-identity-agent add-on */
    public boolean podIdentityAgent() {
        return podIdentityAgent;
    }

    void validate(String logicalName) {
        clusterName.ifPresentOrElse(name -> {
            if (!CLUSTER_NAME.matcher(name).matches()) {
                throw InvalidInputException.of("clusterName", name, "1 to 100 characters of [A-Za-z0-9_-], starting with a letter or digit (EKS cluster name)");
            }
        }, () -> {
            if (logicalName.length() + IamNames.AUTONAME_SUFFIX > 100) {
                throw InvalidInputException.of("clusterName", logicalName,
                        "set explicitly when the auto-name (the logical name plus an 8-character suffix) would exceed 100 characters");
            }
        });
        kubernetesVersion.ifPresent(v -> {
            if (!VERSION.matcher(v).matches()) {
                throw InvalidInputException.of("kubernetesVersion", v, "a Kubernetes minor version such as 1.31");
            }
        });
    }

    /** Builds {@link EksClusterArgs}. */
    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private Output<List<String>> subnetIds;
        private NodeGroupOptions nodeGroup = NodeGroupOptions.DEFAULT;
        private boolean podIdentityAgent;

        private Builder() {
        }

        /**
         * The EKS cluster's name. Defaults to Pulumi's auto-name from {@code NAME-cluster}.
         *
         * @param clusterName 1 to 100 of {@code [A-Za-z0-9_-]}
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /**
         * Pins the Kubernetes version. Defaults to EKS's default version at creation.
         *
         * @param version a minor version such as {@code 1.31}
         * @return this builder
         */
        public Builder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            return this;
        }

        /**
         * The subnets for the control plane's network interfaces and the nodes. Defaults to the
         * default VPC's subnets (which suits trials; EKS rejects a few availability zones, such as
         * use1-az3, so production clusters should name their subnets).
         *
         * @param subnetIds at least two subnets in two availability zones
         * @return this builder
         */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            this.subnetIds = Objects.requireNonNull(subnetIds, "subnetIds");
            return this;
        }

        /**
         * @param subnetIds at least two subnets in two availability zones
         * @return this builder
         * @see #subnetIds(Output)
         */
        public Builder subnetIds(List<String> subnetIds) {
            if (subnetIds.size() < 2) {
                throw InvalidInputException.of("subnetIds", subnetIds, "at least two subnets in different availability zones (EKS)");
            }
            return subnetIds(Output.of(List.copyOf(subnetIds)));
        }

        /**
         * The managed node group. Defaults to {@link NodeGroupOptions#DEFAULT}.
         *
         * @param nodeGroup its shape
         * @return this builder
         */
        public Builder nodeGroup(NodeGroupOptions nodeGroup) {
            this.nodeGroup = Objects.requireNonNull(nodeGroup, "nodeGroup");
            return this;
        }

        /**
         * Installs the {@code eks-pod-identity-agent} add-on, which {@link PodIdentity} needs.
         * Defaults to {@code false}.
         *
         * @param install whether to install it
         * @return this builder
         */
        public Builder podIdentityAgent(boolean install) {
            this.podIdentityAgent = install;
            return this;
        }

        /** @return the args */
        public EksClusterArgs build() {
            return new EksClusterArgs(this);
        }
    }
}
