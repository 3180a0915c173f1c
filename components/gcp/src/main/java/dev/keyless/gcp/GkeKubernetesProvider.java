package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/** The Kubernetes provider {@code NAME-k8s} of a GKE cluster, created or adopted; its kubeconfig stays secret. */
final class GkeKubernetesProvider {
    private GkeKubernetesProvider() {
    }

    static Provider create(ComponentResource owner, String name, Output<String> kubeconfig, List<Resource> waitFor) {
        return new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig.asSecret())
                .build(),
                CustomResourceOptions.builder().parent(owner).dependsOn(waitFor).build());
    }
}
