package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.core.CheckedOutputs;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.ClusterKubernetesProvider;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * An AKS cluster made elsewhere (another stack, Bicep, Terraform, {@code az aks create}), described
 * by its OIDC issuer and a kubeconfig, plus its resource group when workload identities should go
 * there.
 *
 * <p>Every value may be plain or an {@code Output} (a StackReference output). The same rules apply
 * to both ({@link CheckedValue}): a plain value is checked by its setter, the {@code Output}s
 * together once all are known, in the order of the fields here, before the cluster's
 * {@code NAME-k8s} registers ({@link CheckedOutputs}).
 */
public final class AdoptedAksClusterArgs {
    private final CheckedValue<String> issuerUrl;
    private final CheckedValue<String> kubeconfig;
    private final Optional<CheckedValue<String>> resourceGroupName;
    // Read through it: checked together, in the order above, so two bad inputs give one message.
    private final CheckedOutputs outputs;

    private AdoptedAksClusterArgs(Builder builder) {
        this.issuerUrl = builder.issuerUrl;
        this.kubeconfig = builder.kubeconfig;
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
        this.outputs = CheckedOutputs.inFieldOrder(issuerUrl, kubeconfig, builder.resourceGroupName);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster's OIDC issuer URL */
    public Output<String> issuerUrl() {
        return outputs.value(issuerUrl);
    }

    /** @return the issuer URL when it was given as a plain value */
    public Optional<String> plainIssuerUrl() {
        return issuerUrl.plain();
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return outputs.value(kubeconfig);
    }

    /** @return the resource group for workload identities, when given */
    public Optional<Output<String>> resourceGroupName() {
        return resourceGroupName.map(outputs::value);
    }

    /** @return the resource group when it was given as a plain value, known before deploy */
    Optional<String> plainResourceGroupName() {
        return resourceGroupName.flatMap(CheckedValue::plain);
    }

    /** @return the rules on the inputs given as {@code Output}s, which the cluster's children wait for */
    DeployTimeCheck outputChecks() {
        return outputs.check();
    }

    /**
     * Runs the checks {@link AdoptedAksCluster}'s constructor runs for a component of this name, registering
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
        if (issuerUrl == null) {
            throw InvalidInputException.missing("issuerUrl", "give the cluster's OIDC issuer URL (az aks show --query oidcIssuerProfile.issuerUrl)");
        }
        if (kubeconfig == null) {
            throw InvalidInputException.missing("kubeconfig", "give a kubeconfig for the cluster");
        }
    }

    /** Builds {@link AdoptedAksClusterArgs}. */
    public static final class Builder {
        private CheckedValue<String> issuerUrl;
        private CheckedValue<String> kubeconfig;
        private CheckedValue<String> resourceGroupName;

        private Builder() {
        }

        /**
         * The cluster's OIDC issuer URL, exactly as {@code az aks show --query oidcIssuerProfile.issuerUrl}
         * prints it, trailing '/' included. Required.
         *
         * @param issuerUrl e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder issuerUrl(Output<String> issuerUrl) {
            Checks.notNull("issuerUrl", issuerUrl, "the cluster's OIDC issuer URL");
            this.issuerUrl = CheckedValue.of(issuerUrl, AdoptedAksClusterArgs::requireIssuerUrl);
            return this;
        }

        /**
         * @param issuerUrl the cluster's OIDC issuer URL
         * @return this builder
         * @throws InvalidInputException when it is not an AKS issuer exactly as AKS reports it
         */
        public Builder issuerUrl(String issuerUrl) {
            this.issuerUrl = CheckedValue.of(issuerUrl, AdoptedAksClusterArgs::requireIssuerUrl);
            return this;
        }

        /**
         * A kubeconfig for the cluster, e.g. one using {@code kubelogin}. Required.
         *
         * @param kubeconfig the kubeconfig, YAML or JSON; checked to be non-empty once known
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            Checks.notNull("kubeconfig", kubeconfig, "a kubeconfig");
            this.kubeconfig = CheckedValue.of(kubeconfig, ClusterKubernetesProvider::requireKubeconfig);
            return this;
        }

        /**
         * @param kubeconfig the kubeconfig, YAML or JSON
         * @return this builder
         */
        public Builder kubeconfig(String kubeconfig) {
            this.kubeconfig = CheckedValue.of(kubeconfig, ClusterKubernetesProvider::requireKubeconfig);
            return this;
        }

        /**
         * The resource group new workload identities go in, usually the cluster's. Defaults to
         * none: each {@link EntraWorkloadIdentity} must then name one.
         *
         * @param resourceGroupName the group's name
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) {
            this.resourceGroupName = CheckedValue.of(resourceGroupName, AdoptedAksClusterArgs::requireResourceGroupName);
            return this;
        }

        /**
         * @param resourceGroupName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> resourceGroupName) {
            Checks.notNull("resourceGroupName", resourceGroupName, "a resource group name");
            this.resourceGroupName = CheckedValue.of(resourceGroupName, AdoptedAksClusterArgs::requireResourceGroupName);
            return this;
        }

        /** @return the args; required values are checked when the component is constructed */
        public AdoptedAksClusterArgs build() {
            return new AdoptedAksClusterArgs(this);
        }
    }

    private static String requireIssuerUrl(String issuerUrl) {
        return AksIssuers.requireIssuerUrl("issuerUrl", issuerUrl);
    }

    private static String requireResourceGroupName(String resourceGroupName) {
        return AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
    }
}
