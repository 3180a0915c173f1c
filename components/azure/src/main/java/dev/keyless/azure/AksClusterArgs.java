package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.CheckedOutputs;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an {@link AksCluster} creates: where, its names, version and system node pool.
 *
 * <p>Each setter checks its own value; names derived from the component's name are checked when
 * the component is constructed, before it registers anything.
 */
public final class AksClusterArgs {
    /**
     * The Kubernetes minors accepted: from 1.27, the first minor AKS gave long-term support
     * ({@code AKSLongTermSupport}, two years), since older ones are out of every AKS support plan,
     * to 1.40, the same horizon as EKS's bound. Within them, a minor AKS has since retired still
     * fails only at deploy: the list AKS offers changes monthly and per region.
     *
     * @see <a href="https://learn.microsoft.com/azure/aks/supported-kubernetes-versions">Supported Kubernetes versions in AKS</a>
     */
    static final int OLDEST_MINOR = 27;
    static final int NEWEST_MINOR = 40;
    private static final Pattern VERSION = Pattern.compile("1\\.(\\d{1,2})(\\.\\d{1,3})?");
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{1,39}");

    private final CheckedOutputs outputs;
    private final Optional<Output<String>> resourceGroupName;
    private final Optional<String> plainResourceGroupName;
    private final Optional<String> location;
    private final Optional<String> clusterName;
    private final Optional<String> kubernetesVersion;
    private final Optional<String> dnsPrefix;
    private final NodePoolOptions systemNodePool;
    private final String deployerPrincipalType;

