package dev.keyless.core;

/**
 * The one rule for the names of a component's children: {@code NAME-ROLE}. Child names are part
 * of every child's URN, so each component, cluster and binding makes them here and nowhere else.
 */
public final class ChildNames {
    private ChildNames() {
    }

    /**
     * @param baseName the component's logical name
     * @param role     the child's role, e.g. {@code role}, {@code k8s} or {@code credential-CLUSTER}
     * @return the child's name, {@code baseName-role}
     */
    public static String of(String baseName, String role) {
        return baseName + "-" + role;
    }
}
