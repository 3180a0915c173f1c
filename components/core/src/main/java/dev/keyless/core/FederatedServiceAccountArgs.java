package dev.keyless.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link FederatedServiceAccount} binds: which cluster, which ServiceAccount, which grants
 * (of any cloud), and which mechanism binds each cloud when the default will not do.
 *
 * <p>When inputs are checked: each setter checks its own value and throws at once; rules that
 * combine values (required fields, the mechanism's options against the cluster and grants, names
 * derived from the component's name) are checked once, when the component is constructed, before
 * it registers anything.
 *
 * <p>Plain values only: namespace and name go into the cloud's trust condition, so they must be
 * known, and checked, before anything is registered.
 */
public final class FederatedServiceAccountArgs {
    private final OidcCluster cluster;
    private final String namespace;
    private final String name;
    private final Boolean createNamespace;
    private final boolean automountServiceAccountToken;
    private final Map<Cloud, IdentityMechanism> mechanisms;
    private final List<AccessGrant> grants;
    private final Map<String, String> labels;

    private FederatedServiceAccountArgs(Builder builder) {
        this.cluster = builder.cluster;
        this.namespace = builder.namespace;
        this.name = builder.name;
        this.createNamespace = builder.createNamespace;
        this.automountServiceAccountToken = builder.automountServiceAccountToken;
        this.mechanisms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.mechanisms));
        this.grants = List.copyOf(builder.grants);
        this.labels = Map.copyOf(builder.labels);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster the ServiceAccount lives in */
    public OidcCluster cluster() {
        return cluster;
    }

    /** @return the ServiceAccount's namespace */
    public String namespace() {
        return namespace;
    }

    /** @return the ServiceAccount's name */
    public String name() {
        return name;
    }

    /**
     * @return whether keyless creates the namespace: as set, or by default every namespace but
     *     Kubernetes' own ({@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease})
     */
    public boolean createNamespace() {
        return createNamespace != null ? createNamespace : !SystemNamespaces.contains(namespace);
    }

    /** @return whether pods get the ServiceAccount's API token mounted */
    public boolean automountServiceAccountToken() {
        return automountServiceAccountToken;
    }

    /**
     * @return the mechanism the user chose for the cluster's own cloud; empty means the cluster's default
     * @deprecated read {@link #mechanisms()}, which holds one mechanism per cloud
     */
    @Deprecated
    public Optional<IdentityMechanism> identity() {
        return cluster == null ? Optional.empty() : mechanism(cluster.cloud());
    }

    /** @return the mechanisms the user chose, one per cloud, in the order given */
    public Map<Cloud, IdentityMechanism> mechanisms() {
        return mechanisms;
    }

    /**
     * @param cloud a cloud
     * @return the mechanism the user chose for it; empty means the default (the cluster's native
     *     mechanism on its own cloud, the cloud's default federation elsewhere)
     */
    public Optional<IdentityMechanism> mechanism(Cloud cloud) {
        return Optional.ofNullable(mechanisms.get(cloud));
    }

    /** @return the access grants */
    public List<AccessGrant> grants() {
        return grants;
    }

    /**
     * Checks the rules that combine fields: required fields are given.
     *
     * @throws InvalidInputException when cluster, namespace or name is missing
     */
    void validate() {
        if (cluster == null) {
            throw InvalidInputException.missing("cluster", "give the OidcCluster the ServiceAccount lives in");
        }
        if (namespace == null) {
            throw InvalidInputException.missing("namespace", "give the ServiceAccount's namespace");
        }
        if (name == null) {
            throw InvalidInputException.missing("name", "give the ServiceAccount's name");
        }
        if (Boolean.TRUE.equals(createNamespace) && SystemNamespaces.contains(namespace)) {
            throw InvalidInputException.of("createNamespace", true,
                    "false for '" + namespace + "': Kubernetes creates and owns its system namespaces " + SystemNamespaces.sorted());
        }
    }

    /** @return extra labels for the ServiceAccount */
    public Map<String, String> labels() {
        return labels;
    }

    /** Builds {@link FederatedServiceAccountArgs}. */
    public static final class Builder {
        private OidcCluster cluster;
        private String namespace;
        private String name;
        private Boolean createNamespace;
        private boolean automountServiceAccountToken = false;
        private final Map<Cloud, IdentityMechanism> mechanisms = new LinkedHashMap<>();
        private final List<AccessGrant> grants = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The cluster the ServiceAccount lives in: any {@link OidcCluster}, created or adopted.
         * Required.
         *
         * @param cluster the cluster
         * @return this builder
         */
        public Builder cluster(OidcCluster cluster) {
            this.cluster = Checks.notNull("cluster", cluster, "an OidcCluster (EksCluster, AdoptedEksCluster, ...)");
            return this;
        }

        /**
         * The ServiceAccount's namespace, a DNS-1123 label. Required.
         *
         * @param namespace the namespace
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = KubernetesNames.requireLabel("namespace", namespace);
            return this;
        }

        /**
         * The ServiceAccount's name, a DNS-1123 subdomain. Required.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = KubernetesNames.requireSubdomain("name", name);
            return this;
        }

        /**
         * Whether keyless creates the namespace. It is created once per cluster, whichever workloads
         * need it, and stays while any of them does. Set false when it exists already or another
         * program creates it. Defaults to {@code true}, except for Kubernetes' own namespaces,
         * which keyless never creates.
         *
         * @param createNamespace whether to create it
         * @return this builder
         */
        public Builder createNamespace(boolean createNamespace) {
            this.createNamespace = createNamespace;
            return this;
        }

        /**
         * Whether pods mount a Kubernetes API token for this ServiceAccount. The cloud identity does
         * not need it (the identity webhooks project their own token), so it stays off unless the
         * workload itself calls the Kubernetes API. Defaults to {@code false}.
         *
         * @param automount whether to mount the token
         * @return this builder
         * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting">Opt out of API credential automounting</a>
         */
        public Builder automountServiceAccountToken(boolean automount) {
            this.automountServiceAccountToken = automount;
            return this;
        }

        /**
         * How one cloud binds the ServiceAccount, with its options: on the cluster's own cloud a
         * native mechanism (e.g. {@code IrsaIdentity} or {@code PodIdentity} on EKS), on another
         * cloud a federation of the cluster's issuer (e.g. {@code GcpFederation} from EKS). Give
         * at most one per cloud. A cloud with no mechanism given gets its default: the cluster's
         * {@link OidcCluster#defaultIdentity()} on its own cloud, the cloud's default federation
         * elsewhere. A mechanism given for a cloud no grant names still makes its identity.
         *
         * @param mechanism the mechanism and its options
         * @return this builder
         * @throws InvalidInputException when a mechanism for the same cloud was given already
         */
        public Builder mechanism(IdentityMechanism mechanism) {
            Checks.notNull("mechanism", mechanism, "an IdentityMechanism such as IrsaIdentity.defaults()");
            var earlier = mechanisms.putIfAbsent(mechanism.cloud(), mechanism);
            if (earlier != null) {
                throw InvalidInputException.of("mechanism", mechanism.displayName(),
                        "one mechanism per cloud, but " + mechanism.cloud() + " has " + earlier.displayName() + " already");
            }
            return this;
        }

        /**
         * How the cluster's cloud binds the ServiceAccount.
         *
         * @param identity the mechanism and its options
         * @return this builder
         * @deprecated named {@link #mechanism(IdentityMechanism)}, beside the component's
         *     {@code identity()} output; this sets the same
         */
        @Deprecated
        public Builder identity(IdentityMechanism identity) {
            return mechanism(Checks.notNull("identity", identity, "an IdentityMechanism such as IrsaIdentity.defaults()"));
        }

        /**
         * Adds a least-privilege grant, e.g. {@code S3Access.readWrite(bucket)}.
         *
         * @param grant the grant
         * @return this builder
         */
        public Builder grant(AccessGrant grant) {
            this.grants.add(Checks.notNull("grant", grant, "an AccessGrant such as S3Access.readWrite(bucket)"));
            return this;
        }

        /**
         * Adds a label to the ServiceAccount.
         *
         * @param key   the label key
         * @param value the label value
         * @return this builder
         */
        public Builder label(String key, String value) {
            KubernetesLabels.requireUserLabel(key, value);
            this.labels.put(key, value);
            return this;
        }

        /**
         * @return the args; required fields and rules that combine fields are checked when the
         *     component is constructed, before it registers anything
         */
        public FederatedServiceAccountArgs build() {
            return new FederatedServiceAccountArgs(this);
        }
    }
}
