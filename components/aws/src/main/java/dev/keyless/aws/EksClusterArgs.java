package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.CheckedOutputs;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an {@link EksCluster} creates: name, version, network, nodes, add-ons.
 *
 * <p>Each setter checks its own value; names derived from the component's name are checked when
 * the component is constructed, before it registers anything.
 */
public final class EksClusterArgs {
    /**
     * Minor versions EKS has offered, from the oldest in extended support to a margin above the
     * newest: {@code 1.5} or {@code 1.99} would be refused by EKS only at deploy.
     */
    static final int OLDEST_MINOR = 23;
    static final int NEWEST_MINOR = 40;
    private static final Pattern VERSION = Pattern.compile("1\\.(\\d{1,2})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");

    private final Optional<String> clusterName;
    private final Optional<String> kubernetesVersion;
    private final CheckedOutputs outputs;
    private final Optional<Output<List<String>>> subnetIds;
    private final NodeGroupOptions nodeGroup;
    private final boolean podIdentityAgent;

    private EksClusterArgs(Builder builder) {
        this.clusterName = Optional.ofNullable(builder.clusterName);
        this.kubernetesVersion = Optional.ofNullable(builder.kubernetesVersion);
        this.outputs = CheckedOutputs.inFieldOrder(builder.subnetIds);
        this.subnetIds = Optional.ofNullable(outputs.value(builder.subnetIds));
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

    /** @return the rules on the inputs given as {@code Output}s, which the cluster's children wait for */
    DeployTimeCheck outputChecks() {
        return outputs.check();
    }

    /** @return the managed node group's shape */
    public NodeGroupOptions nodeGroup() {
        return nodeGroup;
    }

    /** @return whether to install the eks-pod-identity-agent add-on */
    public boolean podIdentityAgent() {
        return podIdentityAgent;
    }

    /**
     * Runs the checks {@link EksCluster}'s constructor runs for a component of this name, registering
     * nothing: for stacks that check all their input before they create anything.
     *
     * @param componentName the component's logical name
     * @throws InvalidInputException naming the first rule the arguments break
     */
    public void check(String componentName) {
        Checks.componentName(componentName);
        validate(componentName);
    }

    /**
     * Checks the names Pulumi derives from the component's name: the cluster's, unless set, and
     * the two IAM roles', which IAM limits to 64 characters.
     *
     * @param componentName the component's logical name
     */
    void validate(String componentName) {
        var autoName = componentName + "-cluster";
        if (clusterName.isEmpty() && !EksNames.isClusterName(autoName + "-" + "x".repeat(IamNames.AUTONAME_SUFFIX - 1))) {
            throw InvalidInputException.of("clusterName", autoName,
                    "set explicitly when the auto-name (the logical name plus an 8-character suffix) would not be " + EksNames.CLUSTER_NAME_RULE);
        }
        // The roles have no name option: a component name that cannot make them is refused here.
        for (var role : List.of("-cluster-role", "-node-role")) {
            IamNames.requireAutoNameFits("name", componentName + role);
        }
    }

    /** Builds {@link EksClusterArgs}. */
    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private CheckedValue<List<String>> subnetIds;
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
            this.clusterName = EksNames.requireClusterName("clusterName", clusterName);
            return this;
        }

        /**
         * Pins the Kubernetes version. Defaults to EKS's default version at creation.
         *
         * @param version a minor version such as {@code 1.31}
         * @return this builder
         */
        public Builder kubernetesVersion(String version) {
            var match = version == null ? null : VERSION.matcher(version);
            if (match == null || !match.matches()
                    || Integer.parseInt(match.group(1)) < OLDEST_MINOR || Integer.parseInt(match.group(1)) > NEWEST_MINOR) {
                throw InvalidInputException.of("kubernetesVersion", version,
                        "a Kubernetes minor version EKS offers, 1." + OLDEST_MINOR + " to 1." + NEWEST_MINOR + ", such as 1.31");
            }
            this.kubernetesVersion = version;
            return this;
        }

        /**
         * The subnets for the control plane's network interfaces and the nodes. Defaults to the
         * default VPC's subnets (which suits trials; EKS rejects a few availability zones, such as
         * use1-az3, so production clusters should name their subnets).
         *
         * @param subnetIds at least two subnets in two availability zones, e.g. another stack's output;
         *                  checked like the plain form once known
         * @return this builder
         */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            Checks.notNull("subnetIds", subnetIds, "a list of subnet ids");
            this.subnetIds = CheckedValue.of(subnetIds, EksClusterArgs::requireSubnets);
            return this;
        }

        /**
         * @param subnetIds at least two subnets in two availability zones
         * @return this builder
         * @see #subnetIds(Output)
         */
        public Builder subnetIds(List<String> subnetIds) {
            this.subnetIds = CheckedValue.of(Checks.notNull("subnetIds", subnetIds, "a list of subnet ids"), EksClusterArgs::requireSubnets);
            return this;
        }

        /**
         * The managed node group. Defaults to {@link NodeGroupOptions#DEFAULT}.
         *
         * @param nodeGroup its shape
         * @return this builder
         */
        public Builder nodeGroup(NodeGroupOptions nodeGroup) {
            this.nodeGroup = Checks.notNull("nodeGroup", nodeGroup, "NodeGroupOptions, e.g. NodeGroupOptions.DEFAULT");
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

    private static List<String> requireSubnets(List<String> subnetIds) {
        if (subnetIds == null || subnetIds.size() < 2) {
            throw InvalidInputException.of("subnetIds", subnetIds, "at least two subnets in different availability zones (EKS)");
        }
        var seen = new HashSet<String>();
        for (var id : subnetIds) {
            if (id == null || !SUBNET_ID.matcher(id).matches()) {
                throw InvalidInputException.of("subnetIds", id, "a subnet id, subnet- and 8 or 17 hex digits");
            }
            if (!seen.add(id)) {
                throw InvalidInputException.of("subnetIds", subnetIds, "a list without repeats");
            }
        }
        return List.copyOf(subnetIds);
    }
}
