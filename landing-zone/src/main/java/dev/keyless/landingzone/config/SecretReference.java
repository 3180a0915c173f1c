package dev.keyless.landingzone.config;

import com.pulumi.Config;
import com.pulumi.core.Output;

import java.util.Optional;

/**
 * A setting that names another config key holding a secret, such as an adopted cluster's
 * kubeconfig: the secret stays encrypted in the stack file, apart from the structured settings,
 * and reaches the program as a secret {@code Output}.
 */
public final class SecretReference {
    private SecretReference() {
    }

    /**
     * @param settings the map with the setting
     * @param key      the setting, e.g. {@code kubeconfigSecret}
     * @param hint     what the secret is, for the message when the setting is missing
     * @param config   the stack's config in the project's namespace
     * @return the secret, or empty when the setting is missing or names a key that is not set (reported)
     */
    public static Optional<Output<String>> require(ConfigNode settings, String key, String hint, Config config) {
        return settings.requiredText(key, "the config key that holds " + hint + " (pulumi config set --secret KEY ...)")
                .filter(name -> {
                    if (config.get(name).filter(value -> !value.isBlank()).isEmpty()) {
                        settings.problems().add(settings.path(key), "names config key '" + name + "', which is not set; set it with "
                                + "pulumi config set --secret " + name + " ...");
                        return false;
                    }
                    return true;
                })
                .map(config::requireSecret);
    }
}
