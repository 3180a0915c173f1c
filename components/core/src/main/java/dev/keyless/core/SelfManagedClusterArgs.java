package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.Optional;

/**
 * A self-managed cluster (kind, k3s, kubeadm, on premises) for {@link SelfManagedCluster}: its
 * issuer, published by a component of this program ({@link Builder#issuer(PublishedIssuer)}) or
 * elsewhere ({@link Builder#issuerUrl(String)}), and a kubeconfig.
 */
public final class SelfManagedClusterArgs {
    private final Output<String> issuerUrl;
    private final Optional<String> plainIssuerUrl;
    private final Optional<Resource> published;
    private final Output<String> kubeconfig;
    // Checked together, issuer first, so two bad inputs give one message on every run.
    private final CheckedOutputs outputs;

    private SelfManagedClusterArgs(Builder builder) {
        this.outputs = CheckedOutputs.inFieldOrder(builder.issuerUrl, builder.kubeconfig);
        this.issuerUrl = outputs.value(builder.issuerUrl);
        this.plainIssuerUrl = Optional.ofNullable(builder.plainIssuerUrl);
        this.published = Optional.ofNullable(builder.published);
        this.kubeconfig = outputs.value(builder.kubeconfig);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the issuer URL, the API server's {@code --service-account-issuer} */
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    /** @return the issuer when known before anything is registered */
    public Optional<String> plainIssuerUrl() {
        return plainIssuerUrl;
    }

    /** @return what publishes the issuer's documents in this program, if anything does */
    public Optional<Resource> published() {
        return published;
    }

    /** @return the kubeconfig */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** @return the rules on the inputs given as {@code Output}s, which the cluster's children wait for */
    DeployTimeCheck outputChecks() {
        return outputs.check();
    }

    void validate() {
        if (issuerUrl == null) {
            throw InvalidInputException.missing("issuer", "give the published issuer (issuer(...)) or its URL (issuerUrl(...))");
        }
        if (kubeconfig == null) {
            throw InvalidInputException.missing("kubeconfig", "give a kubeconfig for the cluster");
        }
    }

    /** Builds {@link SelfManagedClusterArgs}. */
    public static final class Builder {
        private CheckedValue<String> issuerUrl;
        private String plainIssuerUrl;
        private Resource published;
        private CheckedValue<String> kubeconfig;

        private Builder() {
        }

        /**
         * The issuer a component of this program publishes (e.g. {@code S3OidcIssuer}): what binds
         * to the cluster waits until both documents are published.
         *
         * @param issuer the published issuer
         * @return this builder
         */
        public Builder issuer(PublishedIssuer issuer) {
            Checks.notNull("issuer", issuer, "a published issuer");
            // The publishing component checked its own URL.
            this.issuerUrl = CheckedValue.read(issuer.issuerUrl(), url -> url);
            this.plainIssuerUrl = issuer.plainIssuerUrl().map(url -> IssuerDocuments.requireIssuer("issuer", url)).orElse(null);
            this.published = issuer.published();
            return this;
        }

        /**
         * An issuer published elsewhere, whose documents are already served at
         * {@code ISSUER/.well-known/openid-configuration}.
         *
         * @param issuerUrl an https URL without a trailing '/', exactly the API server's {@code --service-account-issuer}
         * @return this builder
         */
        public Builder issuerUrl(String issuerUrl) {
            this.issuerUrl = CheckedValue.of(issuerUrl, SelfManagedClusterArgs::requireIssuer);
            this.plainIssuerUrl = issuerUrl;
            this.published = null;
            return this;
        }

        /**
         * @param issuerUrl the issuer, e.g. a StackReference output; checked once known
         * @return this builder
         */
        public Builder issuerUrl(Output<String> issuerUrl) {
            Checks.notNull("issuerUrl", issuerUrl, "the issuer URL");
            this.issuerUrl = CheckedValue.of(issuerUrl, SelfManagedClusterArgs::requireIssuer);
            this.plainIssuerUrl = null;
            this.published = null;
            return this;
        }

        /**
         * @param kubeconfig a kubeconfig for the cluster, YAML or JSON; it should name an exec plugin or
         *                   a short-lived credential rather than hold a long-lived one
         * @return this builder
         */
        public Builder kubeconfig(String kubeconfig) {
            this.kubeconfig = CheckedValue.of(kubeconfig, SelfManagedClusterArgs::requireKubeconfig);
            return this;
        }

        /**
         * @param kubeconfig a kubeconfig, e.g. a secret config value; checked once known
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            Checks.notNull("kubeconfig", kubeconfig, "a kubeconfig");
            this.kubeconfig = CheckedValue.of(kubeconfig, SelfManagedClusterArgs::requireKubeconfig);
            return this;
        }

        /** @return the args; required values are checked when the component is constructed */
        public SelfManagedClusterArgs build() {
            return new SelfManagedClusterArgs(this);
        }
    }

    private static String requireIssuer(String issuerUrl) {
        return IssuerDocuments.requireIssuer("issuerUrl", issuerUrl);
    }

    private static String requireKubeconfig(String kubeconfig) {
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw InvalidInputException.of("kubeconfig", kubeconfig, "a non-empty kubeconfig, YAML or JSON");
        }
        return kubeconfig;
    }
}
