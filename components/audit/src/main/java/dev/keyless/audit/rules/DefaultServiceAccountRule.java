package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;

/**
 * KL021: the {@code default} ServiceAccount in use (Checkov CKV_K8S_41, CKV_K8S_42): a workload
 * whose pod spec names no {@code serviceAccountName}, or {@code default}; a {@code default}
 * ServiceAccount that mounts its token; a RoleBinding or ClusterRoleBinding granting it a role.
 * Every pod of a namespace that names no account shares it, so anything granted to it is granted
 * to them all. Helm releases are read by the convention most charts follow: values
 * {@code serviceAccount.create: false} with no {@code serviceAccount.name}, or a
 * {@code serviceAccount.name} or {@code serviceAccountName} of {@code default}; values that do not
 * set them leave the chart's own defaults, which the plan does not show, and pass. Unknown names
 * are skipped.
 */
public final class DefaultServiceAccountRule implements AuditRule {
    private static final String DEFAULT = "default";

    @Override public String id() { return "KL021"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Pods run as, or roles are bound to, the default ServiceAccount"; }
    @Override public String fix() {
        return "Give each workload its own ServiceAccount and set serviceAccountName (keyless FederatedServiceAccount), and set automountServiceAccountToken: false on default";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (Workloads.isWorkload(resource)) {
            return workload(resource);
        }
        if (Workloads.isHelm(resource)) {
            return helm(resource.get("values"));
        }
        if (resource.isType("kubernetes", "core", "ServiceAccount")) {
            JsonNode automount = resource.get("automountServiceAccountToken");
            boolean isDefault = DEFAULT.equals(resource.get("metadata").path("name").asText(null));
            boolean off = automount.isBoolean() && !automount.booleanValue() || Unknowns.isUnknown(automount);
            return isDefault && !off ? List.of("default ServiceAccount mounts its token") : List.of();
        }
        if (resource.isType("kubernetes", "rbac.authorization.k8s.io", "RoleBinding")
                || resource.isType("kubernetes", "rbac.authorization.k8s.io", "ClusterRoleBinding")) {
            for (JsonNode subject : resource.get("subjects")) {
                if ("ServiceAccount".equals(subject.path("kind").asText()) && DEFAULT.equals(subject.path("name").asText())) {
                    return List.of("binds " + resource.get("roleRef").path("name").asText("a role") + " to "
                            + subject.path("namespace").asText("?") + "/default");
                }
            }
        }
        return List.of();
    }

    private static List<String> workload(PlanResource resource) {
        JsonNode spec = Workloads.podSpec(resource);
        if (!spec.isObject()) {
            return List.of(); // missing or unknown: nothing to read
        }
        JsonNode name = spec.path("serviceAccountName");
        if (name.isMissingNode() || name.isNull()) {
            name = spec.path("serviceAccount"); // the deprecated spelling Kubernetes still honours
        }
        if (Unknowns.isUnknown(name)) {
            return List.of();
        }
        String account = name.asText("");
        String path = Workloads.podSpecPath(resource);
        if (account.isEmpty()) {
            return List.of(path + " names no serviceAccountName: pods run as default");
        }
        return account.equals(DEFAULT) ? List.of(path + ".serviceAccountName default") : List.of();
    }

    private static List<String> helm(JsonNode values) {
        JsonNode account = values.path("serviceAccount");
        JsonNode name = account.path("name");
        if (Unknowns.isUnknown(name) || Unknowns.isUnknown(account.path("create"))) {
            return List.of();
        }
        if (DEFAULT.equals(name.asText(null)) || DEFAULT.equals(values.path("serviceAccountName").asText(null))) {
            return List.of("values name the default ServiceAccount");
        }
        boolean created = !(account.path("create").isBoolean() && !account.path("create").booleanValue());
        if (!created && name.asText("").isEmpty()) {
            return List.of("values.serviceAccount: create false and no name: pods run as default");
        }
        return List.of();
    }
}
