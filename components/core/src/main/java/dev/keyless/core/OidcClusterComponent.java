package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The spine every cluster component shares, created or adopted, on any cloud (as CDK's
 * {@code ClusterBase} or pulumi-eks's {@code createCore}): its logical name and how messages
 * describe it, the input checks made before it registers, its Kubernetes provider
 * ({@code NAME-k8s}, see {@link ClusterKubernetesProvider}) and what workloads wait for.
 *
 * <p>A subclass registers its cloud's resources (or takes an adopted cluster's values), then calls
 * {@link #connect} or {@link #connectAdopted} exactly once, before it registers its outputs. Its
 * type token is its own, so extending this class changes no URN. The accessors are not final: the
 * cluster classes were plain {@code ComponentResource}s, and a user's subclass that overrode one
 * still compiles.
 */
public abstract class OidcClusterComponent extends ComponentResource implements OidcCluster {
    private final String logicalName;
    private final String kind;
    private Provider kubernetesProvider;
    private Resource readiness;

    /**
     * @param type    the component's type token, e.g. {@code keyless:aws:EksCluster}
     * @param name    the component's logical name, the prefix of its children's names
     * @param kind    what the cluster is called in messages, e.g. {@code adopted EKS cluster}
     * @param options Pulumi options, already checked and gated by the subclass
     */
    protected OidcClusterComponent(String type, String name, String kind, ComponentResourceOptions options) {
        super(type, name, options);
        this.logicalName = name;
        this.kind = kind;
    }

    /**
     * The checks every cluster makes on its constructor's arguments before it registers anything.
     *
     * @param name     the component's logical name
     * @param args     the component's args
     * @param argsType the args' class name, for the message
     * @param <A>      the args' type
     * @return the args, for the subclass's own checks
     * @throws InvalidInputException when the name is blank or the args are null
     */
    protected static <A> A requireArgs(String name, A args, String argsType) {
        Checks.componentName(name);
        return Checks.notNull("args", args, argsType);
    }

    /**
     * Connects a cluster created here: its Kubernetes provider waits for {@code waitFor}, and
     * workloads wait for {@code readiness} (the nodes, or the cluster itself).
     *
     * @param kubeconfig a kubeconfig that holds no credential
     * @param waitFor    what must exist before the provider talks to the cluster
     * @param readiness  what workloads bound to the cluster depend on
     * @return the Kubernetes provider
     */
    protected final Provider connect(Output<String> kubeconfig, List<? extends Resource> waitFor, Resource readiness) {
        if (kubernetesProvider != null) {
            throw new IllegalStateException(describe() + " is connected already");
        }
        this.kubernetesProvider = ClusterKubernetesProvider.create(this, logicalName, kubeconfig, waitFor);
        this.readiness = readiness;
        return kubernetesProvider;
    }

    /**
     * Connects a cluster that runs already: workloads wait for its Kubernetes provider, which waits
     * for the trust this component set up, if any.
     *
     * @param kubeconfig the adopted cluster's kubeconfig
     * @param waitFor    what this component created for the cluster's trust (an IAM OIDC provider), or nothing
     * @return the Kubernetes provider
     */
    protected final Provider connectAdopted(Output<String> kubeconfig, List<? extends Resource> waitFor) {
        var provider = connect(kubeconfig, waitFor, null);
        this.readiness = provider;
        return provider;
    }

    /** @return the component's logical name, which keys the children other components make for this cluster */
    public String logicalName() {
        return logicalName;
    }

    /** @return e.g. {@code EKS cluster 'platform'} or {@code adopted AKS cluster 'platform'} */
    @Override
    public String describe() {
        return kind + " '" + logicalName + "'";
    }

    @Override
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /**
     * @return what workloads wait for: the nodes (or the cluster) of a cluster created here, the
     *     Kubernetes provider of an adopted one
     */
    @Override
    public Resource readiness() {
        return readiness;
    }

    /**
     * A cluster created here gets an issuer of its own, which no other cluster has: it is its own
     * trust domain, known before anything is registered (its issuer URL is not).
     *
     * @param kindOfDomain what the domain is called in messages, e.g. {@code EKS cluster}
     * @return the domain named by this component's logical name
     */
    protected final TrustDomain ownTrustDomain(String kindOfDomain) {
        return TrustDomain.known(kindOfDomain, logicalName);
    }
}
