package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes ServiceAccount with a cloud identity and no stored key: the cloud identity trusts
 * exactly this {@code namespace/name} through the cluster's OIDC issuer, the ServiceAccount carries
 * the annotation the cloud's webhook reads, and the identity holds least-privilege storage grants.
 *
 * <p>Children: {@code NAME-sa} and the cloud side the identity mechanism registers
 * ({@code NAME-role}, ...). The namespace, unless it exists, is the cluster's child
 * {@code CLUSTER-ns-NAMESPACE}, shared by every workload in it. What the workload's pod spec must
 * carry on this cloud is exported as {@link #podLabels()}, {@link #podEnv()} and {@link #nodeSelector()}.
 */
public class FederatedServiceAccount extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:core:FederatedServiceAccount";
    /** The label keyless puts on what it manages. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    @Export(name = "namespace", refs = String.class)
    private final Output<String> namespace;
    @Export(name = "serviceAccountName", refs = String.class)
    private final Output<String> serviceAccountName;
    @Export(name = "identity", refs = String.class)
    private final Output<String> identity;
    @Export(name = "podLabels", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> podLabels;
    @Export(name = "podEnv", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> podEnv;
    @Export(name = "nodeSelector", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> nodeSelector;

    private final ServiceAccount serviceAccount;
    private final WorkloadIdentity cloudIdentity;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args what to bind
     */
    public FederatedServiceAccount(String name, FederatedServiceAccountArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    what to bind
     * @param options Pulumi options for the component (providers, dependsOn, protect, ...)
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public FederatedServiceAccount(String name, FederatedServiceAccountArgs args, ComponentResourceOptions options) {
        this(name, ValidatedBinding.of(name, args), options);
    }

    private FederatedServiceAccount(String name, ValidatedBinding binding, ComponentResourceOptions options) {
        super(TYPE, name, binding.checks().gate(options));
        var args = binding.args();
        var provider = args.cluster().kubernetesProvider();
        var kubernetes = CustomResourceOptions.builder().parent(this).provider(provider);

        var workloads = ClusterWorkloads.of(args.cluster());
        var namespaceName = args.createNamespace()
                ? workloads.createdNamespace(binding.account().namespace(), name, binding.checks())
                : Output.of(binding.account().namespace());
        var waitFor = new ArrayList<Resource>();
        waitFor.add(args.cluster().readiness());
        if (binding.account().namespace().equals("kube-system")) {
            EngineWarnings.warn(this, "ServiceAccount kube-system/" + binding.account().name() + " gets a cloud identity: "
                    + "kube-system holds the cluster's own controllers, and anything that can run pods there can use it");
        }

        var cloud = binding.plan().bind(this);
        waitFor.addAll(cloud.readyWhen());

        var labels = new LinkedHashMap<String, String>();
        labels.put(MANAGED_BY_LABEL, "pulumi");
        labels.putAll(args.labels());
        this.serviceAccount = new ServiceAccount(name + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(binding.account().name())
                        .namespace(namespaceName)
                        .labels(labels)
                        .annotations(cloud.serviceAccountAnnotations())
                        .build())
                .automountServiceAccountToken(args.automountServiceAccountToken())
                .build(),
                kubernetes.dependsOn(waitFor).build());

        // The clusters that also trust the identity get the same annotated ServiceAccount, so pods
        // there run as it without a second, hand-made copy drifting from this one.
        for (var other : binding.plan().alsoTrustedIn()) {
            var otherNamespace = args.createNamespace()
                    ? ClusterWorkloads.of(other).createdNamespace(binding.account().namespace(), name, binding.checks())
                    : Output.of(binding.account().namespace());
            var otherWaitFor = new ArrayList<Resource>();
            otherWaitFor.add(other.readiness());
            otherWaitFor.addAll(cloud.readyWhen());
            new ServiceAccount(name + "-sa-" + ClusterWorkloads.of(other).clusterName(), ServiceAccountArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(binding.account().name())
                            .namespace(otherNamespace)
                            .labels(labels)
                            .annotations(cloud.serviceAccountAnnotations())
                            .build())
                    .automountServiceAccountToken(args.automountServiceAccountToken())
                    .build(),
                    CustomResourceOptions.builder().parent(this).provider(other.kubernetesProvider()).dependsOn(otherWaitFor).build());
        }

        this.namespace = serviceAccount.metadata().applyValue(m -> m.namespace().orElseThrow());
        this.serviceAccountName = serviceAccount.metadata().applyValue(m -> m.name().orElseThrow());
        this.cloudIdentity = cloud.identity();
        this.identity = cloudIdentity.exportValue();
        this.podLabels = Output.of(cloud.podLabels());
        this.podEnv = Output.of(cloud.podEnv());
        this.nodeSelector = Output.of(cloud.nodeSelector());

        registerOutputs(Map.of(
                "namespace", namespace,
                "serviceAccountName", serviceAccountName,
                "identity", identity,
                "podLabels", podLabels,
                "podEnv", podEnv,
                "nodeSelector", nodeSelector));
    }

    /** @return the ServiceAccount's namespace, known once the ServiceAccount exists */
    public Output<String> namespace() {
        return namespace;
    }

    /** @return the ServiceAccount's name, known once it exists: depend on this to run pods as it */
    public Output<String> serviceAccountName() {
        return serviceAccountName;
    }

    /** @return the cloud identity as one string: role ARN on AWS, principal or service account email on GCP, client id on Azure */
    public Output<String> identity() {
        return identity;
    }

    /**
     * The cloud identity in its cloud's own shape, e.g. to attach what keyless does not model to
     * the IAM role it created.
     *
     * <pre>{@code
     * var role = sa.cloudIdentity(IamRoleIdentity.class).role().orElseThrow();
     * }</pre>
     *
     * @param type the identity type of the cluster's cloud, e.g. {@code IamRoleIdentity}
     * @param <I>  that type
     * @return the identity
     * @throws InvalidInputException when the identity is of another type
     */
    public <I extends WorkloadIdentity> I cloudIdentity(Class<I> type) {
        if (!type.isInstance(cloudIdentity)) {
            throw InvalidInputException.of("cloudIdentity type", type.getSimpleName(),
                    "the identity type this binding made, " + cloudIdentity.getClass().getSimpleName());
        }
        return type.cast(cloudIdentity);
    }

    /** @return labels the workload's pod template must carry on this cloud (empty when none) */
    public Output<Map<String, String>> podLabels() {
        return podLabels;
    }

    /** @return environment variables the workload's containers should carry on this cloud */
    public Output<Map<String, String>> podEnv() {
        return podEnv;
    }

    /** @return the node selector the workload's pods must carry on this cloud (empty when none) */
    public Output<Map<String, String>> nodeSelector() {
        return nodeSelector;
    }

    /** @return the Kubernetes ServiceAccount resource */
    public ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    /**
     * Inputs checked and the cloud side planned, before the component registers anything; what
     * can only be checked at deploy time is in {@code checks}, which the component registers behind.
     */
    private record ValidatedBinding(FederatedServiceAccountArgs args, ServiceAccountRef account, IdentityPlan plan, DeployTimeCheck checks) {
        static ValidatedBinding of(String name, FederatedServiceAccountArgs args) {
            Checks.componentName(name);
            Checks.notNull("args", args, "FederatedServiceAccountArgs");
            args.validate();
            var account = new ServiceAccountRef(args.namespace(), args.name());
            var workloads = ClusterWorkloads.of(args.cluster());
            workloads.requireNamespaceAgreement(account.namespace(), args.createNamespace(), name);
            var mechanism = args.identity().orElseGet(() -> args.cluster().defaultIdentity());
            // The mechanism's own refusals are the more precise (one cluster adopted twice for one identity).
            var plan = mechanism.plan(new BindingRequest(name, account, args.cluster(), args.grants()));
            ServiceAccountBindings.requireUnbound(args.cluster(), account, name);
            // Trust of the same ServiceAccount in other clusters claims it there too.
            var others = plan.alsoTrustedIn();
            others.forEach(other -> ServiceAccountBindings.requireUnbound(other, account, name));
            others.forEach(other -> ClusterWorkloads.of(other).requireNamespaceAgreement(account.namespace(), args.createNamespace(), name));
            // Every plain rule has passed: only now is anything claimed.
            var checks = ServiceAccountBindings.bind(args.cluster(), account, name);
            for (var other : others) {
                checks = checks.and(ServiceAccountBindings.bind(other, account, name));
            }
            if (!args.createNamespace()) {
                workloads.existingNamespace(account.namespace(), name);
                others.forEach(other -> ClusterWorkloads.of(other).existingNamespace(account.namespace(), name));
            }
            return new ValidatedBinding(args, account, plan, plan.deployTimeChecks().and(checks));
        }
    }
}
