package dev.keyless.core;

import java.util.regex.Pattern;

/**
 * Kubernetes' naming rules for the names keyless puts into trust conditions. A name the API server
 * would reject must fail here, before a cloud role is made to trust it.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/names/">Object names and IDs</a>
 */
public final class KubernetesNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** The rule text for a DNS-1123 label. */
    public static final String LABEL_RULE = "a DNS-1123 label (<= 63 chars, [a-z0-9-], starting and ending with [a-z0-9])";
    /** The rule text for a DNS-1123 subdomain. */
    public static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain (<= 253 chars, dot-separated labels of [a-z0-9-], each starting and ending with [a-z0-9])";

    private KubernetesNames() {
    }

    /**
     * Checks a namespace name.
     *
     * @param field the input's name, for the message
     * @param value the namespace
     * @return the value
     * @throws InvalidInputException when it is not a DNS-1123 label
     */
    public static String requireLabel(String field, String value) {
        if (!isLabel(value)) {
            throw InvalidInputException.of(field, value, LABEL_RULE);
        }
        return value;
    }

    /**
     * Checks a ServiceAccount name.
     *
     * @param field the input's name, for the message
     * @param value the name
     * @return the value
     * @throws InvalidInputException when it is not a DNS-1123 subdomain
     */
    public static String requireSubdomain(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 253 || value.startsWith(".") || value.endsWith(".")) {
            throw InvalidInputException.of(field, value, SUBDOMAIN_RULE);
        }
        for (var label : value.split("\\.", -1)) {
            if (!isLabel(label)) {
                throw InvalidInputException.of(field, value, SUBDOMAIN_RULE);
            }
        }
        return value;
    }

    private static boolean isLabel(String value) {
        return value != null && value.length() <= 63 && LABEL.matcher(value).matches();
    }
}
