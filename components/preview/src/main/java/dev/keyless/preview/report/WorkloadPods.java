package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pods that run as one Kubernetes ServiceAccount: the workload objects (Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job, CronJob, Pod) in its namespace whose pod template names it in
 * {@code serviceAccountName}, and the Helm releases in its namespace whose values name it in
 * {@code serviceAccount.name}, the key most charts read (chartmuseum's among them).
 */
final class WorkloadPods {
    private static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
    // Where each kind keeps its pod spec.
    private static final Map<String, String> POD_SPEC = Map.of(
            "Pod", "spec",
            "Deployment", "spec.template.spec",
            "StatefulSet", "spec.template.spec",
            "DaemonSet", "spec.template.spec",
            "ReplicaSet", "spec.template.spec",
            "Job", "spec.template.spec",
            "CronJob", "spec.jobTemplate.spec.template.spec");

    private WorkloadPods() {
    }

    /**
     * @param ordered        every resource a program registered, in the report's order ({@link TreeOrder})
     * @param serviceAccount a {@code kubernetes:core/v1:ServiceAccount}
     * @return the resources whose pods use it, in that order
     */
    static List<RegisteredResource> of(List<RegisteredResource> ordered, RegisteredResource serviceAccount) {
        var name = serviceAccount.input("metadata.name");
        var namespace = serviceAccount.input("metadata.namespace").orElse("default");
        if (name.isEmpty()) {
            return List.of();
        }
        return ordered.stream()
                // Two clusters may each hold a ServiceAccount of the same name: the pods must be on its cluster.
                .filter(resource -> resource.providerReference().equals(serviceAccount.providerReference()))
                .filter(resource -> usesAccount(resource, name.get(), namespace))
                .toList();
    }

    private static boolean usesAccount(RegisteredResource resource, Object name, Object namespace) {
        if (resource.read()) {
            return false;
        }
        if (resource.type().equals(HELM_RELEASE)) {
            return namespace.equals(resource.input("namespace").orElse("default"))
                    && name.equals(resource.input("values.serviceAccount.name").orElse(null));
        }
        Optional<String> podSpec = KubernetesObjects.apiVersionAndKind(resource).map(kind -> POD_SPEC.get(kind[1]));
        return podSpec.isPresent()
                && namespace.equals(resource.input("metadata.namespace").orElse("default"))
                && name.equals(resource.input(podSpec.get() + ".serviceAccountName").orElse(null));
    }
}
