package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * KL022: the Kubernetes API token of a ServiceAccount that carries a cloud identity, mounted into
 * its pods (Checkov CKV_K8S_38: tokens only where needed). The identity webhooks and the GKE
 * metadata server give pods their cloud tokens without it, so the mounted token only lets a
 * compromised pod act on the cluster API as the identity's account. Found on a ServiceAccount
 * annotated {@code eks.amazonaws.com/role-arn}, {@code iam.gke.io/gcp-service-account} or
 * {@code azure.workload.identity/client-id} whose {@code automountServiceAccountToken} is not
 * {@code false} (unset means mounted), on a workload that sets it {@code true} for such an account
 * of the plan (the pod's setting wins), and on Helm values whose {@code serviceAccount} carries such
 * an annotation and sets {@code automountServiceAccountToken: true}. Unknown settings are skipped.
 */
public final class IdentityTokenAutomountRule implements AuditRule {
    private static final Set<String> IDENTITY_ANNOTATIONS = Set.of(
            "eks.amazonaws.com/role-arn", "iam.gke.io/gcp-service-account", "azure.workload.identity/client-id");

    @Override public String id() { return "KL022"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "ServiceAccount with a cloud identity mounts its Kubernetes API token"; }
    @Override public String fix() {
        return "Set automountServiceAccountToken: false on the ServiceAccount and leave it unset on its pods (keyless FederatedServiceAccount does)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (resource.isType("kubernetes", "core", "ServiceAccount")) {
            String identity = identity(resource.get("metadata").path("annotations"));
            JsonNode automount = resource.get("automountServiceAccountToken");
            if (identity != null && !Unknowns.isUnknown(automount) && !isFalse(automount)) {
                return List.of(identity + " and automountServiceAccountToken " + (automount.isBoolean() ? "true" : "unset"));
            }
        } else if (Workloads.isWorkload(resource)) {
            JsonNode spec = Workloads.podSpec(resource);
            if (spec.path("automountServiceAccountToken").asBoolean(false)
                    && spec.path("automountServiceAccountToken").isBoolean()) {
                String account = spec.path("serviceAccountName").asText("");
                String namespace = Workloads.namespace(resource);
                boolean federated = plan.ofType("kubernetes", "core", "ServiceAccount").stream()
                        .anyMatch(sa -> account.equals(sa.get("metadata").path("name").asText())
                                && (namespace == null || Workloads.namespace(sa) == null
                                        || Objects.equals(namespace, Workloads.namespace(sa)))
                                && identity(sa.get("metadata").path("annotations")) != null);
                if (federated) {
                    return List.of(Workloads.podSpecPath(resource) + ".automountServiceAccountToken true for " + account);
                }
            }
        } else if (Workloads.isHelm(resource)) {
            JsonNode account = resource.get("values").path("serviceAccount");
            String identity = identity(account.path("annotations"));
            JsonNode automount = account.path("automountServiceAccountToken");
            if (identity != null && automount.isBoolean() && automount.booleanValue()) {
                return List.of("values.serviceAccount: " + identity + " and automountServiceAccountToken true");
            }
        }
        return List.of();
    }

    /** The identity annotation present, or null. */
    private static String identity(JsonNode annotations) {
        return IDENTITY_ANNOTATIONS.stream().filter(annotations::has).findFirst().orElse(null);
    }

    private static boolean isFalse(JsonNode value) {
        return value.isBoolean() && !value.booleanValue();
    }
}
