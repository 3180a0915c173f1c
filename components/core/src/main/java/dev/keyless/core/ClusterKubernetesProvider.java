package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The Kubernetes provider every {@link OidcCluster} component owns, created or adopted, on any
 * cloud: {@code NAME-k8s}, a child of the cluster, its kubeconfig kept secret.
 */
public final class ClusterKubernetesProvider {
    private ClusterKubernetesProvider() {
    }

    /**
     * @param owner      the cluster component
     * @param name       the component's logical name
     * @param kubeconfig a kubeconfig that holds no credential (it names an exec plugin)
     * @param waitFor    what must exist before the provider talks to the cluster (nodes, trust)
     * @return the provider
     */
    public static Provider create(ComponentResource owner, String name, Output<String> kubeconfig, List<? extends Resource> waitFor) {
        return new Provider(ChildNames.of(name, "k8s"), ProviderArgs.builder()
                .kubeconfig(kubeconfig.asSecret())
                .build(),
                CustomResourceOptions.builder().parent(owner).dependsOn(List.copyOf(waitFor)).build());
    }

    /**
     * The rule every kubeconfig a cluster is given meets, on any cloud, plain or once known.
     *
     * @param kubeconfig the kubeconfig, YAML or JSON
     * @return the kubeconfig
     * @throws InvalidInputException when it is null or blank
     */
    public static String requireKubeconfig(String kubeconfig) {
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw InvalidInputException.of("kubeconfig", kubeconfig, "a non-empty kubeconfig, YAML or JSON");
        }
        return kubeconfig;
    }
}
