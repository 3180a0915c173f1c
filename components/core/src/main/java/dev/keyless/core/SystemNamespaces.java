package dev.keyless.core;

import java.util.List;
import java.util.Set;

/**
 * The namespaces Kubernetes creates and owns. keyless never creates or manages them; a workload
 * may still run in one, and trust in {@code kube-system} is worth a warning.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces">Initial namespaces</a>
 */
public final class SystemNamespaces {
    static final Set<String> ALL = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private SystemNamespaces() {
    }

    /**
     * @param namespace a namespace name
     * @return whether Kubernetes creates and owns it, so that nothing else may create it
     */
    public static boolean contains(String namespace) {
        return ALL.contains(namespace);
    }

    /** @return the system namespaces, sorted, for messages */
    public static List<String> sorted() {
        return ALL.stream().sorted().toList();
    }
}
