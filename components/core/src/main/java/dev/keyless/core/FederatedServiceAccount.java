package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes ServiceAccount with cloud identities and no stored key: each identity trusts
 * exactly this {@code namespace/name} through the cluster's OIDC issuer, the ServiceAccount carries
 * the annotations the clouds' webhooks read, and the identities hold least-privilege grants.
 *
 * <p>One identity per cloud the grants name: the cluster's own cloud through its native mechanism
 * (IRSA, EKS Pod Identity, GKE Workload Identity, Entra Workload ID), every other cloud through a
 * federation of the cluster's issuer (an IAM OIDC provider and role, a workload identity pool
 * provider, a user-assigned identity's federated credential). A workload on one cloud reads as it
 * always did; one on EKS that reads GCS just adds the GCS grant.
 *
 * <p>Children: {@code NAME-sa} and the cloud side the identity mechanism registers
 * ({@code NAME-role}, ...). The namespace, unless it exists, is the cluster's child
 * {@code CLUSTER-ns-NAMESPACE}, shared by every workload in it. What the workload's pod spec must
 * carry is {@link #podNeeds()}, exported as {@link #podLabels()}, {@link #podEnv()} and
 * {@link #nodeSelector()}, and written into a pod spec by {@link #podSpec} and {@link #podTemplate}.
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

    @Export(name = "identities", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> identities;

    private final ServiceAccount serviceAccount;
    private final Map<Cloud, WorkloadIdentity> cloudIdentities;
    private final PodNeeds needs;

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

        var clouds = new ArrayList<CloudBinding>();
        for (var planned : binding.plans().plans()) {
            clouds.add(planned.plan().bind(this));
        }
        var needs = mergedNeeds(binding.plans(), clouds);
        var annotations = mergedAnnotations(clouds);
        var readyWhen = new ArrayList<Resource>();
        clouds.forEach(cloud -> readyWhen.addAll(cloud.readyWhen()));
        waitFor.addAll(readyWhen);
        // Configuration files the clouds' client libraries read hold no secret: ConfigMaps in the
        // ServiceAccount's namespace, ready before any pod can run as it.
        for (var file : needs.files()) {
            waitFor.add(new ConfigMap(name + "-" + file.volumeName(), ConfigMapArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(file.configMapName())
                            .namespace(namespaceName)
                            .labels(Map.of(MANAGED_BY_LABEL, "pulumi"))
                            .build())
                    .data(file.content().applyValue(content -> Map.of(file.fileName(), content)))
                    .build(),
                    kubernetes.build()));
        }

        var labels = new LinkedHashMap<String, String>();
        labels.put(MANAGED_BY_LABEL, "pulumi");
        labels.putAll(args.labels());
        this.serviceAccount = new ServiceAccount(name + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(binding.account().name())
                        .namespace(namespaceName)
                        .labels(labels)
                        .annotations(annotations)
                        .build())
                .automountServiceAccountToken(args.automountServiceAccountToken())
                .build(),
                CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(waitFor).build());

        // The clusters that also trust the identity get the same annotated ServiceAccount, so pods
        // there run as it without a second, hand-made copy drifting from this one.
        var others = binding.plans().alsoTrustedIn();
        var otherKeys = AlsoTrustedClusters.childKeys(others);
        for (int i = 0; i < others.size(); i++) {
            var other = others.get(i);
            var otherNamespace = args.createNamespace()
                    ? ClusterWorkloads.of(other).createdNamespace(binding.account().namespace(), name, binding.checks())
                    : Output.of(binding.account().namespace());
            var otherWaitFor = new ArrayList<Resource>();
            otherWaitFor.add(other.readiness());
            otherWaitFor.addAll(readyWhen);
            new ServiceAccount(name + "-sa-" + otherKeys.get(i), ServiceAccountArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(binding.account().name())
                            .namespace(otherNamespace)
                            .labels(labels)
                            .annotations(annotations)
                            .build())
                    .automountServiceAccountToken(args.automountServiceAccountToken())
                    .build(),
                    CustomResourceOptions.builder().parent(this).provider(other.kubernetesProvider()).dependsOn(otherWaitFor).build());
        }

        this.namespace = serviceAccount.metadata().applyValue(m -> m.namespace().orElseThrow());
        this.serviceAccountName = serviceAccount.metadata().applyValue(m -> m.name().orElseThrow());
        var byCloud = new LinkedHashMap<Cloud, WorkloadIdentity>();
        for (int i = 0; i < clouds.size(); i++) {
            byCloud.put(binding.plans().plans().get(i).cloud(), clouds.get(i).identity());
        }
        this.cloudIdentities = java.util.Collections.unmodifiableMap(byCloud);
        this.identity = clouds.get(0).identity().exportValue();
        this.identities = IdentitiesByCloud.of(byCloud);
        this.needs = needs;
        this.podLabels = Output.of(needs.labels());
        this.podEnv = needs.envValues();
        this.nodeSelector = Output.of(needs.nodeSelector());

        registerOutputs(Map.of(
                "namespace", namespace,
                "serviceAccountName", serviceAccountName,
                "identity", identity,
                "identities", identities,
                "podLabels", podLabels,
                "podEnv", podEnv,
                "nodeSelector", nodeSelector));
    }

    private static PodNeeds mergedNeeds(CloudPlans plans, List<CloudBinding> clouds) {
        var needs = clouds.get(0).podNeeds();
        var what = plans.plans().get(0).mechanism().displayName();
        for (int i = 1; i < clouds.size(); i++) {
            var other = plans.plans().get(i).mechanism().displayName();
            needs = needs.merge(clouds.get(i).podNeeds(), what, other);
            what = what + " and " + other;
        }
        return needs;
    }

    // Each cloud's webhook reads its own annotation; one key from two clouds is a clash.
    private static Output<Map<String, String>> mergedAnnotations(List<CloudBinding> clouds) {
        if (clouds.size() == 1) {
            return clouds.get(0).serviceAccountAnnotations();
        }
        return Output.all(clouds.stream().map(CloudBinding::serviceAccountAnnotations).toList()).applyValue(maps -> {
            var merged = new LinkedHashMap<String, String>();
            for (var map : maps) {
                map.forEach((key, value) -> {
                    if (merged.putIfAbsent(key, value) != null) {
                        throw InvalidInputException.of("ServiceAccount annotation", key,
                                "set by one identity only, but two of the ServiceAccount's identities set it");
                    }
                });
            }
            return merged;
        });
    }

    /** @return the ServiceAccount's namespace, known once the ServiceAccount exists */
    public Output<String> namespace() {
        return namespace;
    }

    /** @return the ServiceAccount's name, known once it exists: depend on this to run pods as it */
    public Output<String> serviceAccountName() {
        return serviceAccountName;
    }

    /**
     * @return the cloud identity as one string: role ARN on AWS, principal or service account
     *     email on GCP, client id on Azure. With identities on several clouds, the cluster's own
     *     cloud's, or the first grant's cloud's when there is none on the cluster's cloud.
     */
    public Output<String> identity() {
        return identity;
    }

    /** @return every cloud identity as one string, by cloud name ({@code aws}, {@code gcp}, {@code azure}) */
    public Output<Map<String, String>> identities() {
        return identities;
    }

    /** @return the clouds the ServiceAccount has an identity on, the cluster's own first when it has one there */
    public java.util.Set<Cloud> clouds() {
        return cloudIdentities.keySet();
    }

    /**
     * @return what the workload's pods must carry for every identity: labels, environment,
     *     node selector, projected tokens and configuration files
     */
    public PodNeeds podNeeds() {
        return needs;
    }

    /**
     * Writes what the pods need into a pod spec the user builds, and makes the pods run as this
     * ServiceAccount: its name set, every container given the environment and mounts, the
     * volumes and node selector added. A value the spec already sets differently is refused.
     *
     * <pre>{@code
     * .spec(account.podSpec(PodSpecArgs.builder().containers(app).build()))
     * }</pre>
     *
     * @param spec the pod spec
     * @return the spec with what the identities need
     */
    public PodSpecArgs podSpec(PodSpecArgs spec) {
        return needs.applyTo(PodSpecArgs.builder(spec).serviceAccountName(serviceAccountName).build());
    }

    /**
     * As {@link #podSpec(PodSpecArgs)}, for a pod template: its labels get the needed ones too.
     *
     * @param template the pod template, its spec set
     * @return the template with what the identities need
     */
    public PodTemplateSpecArgs podTemplate(PodTemplateSpecArgs template) {
        var spec = template.spec().orElseThrow(() -> InvalidInputException.missing("spec", "give the pod template's spec, its containers at least"));
        return needs.applyTo(PodTemplateSpecArgs.builder(template)
                .spec(spec.applyValue(s -> PodSpecArgs.builder(s).serviceAccountName(serviceAccountName).build()))
                .build());
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
        for (var made : cloudIdentities.values()) {
            if (type.isInstance(made)) {
                return type.cast(made);
            }
        }
        throw InvalidInputException.of("cloudIdentity type", type.getSimpleName(),
                "an identity type this binding made: " + cloudIdentities.values().stream().map(i -> i.getClass().getSimpleName()).toList());
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
    private record ValidatedBinding(FederatedServiceAccountArgs args, ServiceAccountRef account, CloudPlans plans, DeployTimeCheck checks) {
        static ValidatedBinding of(String name, FederatedServiceAccountArgs args) {
            Checks.componentName(name);
            Checks.notNull("args", args, "FederatedServiceAccountArgs");
            args.validate();
            var account = new ServiceAccountRef(args.namespace(), args.name());
            var workloads = ClusterWorkloads.of(args.cluster());
            workloads.requireNamespaceAgreement(account.namespace(), args.createNamespace(), name);
            // The mechanisms' own refusals are the more precise (one cluster adopted twice for one identity).
            var plans = CloudPlans.of(name, account, args);
            ServiceAccountBindings.requireUnbound(args.cluster(), account, name);
            // Trust of the same ServiceAccount in other clusters claims it there too.
            var others = plans.alsoTrustedIn();
            // Clusters no child key tells apart are refused here, before anything registers.
            AlsoTrustedClusters.childKeys(others);
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
            return new ValidatedBinding(args, account, plans, plans.deployTimeChecks().and(checks));
        }
    }
}
