package dev.keyless.landingzone;

import com.pulumi.core.Output;
import dev.keyless.landingzone.config.GrantSpec;
import dev.keyless.landingzone.config.LandingZoneConfig;
import dev.keyless.landingzone.config.WorkloadSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each workload's trust chain as a Mermaid flowchart, from the landing zone's own model, for the
 * {@code diagrams} output (GitHub renders Mermaid): each cluster that issues its tokens, the
 * mechanism and the cloud identity it trusts, the grants on that identity, the ServiceAccount on
 * each cluster, and the pods that run as it. The exact trust documents (subject, audience, issuer
 * URL) are in the offline preview's {@code --diagram}, read from the resources themselves.
 *
 * <p>Labels are quoted and {@code #}, {@code "}, {@code <}, {@code >} written as Mermaid entity
 * codes, as the preview's diagrams are, so any configured name parses.
 */
final class WorkloadDiagrams {
    private WorkloadDiagrams() {
    }

    /**
     * @return workload key to its flowchart's text
     */
    static Output<Map<String, Object>> of(LandingZoneConfig config, LandingZoneResources deployed) {
        var keys = new ArrayList<>(config.workloads().keySet());
        var each = keys.stream().map(key -> diagram(config, config.workloads().get(key), deployed)).toList();
        return Output.all(each).applyValue(known -> {
            var diagrams = new LinkedHashMap<String, Object>();
            for (int i = 0; i < keys.size(); i++) {
                diagrams.put(keys.get(i), known.get(i));
            }
            return diagrams;
        });
    }

    private static Output<String> diagram(LandingZoneConfig config, WorkloadSpec spec, LandingZoneResources deployed) {
        var clusters = new ArrayList<String>();
        clusters.add(spec.cluster());
        clusters.addAll(spec.alsoTrustedBy());
        return deployed.workloads().get(spec.key()).identity().applyValue(identity -> {
            var lines = new ArrayList<String>(List.of("flowchart LR"));
            var cloud = config.clusters().get(spec.cluster()).cloud().configName();
            lines.add(node("n1", "identity (" + cloud + ", " + spec.mechanism() + ")\n" + identity));
            int next = 2;
            for (var grant : spec.grants()) {
                var id = "n" + next++;
                lines.add(node(id, "grant\n" + grant(config, grant)));
                lines.add("    n1 -->|\"granted\"| " + id);
            }
            for (var cluster : clusters) {
                var issuer = "n" + next++;
                var account = "n" + next++;
                var pods = "n" + next++;
                lines.add(node(issuer, "issuer\ncluster " + cluster + "\n" + deployed.clusters().get(cluster).describe()));
                lines.add("    " + issuer + " -->|\"" + escape("sub: system:serviceaccount:" + spec.namespace() + ":" + spec.serviceAccount()) + "\"| n1");
                lines.add(node(account, "ServiceAccount\n" + spec.namespace() + "/" + spec.serviceAccount() + "\ncluster " + cluster));
                lines.add("    n1 -->|\"assumed by\"| " + account);
                lines.add(node(pods, "pods in " + spec.namespace() + " with serviceAccountName: " + spec.serviceAccount()));
                lines.add("    " + account + " -->|\"runs\"| " + pods);
            }
            return String.join("\n", lines) + "\n";
        });
    }

    // "ledger: read-write, prefix raw/": the store's key, the access, and the prefix it is limited to.
    private static String grant(LandingZoneConfig config, GrantSpec grant) {
        var store = config.stores().get(grant.store());
        return grant.store() + (store == null ? "" : " (" + store.cloud().configName() + ")")
                + ": " + grant.access()
                + grant.prefix().map(prefix -> ", prefix " + prefix).orElse("");
    }

    private static String node(String id, String label) {
        return "    " + id + "[\"" + escape(label) + "\"]";
    }

    // The same rule as the preview's MermaidFlowchart: # first, since every entity code starts with it.
    private static String escape(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("\r", "").replace("\n", "<br>");
    }
}
