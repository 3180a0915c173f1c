package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * An EKS cluster made elsewhere (another stack, pulumi-eks in any language, eksctl, the console),
 * described by the values such stacks export.
 *
 * <p>Every value may be plain or an {@code Output} (a StackReference output). The same rules apply
 * to both: a plain value is checked by its setter, an {@code Output} once its value is known, at
 * deploy time, failing the resources that would use it. Whether the OIDC provider ARN names the
 * issuer is checked when both are known: at construction when both are plain.
 */
public final class AdoptedEksClusterArgs {
    private final Output<String> clusterName;
    private final Output<String> issuerUrl;
    private final Optional<Output<String>> oidcProviderArn;
    private final Output<String> kubeconfig;
    private final boolean podIdentityAgent;
    private final Optional<String> plainIssuerUrl;
    private final Optional<String> plainOidcProviderArn;

    private AdoptedEksClusterArgs(Builder builder) {
        this.plainIssuerUrl = Optional.ofNullable(builder.plainIssuerUrl);
        this.plainOidcProviderArn = Optional.ofNullable(builder.plainOidcProviderArn);
        this.clusterName = builder.clusterName;
        this.issuerUrl = builder.issuerUrl;
        this.kubeconfig = builder.kubeconfig;
        this.podIdentityAgent = builder.podIdentityAgent;
        // The provider must be the issuer's own: trust keyed to one issuer's claims but naming
        // another's provider is never satisfied. Plain values are checked by validate(), before
        // anything is registered; only values known later are checked once known.
        var bothPlain = builder.plainIssuerUrl != null && builder.plainOidcProviderArn != null;
        this.oidcProviderArn = builder.issuerUrl == null || bothPlain ? Optional.ofNullable(builder.oidcProviderArn)
                : Optional.ofNullable(builder.oidcProviderArn).map(arn -> Output.tuple(arn, builder.issuerUrl)
                        .applyValue(t -> requireProviderOfIssuer(t.t1, t.t2)));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the EKS cluster's name */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** @return the cluster's OIDC issuer URL */
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    /** @return the issuer when it was given as a plain value, known before anything is registered */
    public Optional<String> plainIssuerUrl() {
        return plainIssuerUrl;
    }

    /** @return the existing IAM OIDC provider's ARN; empty means create one */
    public Optional<Output<String>> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** @return the IAM OIDC provider's ARN when it was given as text, known before anything registers */
    Optional<String> plainOidcProviderArn() {
        return plainOidcProviderArn;
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** @return whether the cluster has the eks-pod-identity-agent add-on */
    public boolean podIdentityAgent() {
        return podIdentityAgent;
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
        if (plainIssuerUrl.isPresent() && plainOidcProviderArn.isPresent()) {
            requireProviderOfIssuer(plainOidcProviderArn.get(), plainIssuerUrl.get());
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
        private Output<String> clusterName;
        private Output<String> issuerUrl;
        private Output<String> oidcProviderArn;
        private Output<String> kubeconfig;
        private boolean podIdentityAgent;
        private String plainIssuerUrl;
        private String plainOidcProviderArn;

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
            this.clusterName = clusterName.applyValue(v -> EksNames.requireClusterName("clusterName", v));
            return this;
        }

        /**
         * @param clusterName the EKS cluster's name
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = Output.of(EksNames.requireClusterName("clusterName", clusterName));
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
            this.issuerUrl = issuerUrl.applyValue(v -> EksNames.requireIssuerUrl("issuerUrl", v));
            this.plainIssuerUrl = null;
            return this;
        }

        /**
         * @param issuerUrl the cluster's OIDC issuer URL
         * @return this builder
         * @throws InvalidInputException when it is not an issuer URL IAM can trust
         */
        public Builder issuerUrl(String issuerUrl) {
            this.issuerUrl = Output.of(EksNames.requireIssuerUrl("issuerUrl", issuerUrl));
            this.plainIssuerUrl = issuerUrl;
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
            this.oidcProviderArn = oidcProviderArn.applyValue(v -> Arns.requireOidcProviderArn("oidcProviderArn", v));
            this.plainOidcProviderArn = null;
            return this;
        }

        /**
         * @param oidcProviderArn the existing provider's ARN
         * @return this builder
         * @throws InvalidInputException when it is not an IAM OIDC provider ARN
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = Output.of(Arns.requireOidcProviderArn("oidcProviderArn", oidcProviderArn));
            this.plainOidcProviderArn = oidcProviderArn;
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
            this.kubeconfig = kubeconfig.applyValue(AdoptedEksClusterArgs::requireKubeconfig);
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
            return kubeconfig(kubeconfig.applyValue(StackOutputs::kubeconfigText));
        }

        /**
         * @param kubeconfig the kubeconfig, YAML or JSON
         * @return this builder
         */
        public Builder kubeconfig(String kubeconfig) {
            this.kubeconfig = Output.of(requireKubeconfig(kubeconfig));
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

    private static String requireKubeconfig(String kubeconfig) {
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw InvalidInputException.of("kubeconfig", kubeconfig, "a non-empty kubeconfig, YAML or JSON");
        }
        return kubeconfig;
    }
}