    private AksClusterArgs(Builder builder) {
        this.outputs = CheckedOutputs.inFieldOrder(builder.resourceGroupName);
        this.resourceGroupName = Optional.ofNullable(outputs.value(builder.resourceGroupName));
        this.plainResourceGroupName = Optional.ofNullable(builder.resourceGroupName).flatMap(CheckedValue::plain);
        this.location = Optional.ofNullable(builder.location);
        this.clusterName = Optional.ofNullable(builder.clusterName);
        this.kubernetesVersion = Optional.ofNullable(builder.kubernetesVersion);
        this.dnsPrefix = Optional.ofNullable(builder.dnsPrefix);
        this.systemNodePool = builder.systemNodePool;
        this.deployerPrincipalType = builder.deployerPrincipalType;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the existing resource group to create the cluster in; empty means create {@code NAME-rg} */
    public Optional<Output<String>> resourceGroupName() {
        return resourceGroupName;
    }

    /** @return the resource group when it was given as a plain value, known before deploy */
    Optional<String> plainResourceGroupName() {
        return plainResourceGroupName;
    }

    /** @return the rules on the inputs given as {@code Output}s, which the cluster's children wait for */
    DeployTimeCheck outputChecks() {
        return outputs.check();
    }

    /** @return the Azure region; empty means the provider's {@code azure-native:location} or the resource group's */
    public Optional<String> location() {
        return location;
    }

    /** @return the AKS cluster name, when set; otherwise auto-named from {@code NAME-cluster} */
    public Optional<String> clusterName() {
        return clusterName;
    }

    /** @return the Kubernetes version, when pinned; otherwise AKS's default */
    public Optional<String> kubernetesVersion() {
        return kubernetesVersion;
    }

    /** @return the API server's DNS prefix: as set, or the component's name */
    public Optional<String> dnsPrefix() {
        return dnsPrefix;
    }

    /** @return the system node pool's shape */
    public NodePoolOptions systemNodePool() {
        return systemNodePool;
    }

    /** @return the kind of principal that runs {@code pulumi up}: {@code User} or {@code ServicePrincipal} */
    public String deployerPrincipalType() {
        return deployerPrincipalType;
    }

    /**
     * Runs the checks {@link AksCluster}'s constructor runs for a component of this name, registering
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
     * Checks the names derived from the component's name: the resource group's and the cluster's
     * auto-names, and the DNS prefix, which is the component's name unless set.
     *
     * @param componentName the component's logical name
     */
    void validate(String componentName) {
        if (resourceGroupName.isEmpty()) {
            AzureNames.requireAutoNameFits("resourceGroupName", componentName + "-rg", AzureNames.RESOURCE_GROUP_RULE);
        }
        if (clusterName.isEmpty()) {
            AzureNames.requireAutoNameFits("clusterName", componentName + "-cluster", AzureNames.CLUSTER_NAME_RULE);
        }
        if (dnsPrefix.isEmpty() && !AzureNames.isDnsPrefix(componentName)) {
            throw InvalidInputException.of("dnsPrefix", componentName,
                    "set explicitly when the component name is not " + AzureNames.DNS_PREFIX_RULE);
        }
    }

    /** Builds {@link AksClusterArgs}. */
    public static final class Builder {
        private CheckedValue<String> resourceGroupName;
        private String location;
        private String clusterName;
        private String kubernetesVersion;
        private String dnsPrefix;
        private NodePoolOptions systemNodePool = NodePoolOptions.DEFAULT;
        private String deployerPrincipalType = "User";

        private Builder() {
        }

        /**
         * What kind of principal runs {@code pulumi up}, as its cluster-admin role assignment must
         * declare: Azure refuses an assignment whose declared type differs from the principal's.
         * Defaults to {@code User} ({@code az login} as a person); CI signed in as a service
         * principal or managed identity sets {@code ServicePrincipal}.
         *
         * @param principalType {@code User} or {@code ServicePrincipal}
         * @return this builder
         */
        public Builder deployerPrincipalType(String principalType) {
            if (!"User".equals(principalType) && !"ServicePrincipal".equals(principalType)) {
                throw InvalidInputException.of("deployerPrincipalType", principalType, "User or ServicePrincipal (the kind of principal that runs pulumi up)");
            }
            this.deployerPrincipalType = principalType;
            return this;
        }

        /**
         * An existing resource group for the cluster. Defaults to a new one, {@code NAME-rg}.
         *
         * @param resourceGroupName the group's name
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) {
            this.resourceGroupName = CheckedValue.of(resourceGroupName, AksClusterArgs::requireResourceGroupName);
            return this;
        }

        /**
         * @param resourceGroupName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> resourceGroupName) {
            Checks.notNull("resourceGroupName", resourceGroupName, "a resource group name");
            this.resourceGroupName = CheckedValue.of(resourceGroupName, AksClusterArgs::requireResourceGroupName);
            return this;
        }

        /**
         * The Azure region, e.g. {@code westeurope}. Defaults to the provider's
         * {@code azure-native:location} for a new resource group, and to the group's region for the cluster.
         *
         * @param location the region's name
         * @return this builder
         */
        public Builder location(String location) {
            if (location == null || !LOCATION.matcher(location).matches()) {
                throw InvalidInputException.of("location", location, "an Azure region name such as westeurope (lowercase letters and digits)");
            }
            this.location = location;
            return this;
        }

        /**
         * The AKS cluster's name. Defaults to azure-native's auto-name from {@code NAME-cluster}.
         *
         * @param clusterName 1 to 63 of {@code [A-Za-z0-9_-]}, starting and ending with a letter or digit
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = AzureNames.requireClusterName("clusterName", clusterName);
            return this;
        }

        /**
         * Pins the Kubernetes version. Defaults to AKS's default.
         *
         * @param version e.g. {@code 1.31} or {@code 1.31.2}; minor 1.27 to 1.40
         * @return this builder
         */
        public Builder kubernetesVersion(String version) {
            var match = version == null ? null : VERSION.matcher(version);
            if (match == null || !match.matches()
                    || Integer.parseInt(match.group(1)) < OLDEST_MINOR || Integer.parseInt(match.group(1)) > NEWEST_MINOR) {
                throw InvalidInputException.of("kubernetesVersion", version, "a Kubernetes version AKS offers, minor 1." + OLDEST_MINOR
                        + " to 1." + NEWEST_MINOR + ", such as 1.31 or 1.31.2");
            }
            this.kubernetesVersion = version;
            return this;
        }

        /**
         * The prefix of the API server's host name. Defaults to the component's name.
         *
         * @param dnsPrefix 1 to 54 of {@code [A-Za-z0-9-]}, starting and ending with a letter or digit
         * @return this builder
         */
        public Builder dnsPrefix(String dnsPrefix) {
            this.dnsPrefix = AzureNames.requireDnsPrefix("dnsPrefix", dnsPrefix);
            return this;
        }

        /**
         * The system node pool. Defaults to {@link NodePoolOptions#DEFAULT}.
         *
         * @param options the pool's shape
         * @return this builder
         */
        public Builder systemNodePool(NodePoolOptions options) {
            this.systemNodePool = Checks.notNull("systemNodePool", options, "NodePoolOptions");
            return this;
        }

        /** @return the args; names derived from the component's name are checked when it is constructed */
        public AksClusterArgs build() {
            return new AksClusterArgs(this);
        }
    }

    private static String requireResourceGroupName(String resourceGroupName) {
        return AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
    }
}
