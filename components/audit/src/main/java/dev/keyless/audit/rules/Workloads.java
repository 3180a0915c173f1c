package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.Set;

/** Kubernetes resources that run pods, and Helm releases, as rules over pods read them. */
final class Workloads {
    private static final Set<String> CONTROLLERS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job");

    private Workloads() {
    }

    /** Whether the resource is a Pod or a controller of pods (Deployment, …, CronJob). */
    static boolean isWorkload(PlanResource resource) {
        String name = kubernetesKind(resource);
        return name != null && (name.equals("Pod") || name.equals("CronJob") || CONTROLLERS.contains(name));
    }

    /** Whether the resource is a Helm release or chart, whose {@code values} configure the chart's pods. */
    static boolean isHelm(PlanResource resource) {
        String[] type = resource.type().split(":");
        return type.length == 3 && type[0].equals("kubernetes") && type[1].startsWith("helm.sh/");
    }

    /**
     * The pod spec of a workload: a Pod's {@code spec}, a controller's {@code spec.template.spec},
     * a CronJob's {@code spec.jobTemplate.spec.template.spec}. Missing for anything else, and
     * missing or unknown when the preview does not know it.
     */
    static JsonNode podSpec(PlanResource resource) {
        String kind = kubernetesKind(resource);
        JsonNode spec = resource.get("spec");
        if (kind == null) {
            return spec.path("no such field");
        }
        return switch (kind) {
            case "Pod" -> spec;
            case "CronJob" -> spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    /** The path {@link #podSpec} reads, for findings. */
    static String podSpecPath(PlanResource resource) {
        String kind = kubernetesKind(resource);
        return "Pod".equals(kind) ? "spec" : "CronJob".equals(kind) ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec";
    }

    /** The namespace in the resource's metadata, or null when unset or unknown. */
    static String namespace(PlanResource resource) {
        JsonNode namespace = resource.get("metadata").path("namespace");
        return namespace.isTextual() && !Unknowns.isUnknown(namespace) ? namespace.textValue() : null;
    }

    private static String kubernetesKind(PlanResource resource) {
        String[] type = resource.type().split(":");
        return type.length == 3 && type[0].equals("kubernetes") && !type[1].startsWith("helm.sh/") ? type[2] : null;
    }
}
