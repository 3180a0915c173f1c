package dev.keyless.core;

import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label keys and values, for the labels users add to what keyless creates.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set">Labels: syntax and character set</a>
 */
public final class KubernetesLabels {
    static final String KEY_RULE = "a label key: an optional DNS-1123 subdomain prefix and '/', then a name of <= 63 chars "
            + "of [A-Za-z0-9-_.] starting and ending with [A-Za-z0-9]; not under the reserved kubernetes.io/ or k8s.io/ prefixes";
    static final String VALUE_RULE = "a label value: empty, or <= 63 chars of [A-Za-z0-9-_.] starting and ending with [A-Za-z0-9]";
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private KubernetesLabels() {
    }

    /**
     * @param key   the key
     * @param value the value
     * @throws InvalidInputException when the key or value breaks Kubernetes' rules, or the key is one keyless sets itself
     */
    public static void requireUserLabel(String key, String value) {
        Checks.notNull("label key", key, "a label key");
        Checks.notNull("label value", value, "a label value (empty is allowed)");
        if (!isKey(key)) {
            throw InvalidInputException.of("label key", key, KEY_RULE);
        }
        if (key.equals(FederatedServiceAccount.MANAGED_BY_LABEL)) {
            throw InvalidInputException.of("label key", key, "a key keyless does not set itself (it marks what Pulumi manages)");
        }
        if (!value.isEmpty() && !isName(value)) {
            throw InvalidInputException.of("label value", value, VALUE_RULE);
        }
    }

    private static boolean isKey(String key) {
        var slash = key.indexOf('/');
        if (slash < 0) {
            return isName(key);
        }
        var prefix = key.substring(0, slash);
        if (prefix.equals("kubernetes.io") || prefix.equals("k8s.io")) {
            return false;
        }
        try {
            KubernetesNames.requireSubdomain("label key", prefix);
        } catch (InvalidInputException notASubdomain) {
            return false;
        }
        return isName(key.substring(slash + 1));
    }

    private static boolean isName(String name) {
        return name.length() <= 63 && NAME.matcher(name).matches();
    }
}
