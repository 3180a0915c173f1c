package dev.keyless.core;

/**
 * The Kubernetes ServiceAccount a cloud identity trusts, validated.
 *
 * @param namespace its namespace, a DNS-1123 label
 * @param name      its name, a DNS-1123 subdomain
 */
public record ServiceAccountRef(String namespace, String name) {

    /** Checks both names. */
    public ServiceAccountRef {
        KubernetesNames.requireLabel("namespace", namespace);
        KubernetesNames.requireSubdomain("name", name);
    }

    /**
     * @return the subject of the ServiceAccount's tokens, {@code system:serviceaccount:NS:NAME}
     */
    public String subject() {
        return "system:serviceaccount:" + namespace + ":" + name;
    }
}
