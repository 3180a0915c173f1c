package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KL004: a cloud key written into a workload: a container {@code env} entry
 * ({@code {name, value}}) of a Pod or workload controller, or anywhere in a Helm release's or
 * chart's values, where charts also take env as a map ({@code env.open.AWS_SECRET_ACCESS_KEY}).
 * As for Secrets (KL003), a cloud-key name with a non-empty value is a finding whatever the value,
 * unknown included, because the name says what it holds; any other known text is a finding only
 * when it is itself a key. Unknown values are never read as keys. {@code valueFrom} references
 * hold no value here: they are KL016's, and the Secret they name is KL003's.
 */
public final class WorkloadEnvKeyRule implements AuditRule {
    @Override public String id() { return "KL004"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Cloud key in a container's environment or Helm values"; }
    @Override public String fix() {
        return "Remove the key from the environment or values; the pod's federated ServiceAccount gives it credentials (keyless FederatedServiceAccount)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!Workloads.isWorkload(resource) && !Workloads.isHelm(resource)) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        walk(resource.inputs(), "", findings);
        return findings;
    }

    private static void walk(JsonNode node, String path, List<String> findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", findings);
            }
        } else if (node.isObject()) {
            JsonNode name = node.path("name");
            JsonNode value = node.path("value");
            boolean keyPair = name.isTextual() && CloudKeys.isKeyName(name.textValue()) && CloudKeys.couldBeKey(name.textValue(), value);
            if (keyPair) {
                findings.add(path + " " + name.textValue());
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (keyPair && field.getKey().equals("value")) {
                    continue; // already reported by its name; one finding per variable
                }
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (CloudKeys.isKeyName(field.getKey()) && CloudKeys.couldBeKey(field.getKey(), field.getValue())) {
                    findings.add(child);
                } else {
                    walk(field.getValue(), child, findings);
                }
            }
        } else if (node.isTextual() && !Unknowns.isUnknown(node)) {
            String key = CloudKeys.keyIn(node.textValue());
            if (key != null) {
                findings.add(path + ": " + key);
            }
        }
    }

}
