package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure's rules for the vault, secret and key names a Key Vault grant names. A secret or key name
 * is one object: {@code *} or any other pattern is refused, as a grant names its secrets exactly.
 *
 * @see <a href="https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault">Naming rules: Microsoft.KeyVault</a>
 */
final class KeyVaultNames {
    static final String VAULT_RULE = "3 to 24 characters of [A-Za-z0-9-], starting with a letter, ending with a letter or digit, "
            + "with no two hyphens in a row (Key Vault name)";
    static final String OBJECT_RULE = "1 to 127 characters of [A-Za-z0-9-], one object named exactly, no wildcard (Key Vault %s name)";
    private static final Pattern VAULT = Pattern.compile("[A-Za-z](-?[A-Za-z0-9])+");
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9-]{1,127}");

    private KeyVaultNames() {
    }

    static String requireVaultName(String field, String value) {
        if (value == null || value.length() < 3 || value.length() > 24 || !VAULT.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, VAULT_RULE);
        }
        return value;
    }

    static String requireSecretName(String field, String value) {
        return requireObjectName(field, value, "secret");
    }

    static String requireKeyName(String field, String value) {
        return requireObjectName(field, value, "key");
    }

    private static String requireObjectName(String field, String value, String kind) {
        if (value == null || !OBJECT.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, OBJECT_RULE.formatted(kind));
        }
        return value;
    }
}
