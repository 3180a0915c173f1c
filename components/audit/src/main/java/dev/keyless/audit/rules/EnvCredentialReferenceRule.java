package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * KL016: a workload's environment that points at a static credential kept elsewhere, in a Pod or
 * workload controller, a Helm release's values, or a ConfigMap:
 * <ul>
 *   <li>an env entry whose {@code valueFrom.secretKeyRef} reads, or whose name is, a cloud
 *       credential ({@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 *       {@code AZURE_CLIENT_SECRET}, {@code AZURE_STORAGE_ACCESS_KEY},
 *       {@code AZURE_STORAGE_CONNECTION_STRING}, {@code GOOGLE_APPLICATION_CREDENTIALS}): the key
 *       lives in a Secret, perhaps another stack's;</li>
 *   <li>{@code AZURE_CLIENT_SECRET} set to any non-empty value: a service principal's password;</li>
 *   <li>{@code AWS_ACCESS_KEY_ID} set to a literal access key id ({@code AKIA…} long-term,
 *       {@code ASIA…} temporary);</li>
 *   <li>in a pod spec, {@code GOOGLE_APPLICATION_CREDENTIALS} naming a file the container mounts
 *       from a Secret volume: a service-account key file. A file from a ConfigMap is a workload
 *       identity federation configuration, which holds no key, and passes.</li>
 * </ul>
 * Unknown values are never read as ids or paths. Helm values are not pod specs, so the key-file
 * case is judged for workloads only.
 */
public final class EnvCredentialReferenceRule implements AuditRule {
    private static final Set<String> CREDENTIAL_NAMES = Set.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AZURE_CLIENT_SECRET", "AZURE_STORAGE_ACCESS_KEY", "AZURE_STORAGE_CONNECTION_STRING",
            "GOOGLE_APPLICATION_CREDENTIALS");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

    @Override public String id() { return "KL016"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Workload environment points at a static cloud credential"; }
    @Override public String fix() {
        return "Drop the credential from the environment and its Secret; the pod's federated ServiceAccount gives it short-lived credentials (keyless FederatedServiceAccount)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        if (Workloads.isWorkload(resource)) {
            walk(resource.get("spec"), "spec", findings);
            keyFiles(Workloads.podSpec(resource), Workloads.podSpecPath(resource), findings);
        } else if (Workloads.isHelm(resource)) {
            walk(resource.get("values"), "values", findings);
        } else if (resource.isType("kubernetes", "core", "ConfigMap")) {
            walk(resource.get("data"), "data", findings);
        }
        return findings;
    }

    private static void walk(JsonNode node, String path, List<String> findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", findings);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode name = node.path("name");
        if (name.isTextual() && (node.has("value") || node.has("valueFrom"))) {
            envEntry(name.textValue(), node, path, findings);
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String child = path + "." + field.getKey();
            String literal = literalProblem(field.getKey(), field.getValue());
            if (literal != null) {
                findings.add(child + ": " + literal); // charts take env as maps too (env.open.NAME)
            } else {
                walk(field.getValue(), child, findings);
            }
        }
    }

    private static void envEntry(String name, JsonNode entry, String path, List<String> findings) {
        JsonNode secretRef = entry.path("valueFrom").path("secretKeyRef");
        if (secretRef.isObject()) {
            String key = secretRef.path("key").asText("");
            if (isCredentialName(name) || isCredentialName(key)) {
                findings.add(path + " " + name + " from Secret " + secretRef.path("name").asText("?") + " key " + key);
            }
            return;
        }
        String literal = literalProblem(name, entry.path("value"));
        if (literal != null) {
            findings.add(path + " " + name + ": " + literal);
        }
    }

    /** What is wrong with {@code name} set to {@code value} literally, or null. */
    private static String literalProblem(String name, JsonNode value) {
        if (!value.isTextual() || value.textValue().isEmpty()) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("AZURE_CLIENT_SECRET")) {
            return "a service principal secret";
        }
        if (upper.equals("AWS_ACCESS_KEY_ID") && ACCESS_KEY_ID.matcher(value.textValue().strip()).matches()) {
            String id = value.textValue().strip();
            return "access key id " + id.substring(0, 8) + "…";
        }
        return null;
    }

    private static boolean isCredentialName(String name) {
        return CREDENTIAL_NAMES.contains(name.toUpperCase(Locale.ROOT));
    }

    /** GOOGLE_APPLICATION_CREDENTIALS naming a file mounted from a Secret, container by container. */
    private static void keyFiles(JsonNode podSpec, String path, List<String> findings) {
        for (String list : List.of("initContainers", "containers")) {
            JsonNode containers = podSpec.path(list);
            for (int i = 0; i < containers.size(); i++) {
                JsonNode container = containers.get(i);
                for (JsonNode env : container.path("env")) {
                    JsonNode file = env.path("value");
                    if (KEY_FILE_VARIABLE.equals(env.path("name").asText()) && file.isTextual()
                            && !Unknowns.containsUnknown(file.textValue())) {
                        String secret = secretMounting(podSpec, container, file.textValue());
                        if (secret != null) {
                            findings.add(path + "." + list + "[" + i + "] " + KEY_FILE_VARIABLE + " "
                                    + Values.shorten(file.textValue()) + ": a key file from Secret " + secret);
                        }
                    }
                }
            }
        }
    }

    /** The Secret that the container's mount holding {@code file} comes from, or null. */
    private static String secretMounting(JsonNode podSpec, JsonNode container, String file) {
        JsonNode mount = null;
        for (JsonNode candidate : container.path("volumeMounts")) {
            String at = candidate.path("mountPath").asText("");
            boolean holds = !at.isEmpty() && (file.equals(at) || file.startsWith(at.endsWith("/") ? at : at + "/"));
            if (holds && (mount == null || at.length() > mount.path("mountPath").asText().length())) {
                mount = candidate;
            }
        }
        if (mount == null) {
            return null;
        }
        for (JsonNode volume : podSpec.path("volumes")) {
            if (volume.path("name").asText().equals(mount.path("name").asText())) {
                if (volume.path("secret").isObject()) {
                    return volume.path("secret").path("secretName").asText("?");
                }
                for (JsonNode source : volume.path("projected").path("sources")) {
                    if (source.path("secret").isObject()) {
                        return source.path("secret").path("name").asText("?");
                    }
                }
            }
        }
        return null;
    }
}
