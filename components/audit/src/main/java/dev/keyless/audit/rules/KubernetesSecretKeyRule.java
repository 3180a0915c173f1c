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
 * KL003: a Kubernetes Secret holding a cloud key, in {@code data} (base64) or {@code stringData}.
 * A key named like a cloud secret ({@code AWS_SECRET_ACCESS_KEY}, {@code AZURE_STORAGE_ACCESS_KEY},
 * {@code AZURE_STORAGE_CONNECTION_STRING}) is a finding whatever its value, unknown or secret
 * included, unless it is empty: the name says what the Secret holds. Other keys are findings only
 * when their known text is a key (a service-account JSON, an AWS credentials file, a connection
 * string with {@code AccountKey}); an unknown or {@code [secret]} value cannot be read and is not.
 */
public final class KubernetesSecretKeyRule implements AuditRule {
    @Override public String id() { return "KL003"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Kubernetes Secret holding a cloud key"; }
    @Override public String fix() {
        return "Delete the key from the Secret and federate the pod's ServiceAccount instead (keyless FederatedServiceAccount)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("kubernetes", "core", "Secret")) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        scan(resource.get("stringData"), "stringData", false, findings);
        scan(resource.get("data"), "data", true, findings);
        return findings;
    }

    private static void scan(JsonNode entries, String field, boolean base64, List<String> findings) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) entries::fields) {
            JsonNode value = entry.getValue();
            String where = field + "." + entry.getKey();
            if (CloudKeys.isKeyName(entry.getKey()) && !value.asText("").isEmpty()) {
                findings.add(where);
            } else if (value.isTextual() && !Unknowns.isUnknown(value)) {
                String key = base64 ? CloudKeys.keyInBase64(value.textValue()) : CloudKeys.keyIn(value.textValue());
                if (key != null) {
                    findings.add(where + ": " + key);
                }
            }
        }
    }
}
