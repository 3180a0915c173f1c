package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespaces the {@link FederatedServiceAccount}s of one program use in one cluster object.
 * (Which component binds a ServiceAccount is a rule of the cluster's trust domain, not of one
 * cluster object: {@link ServiceAccountBindings}.)
 *
 * <p>A namespace belongs to the cluster, not to the first workload that needs it: it is registered
 * once, as a child of the cluster ({@code CLUSTER-ns-NAMESPACE}), and every workload in it depends
 * on it. Removing a workload from the program then never deletes a namespace another workload
 * still uses; the namespace goes only when no workload asks for it.
 */
final class ClusterWorkloads {
    private final OidcCluster cluster;
    private final Map<String, NamespaceUse> namespaces = new HashMap<>();

    private ClusterWorkloads(OidcCluster cluster) {
        this.cluster = cluster;
    }

    /** @return the cluster object's workloads in the program now running (state per deployment, never static) */
    static ClusterWorkloads of(OidcCluster cluster) {
        return ProgramClaims.current().sharedFor(cluster, ClusterWorkloads.class, () -> new ClusterWorkloads(cluster));
    }

    /** Checks that the namespace is either created by keyless for every workload in it, or for none. */
    synchronized void requireNamespaceAgreement(String namespace, boolean create, String component) {
        var use = namespaces.get(namespace);
        if (use != null && use.created() != create) {
            throw InvalidInputException.of("createNamespace", create,
                    "the same for every workload in namespace '" + namespace + "' of " + cluster.describe()
                            + ": '" + use.firstComponent() + "' has " + use.created());
        }
    }

    /**
     * @param checks the deploy-time checks of the asking component: a namespace it creates waits
     *               for them, so a refused component leaves no namespace behind either
     * @return the namespace's name, known once it exists: created by the first workload that asks,
     *     shared by the rest
     */
    synchronized Output<String> createdNamespace(String namespace, String component, DeployTimeCheck checks) {
        var use = namespaces.computeIfAbsent(namespace, ns -> new NamespaceUse(component, true, register(ns, checks)));
        return use.name();
    }

    synchronized void existingNamespace(String namespace, String component) {
        namespaces.putIfAbsent(namespace, new NamespaceUse(component, false, Output.of(namespace)));
    }

    /** @return the cluster's Pulumi name, which prefixes what keyless registers in it */
    String clusterName() {
        return AlsoTrustedClusters.componentName(cluster);
    }

    private Output<String> register(String namespace, DeployTimeCheck checks) {
        var owner = cluster instanceof Resource resource ? resource : null;
        var prefix = clusterName();
        var options = CustomResourceOptions.builder().parent(owner).provider(cluster.kubernetesProvider());
        // Depending on the parent component would wait for the component's children, this one
        // included: a cycle. The provider already orders it after the cluster in that case.
        var waitFor = cluster.readiness() != owner ? List.of(cluster.readiness()) : List.<Resource>of();
        if (checks.isEmpty()) {
            options.dependsOn(waitFor);
        } else {
            // The namespace is the cluster's child, which the asking component's gate does not
            // reach. While a check is unknown (a preview) Pulumi drops the whole dependsOn, as it
            // would for any unknown one; at deploy time the namespace waits for both.
            options.dependsOn(checks.passed().applyValue(none -> waitFor));
        }
        var created = new Namespace(prefix + "-ns-" + namespace, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(namespace)
                        .labels(Map.of(FederatedServiceAccount.MANAGED_BY_LABEL, "pulumi"))
                        .build())
                .build(),
                options.build());
        return created.metadata().applyValue(m -> m.name().orElseThrow());
    }

    private record NamespaceUse(String firstComponent, boolean created, Output<String> name) {
    }
}
