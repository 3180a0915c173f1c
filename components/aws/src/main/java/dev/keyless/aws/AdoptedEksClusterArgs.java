package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;

import java.util.Objects;
import java.util.Optional;

/**
 * An EKS cluster made elsewhere (another stack, pulumi-eks in any language, eksctl, the console),
 * described by the values such stacks export.
 */
public final class AdoptedEksClusterArgs {
    private final Output<String> clusterName;
    private final Output<String> issuerUrl;
    private final Optional<Output<String>> oidcProviderArn;
    private final Output<String> kubeconfig;
    private final boolean podIdentityAgent;

    private AdoptedEksClusterArgs(Builder builder) {
        this.clusterName = builder.clusterName;
        this.issuerUrl = builder.issuerUrl;
        this.oidcProviderArn = Optional.ofNullable(builder.oidcProviderArn);
        this.kubeconfig = builder.kubeconfig;
        this.podIdentityAgent = builder.podIdentityAgent;
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

    /** @return the existing IAM OIDC provider's ARN; empty means create one */
    public Optional<Output<String>> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** @return a kubeconfig for the cluster */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** @return whether the cluster has the eks-pod-identity-agent add-on */
    public boolean podIdentityAgent() {
        return podIdentityAgent;
    }

    /** Builds {@link AdoptedEksClusterArgs}. */
    public static final class Builder {
        private Output<String> clusterName;
        private Output<String> issuerUrl;
        private Output<String> oidcProviderArn;
        private Output<String> kubeconfig;
        private boolean podIdentityAgent;

        private Builder() {
        }

        /**
         * The EKS cluster's name. Required.
         *
         * @param clusterName e.g. a StackReference output
         * @return this builder
         */
        public Builder clusterName(Output<String> clusterName) {
            this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
            return this;
        }

        /**
         * @param clusterName the EKS cluster's name
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            return clusterName(Output.of(Objects.requireNonNull(clusterName, "clusterName")));
        }

        /**
         * The cluster's OIDC issuer URL, {@code https://oidc.eks.REGION.amazonaws.com/id/ID}
         * ({@code aws eks describe-cluster --query cluster.identity.oidc.issuer}). Required.
         *
         * @param issuerUrl e.g. a StackReference output
         * @return this builder
         */
        public Builder issuerUrl(Output<String> issuerUrl) {
            this.issuerUrl = Objects.requireNonNull(issuerUrl, "issuerUrl");
            return this;
        }

        /**
         * @param issuerUrl the cluster's OIDC issuer URL
         * @return this builder
         * @throws InvalidInputException when it is not an https URL
         */
        public Builder issuerUrl(String issuerUrl) {
            if (issuerUrl == null || !issuerUrl.matches("https://[^\\s/]+(/\\S*)?")) {
                throw InvalidInputException.of("issuerUrl", issuerUrl, "an https URL, as EKS reports it (https://oidc.eks.REGION.amazonaws.com/id/ID)");
            }
            return issuerUrl(Output.of(issuerUrl));
        }

        /**
         * The ARN of the IAM OIDC provider that already trusts the issuer (an account holds one
         * per issuer, at most 100). Defaults to creating one, {@code NAME-oidc}.
         *
         * @param oidcProviderArn e.g. a pulumi-eks stack's {@code oidcProviderArn} output
         * @return this builder
         */
        public Builder oidcProviderArn(Output<String> oidcProviderArn) {
            this.oidcProviderArn = Objects.requireNonNull(oidcProviderArn, "oidcProviderArn");
            return this;
        }

        /**
         * @param oidcProviderArn the existing provider's ARN
         * @return this builder
         * @throws InvalidInputException when it is not an IAM OIDC provider ARN
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            if (oidcProviderArn == null || !oidcProviderArn.matches("arn:aws(-cn|-us-gov)?:iam::\\d{12}:oidc-provider/\\S+")) {
                throw InvalidInputException.of("oidcProviderArn", oidcProviderArn, "an IAM OIDC provider ARN, arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH");
            }
            return oidcProviderArn(Output.of(oidcProviderArn));
        }

        /**
         * A kubeconfig for the cluster, e.g. a pulumi-eks stack's {@code kubeconfig} output. Required.
         *
         * @param kubeconfig the kubeconfig, YAML or JSON
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
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
         * @return the args
         * @throws InvalidInputException when clusterName, issuerUrl or kubeconfig is missing
         */
        public AdoptedEksClusterArgs build() {
            if (clusterName == null) {
                throw InvalidInputException.missing("clusterName", "give the EKS cluster's name");
            }
            if (issuerUrl == null) {
                throw InvalidInputException.missing("issuerUrl", "give the cluster's OIDC issuer URL");
            }
            if (kubeconfig == null) {
                throw InvalidInputException.missing("kubeconfig", "give a kubeconfig for the cluster");
            }
            return new AdoptedEksClusterArgs(this);
        }
    }
}
