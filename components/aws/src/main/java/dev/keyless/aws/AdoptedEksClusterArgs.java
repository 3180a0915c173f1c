package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.CheckedOutputs;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.ClusterKubernetesProvider;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * An EKS cluster made elsewhere (another stack, pulumi-eks in any language, eksctl, the console),
 * described by the values such stacks export.
 *
 * <p>Every value may be plain or an {@code Output} (a StackReference output). The same rules apply
 * to both ({@link CheckedValue}): a plain value is checked by its setter, the {@code Output}s
 * together once all are known, in the order of the fields here, every refusal in one message
 * ({@link CheckedOutputs}), before any child of the cluster registers. Whether the OIDC provider ARN names the
 * issuer is checked when both are known: at construction when both are plain.
 */
public final class AdoptedEksClusterArgs {
    private final CheckedValue<String> clusterName;
    private final CheckedValue<String> issuerUrl;
    private final Optional<CheckedValue<String>> givenOidcProviderArn;
    private final Optional<Output<String>> oidcProviderArn;
    private final CheckedValue<String> kubeconfig;
    private final boolean podIdentityAgent;
    // Read through it: checked together, in the order above, so two bad inputs give one message.
    private final CheckedOutputs outputs;

    private AdoptedEksClusterArgs(Builder builder) {
        this.clusterName = builder.clusterName;
        this.issuerUrl = builder.issuerUrl;
        this.kubeconfig = builder.kubeconfig;
        this.podIdentityAgent = builder.podIdentityAgent;
        this.givenOidcProviderArn = Optional.ofNullable(builder.oidcProviderArn);
        this.outputs = CheckedOutputs.inFieldOrder(clusterName, issuerUrl, builder.oidcProviderArn, kubeconfig);
        // The provider must be the issuer's own: trust keyed to one issuer's claims but naming
        // another's provider is never satisfied. Plain values are checked by validate(), before
        // anything is registered; only values known later are checked once known, after each
        // passed its own rule (until then this fails with their refusal).
        var bothPlain = issuerUrl != null && issuerUrl.plain().isPresent()
                && givenOidcProviderArn.flatMap(CheckedValue::plain).isPresent();
        this.oidcProviderArn = givenOidcProviderArn.map(outputs::value)
                .map(arn -> issuerUrl == null || bothPlain ? arn
                        : Output.tuple(arn, outputs.value(issuerUrl)).applyValue(t -> requireProviderOfIssuer(t.t1, t.t2)));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the EKS cluster's name */
    public Output<String> clusterName() {
        return outputs.value(clusterName);
    }

    /** @return the cluster's OIDC issuer URL */
    public Output<String> issuerUrl() {
        return outputs.value(issuerUrl);
    }

    /** @return the issuer when it was given as a plain value, known before anything is registered */
    public Optional<String> plainIssuerUrl() {
        return issuerUrl == null ? Optional.empty() : issuerUrl.plain();
    }

    /** @return the existing IAM OIDC provider's ARN; empty means create one */
    public Optional<Output<String>> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** @return the IAM OIDC provider's ARN when it was given as text, known before anything registers */
    Optional<String> plainOidcProviderArn() {
        return givenOidcProviderArn.flatMap(CheckedValue::plain);
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return outputs.value(kubeconfig);
    }

    /** @return whether the cluster has the eks-pod-identity-agent add-on */
    public boolean podIdentityAgent() {
        return podIdentityAgent;
    }

    /**
     * @return the rules on the inputs given as {@code Output}s, each input's, then whether the
     *     provider is the issuer's: the cluster's children wait for them
     */
    DeployTimeCheck outputChecks() {
        return outputs.check().and(oidcProviderArn.map(DeployTimeCheck::of).orElse(DeployTimeCheck.none()));
    }

    /**
     * Runs the checks {@link AdoptedEksCluster}'s constructor runs for a component of this name, registering
     * nothing: for stacks that check all their input before they create anything.
     *
     * @param componentName the component's logical name
     * @throws InvalidInputException naming the first rule the arguments break
     */
    public void check(String componentName) {
        Checks.componentName(componentName);
        validate();
    }

    /**
     * Checks the rules that combine values: required values are given, and a plain provider ARN
     * names the plain issuer.
     */
    void validate() {
        if (clusterName == null) {
            throw InvalidInputException.missing("clusterName", "give the EKS cluster's name");
        }
        if (issuerUrl == null) {
            throw InvalidInputException.missing("issuerUrl", "give the cluster's OIDC issuer URL");
        }
        if (kubeconfig == null) {
            throw InvalidInputException.missing("kubeconfig", "give a kubeconfig for the cluster");
        }
        if (plainIssuerUrl().isPresent() && plainOidcProviderArn().isPresent()) {
            requireProviderOfIssuer(plainOidcProviderArn().get(), plainIssuerUrl().get());
        }
    }

    private static String requireProviderOfIssuer(String providerArn, String issuerUrl) {
        if (!Arns.oidcProviderHostPath(providerArn).equals(EksNames.hostPath(issuerUrl))) {
            throw InvalidInputException.of("oidcProviderArn", providerArn,
                    "the IAM OIDC provider of issuerUrl, ending oidc-provider/" + EksNames.hostPath(issuerUrl));
        }
        return providerArn;
    }

    /** Builds {@link AdoptedEksClusterArgs}. */
    public static final class Builder {
        private CheckedValue<String> clusterName;
        private CheckedValue<String> issuerUrl;
        private CheckedValue<String> oidcProviderArn;
        private CheckedValue<String> kubeconfig;
        private boolean podIdentityAgent;

        private Builder() {
        }

        /**
         * The EKS cluster's name. Required.
         *
         * @param clusterName e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder clusterName(Output<String> clusterName) {
            Checks.notNull("clusterName", clusterName, "the EKS cluster's name");
            this.clusterName = CheckedValue.of(clusterName, AdoptedEksClusterArgs::requireClusterName);
            return this;
        }

        /**
         * @param clusterName the EKS cluster's name
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = CheckedValue.of(clusterName, AdoptedEksClusterArgs::requireClusterName);
            return this;
        }

        /**
         * The cluster's OIDC issuer URL, {@code https://oidc.eks.REGION.amazonaws.com/id/ID}
         * ({@code aws eks describe-cluster --query cluster.identity.oidc.issuer}). Required.
         *
         * @param issuerUrl e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder issuerUrl(Output<String> issuerUrl) {
            Checks.notNull("issuerUrl", issuerUrl, "the cluster's OIDC issuer URL");
            this.issuerUrl = CheckedValue.of(issuerUrl, AdoptedEksClusterArgs::requireIssuerUrl);
            return this;
        }

        /**
         * @param issuerUrl the cluster's OIDC issuer URL
         * @return this builder
         * @throws InvalidInputException when it is not an issuer URL IAM can trust
         */
        public Builder issuerUrl(String issuerUrl) {
            this.issuerUrl = CheckedValue.of(issuerUrl, AdoptedEksClusterArgs::requireIssuerUrl);
            return this;
        }

        /**
         * The ARN of the IAM OIDC provider that already trusts the issuer (an account holds one
         * per issuer, at most 100). Defaults to creating one, {@code NAME-oidc}.
         *
         * @param oidcProviderArn e.g. a pulumi-eks stack's {@code oidcProviderArn} output; checked once known
         * @return this builder
         */
        public Builder oidcProviderArn(Output<String> oidcProviderArn) {
            Checks.notNull("oidcProviderArn", oidcProviderArn, "an IAM OIDC provider ARN");
            this.oidcProviderArn = CheckedValue.of(oidcProviderArn, AdoptedEksClusterArgs::requireOidcProviderArn);
            return this;
        }

        /**
         * @param oidcProviderArn the existing provider's ARN
         * @return this builder
         * @throws InvalidInputException when it is not an IAM OIDC provider ARN
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = CheckedValue.of(oidcProviderArn, AdoptedEksClusterArgs::requireOidcProviderArn);
            return this;
        }

        /**
         * A kubeconfig for the cluster, e.g. a pulumi-eks stack's {@code kubeconfig} output. Required.
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
         * A kubeconfig as another stack exports it: text, or an object. pulumi-eks exports
         * {@code kubeconfig} as an object, which {@code StackReference.output("kubeconfig")} hands
         * over as a map; it is written out as JSON, which kubectl and the provider read as YAML.
         *
         * <pre>{@code
         * var platform = new StackReference("acme/platform/prod");
         * AdoptedEksClusterArgs.builder()
         *         .clusterName(platform.output("clusterName").applyValue(String::valueOf))
         *         .issuerUrl(platform.output("oidcIssuerUrl").applyValue(String::valueOf))
         *         .oidcProviderArn(platform.output("oidcProviderArn").applyValue(String::valueOf))
         *         .kubeconfigFromStackOutput(platform.output("kubeconfig"))
         * }</pre>
         *
         * @param kubeconfig a stack output holding a kubeconfig as text or as an object
         * @return this builder
         */
        public Builder kubeconfigFromStackOutput(Output<?> kubeconfig) {
            Checks.notNull("kubeconfig", kubeconfig, "a kubeconfig");
            this.kubeconfig = CheckedValue.read(kubeconfig, v -> ClusterKubernetesProvider.requireKubeconfig(StackOutputs.kubeconfigText(v)));
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
         * Declares that the cluster has the {@code eks-pod-identity-agent} add-on, so
         * {@link PodIdentity} may bind to it. Defaults to {@code false}.
         *
         * @param present whether the add-on is installed
         * @return this builder
         */
        public Builder podIdentityAgent(boolean present) {
            this.podIdentityAgent = present;
            return this;
        }

        /**
         * @return the args; required values and the provider's match with the issuer are checked
         *     when the component is constructed
         */
        public AdoptedEksClusterArgs build() {
            return new AdoptedEksClusterArgs(this);
        }
    }

    private static String requireClusterName(String clusterName) {
        return EksNames.requireClusterName("clusterName", clusterName);
    }

    private static String requireIssuerUrl(String issuerUrl) {
        return EksNames.requireIssuerUrl("issuerUrl", issuerUrl);
    }

    private static String requireOidcProviderArn(String oidcProviderArn) {
        return Arns.requireOidcProviderArn("oidcProviderArn", oidcProviderArn);
    }
}
