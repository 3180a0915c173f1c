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
 * KL015: a Secret, ConfigMap, workload (its container env) or Helm release values built from a
 * static credential, followed through the plan's data flow ({@link CredentialSources}): from an
 * {@code aws:iam/AccessKey} or a {@code gcp:serviceaccount/Key}, directly or through other
 * resources, whatever the value looks like (in a new stack's preview it is unknown); or from an
 * Azure resource whose keys an invoke hands out (a storage account's
 * {@code listStorageAccountKeys}), when an entry named like a key or connection string holds an
 * unknown or secret value (the account's name flows the same way, and is no finding), or a
 * Secret's whole data is unknown.
 */
public final class CredentialBuiltValueRule implements AuditRule {
    @Override public String id() { return "KL015"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Kubernetes object or Helm values built from a static cloud credential"; }
    @Override public String fix() {
        return "Remove the credential and what is built from it; federate the pod's ServiceAccount instead (keyless FederatedServiceAccount)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> properties = properties(resource);
        List<String> findings = new ArrayList<>();
        for (String property : properties) {
            CredentialSources.mintedInto(resource, property, plan)
                    .forEach(path -> findings.add(property + " built from " + path));
            for (PlanResource keys : CredentialSources.keyHandersOf(resource, property, plan)) {
                for (String entry : keyEntries(resource, property)) {
                    findings.add(entry + " built from " + CredentialSources.describe(keys) + "'s keys");
                }
            }
        }
        return findings;
    }

    /** The inputs of the resource that a credential would be copied into. */
    private static List<String> properties(PlanResource resource) {
        if (resource.isType("kubernetes", "core", "Secret")) {
            return List.of("data", "stringData");
        }
        if (resource.isType("kubernetes", "core", "ConfigMap")) {
            return List.of("data", "binaryData");
        }
        if (Workloads.isWorkload(resource)) {
            return List.of("spec");
        }
        return Workloads.isHelm(resource) ? List.of("values") : List.of();
    }

    /** Where in {@code property} a key of an Azure resource may sit, as paths. */
    private static List<String> keyEntries(PlanResource resource, String property) {
        JsonNode value = resource.get(property);
        List<String> entries = new ArrayList<>();
        if (Unknowns.isUnknown(value) && resource.isType("kubernetes", "core", "Secret")) {
            entries.add(property + " (unknown)"); // a Secret is where keys are kept
        } else {
            walk(value, property, entries);
        }
        return entries;
    }

    private static void walk(JsonNode node, String path, List<String> entries) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", entries);
            }
        } else if (node.isObject()) {
            JsonNode name = node.path("name");
            if (name.isTextual() && CloudKeys.looksLikeKeyName(name.textValue()) && opaque(node.path("value"))) {
                entries.add(path + " " + name.textValue());
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String child = path + "." + field.getKey();
                if (CloudKeys.looksLikeKeyName(field.getKey()) && opaque(field.getValue())) {
                    entries.add(child);
                } else {
                    walk(field.getValue(), child, entries);
                }
            }
        }
    }

    /** A value the plan does not show: unknown (in whole or part) or secret. */
    private static boolean opaque(JsonNode value) {
        return value.isTextual() && (Unknowns.containsUnknown(value.textValue()) || value.textValue().equals("[secret]"));
    }
}
