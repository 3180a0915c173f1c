package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-managed cluster (kind, k3s, kubeadm, on premises) adopted so that
 * {@link FederatedServiceAccount}s can bind to it: its published issuer and a kubeconfig.
 *
 * <p>It runs on no cloud, so it has no native mechanism: each identity is its cloud's federation
 * of the issuer (the default for every cloud a grant names), and its pods get what that federation
 * needs (a projected token with the cloud's audience, environment, configuration files), since no
 * cloud's webhook runs there. A binding with no grant and no mechanism is refused: it would name
 * no cloud to trust the issuer.
 *
 * <p>Children: {@code NAME-k8s}, which waits for the issuer's documents when they are published here.
 */
public class SelfManagedCluster extends ComponentResource implements OidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:core:SelfManagedCluster";

    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;

    private final String logicalName;
    private final Optional<String> plainIssuerUrl;
    private final Provider kubernetesProvider;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the cluster's issuer and kubeconfig
     */
    public SelfManagedCluster(String name, SelfManagedClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the cluster's issuer and kubeconfig
     * @param options Pulumi options for the component
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public SelfManagedCluster(String name, SelfManagedClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        this.logicalName = name;
        this.issuerUrl = args.issuerUrl();
        this.plainIssuerUrl = args.plainIssuerUrl();
        // Tokens validate only once the documents are served: the provider, and so every
        // ServiceAccount bound here, waits for them.
        this.kubernetesProvider = ClusterKubernetesProvider.create(this, name, args.kubeconfig(),
                args.published().map(List::of).orElse(List.of()));
        registerOutputs(Map.of("issuerUrl", issuerUrl));
    }

    /** @return the "cloud" of a self-managed cluster: none, so every grant goes to its cloud's federation */
    @Override
    public Cloud cloud() {
        return NoNativeIdentity.NO_CLOUD;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return plainIssuerUrl;
    }

    @Override
    public String describe() {
        return "self-managed cluster '" + logicalName + "'";
    }

    @Override
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** The cluster runs already; what binds to it waits for its provider, which waits for the issuer's documents. */
    @Override
    public Resource readiness() {
        return kubernetesProvider;
    }

    /** @return a mechanism that refuses: the cluster has no cloud of its own, so a binding must name one through a grant or mechanism */
    @Override
    public IdentityMechanism defaultIdentity() {
        return new NoNativeIdentity();
    }

    /** Each self-managed cluster has its own issuer, which the clouds' trusts name. */
    @Override
    public TrustDomain trustDomain() {
        return TrustDomain.of("OIDC issuer", plainIssuerUrl, issuerUrl);
    }

    private static ComponentResourceOptions validated(String name, SelfManagedClusterArgs args, ComponentResourceOptions options) {
        Checks.componentName(name);
        Checks.notNull("args", args, "SelfManagedClusterArgs");
        args.validate();
        return args.outputChecks().gate(options);
    }
}
