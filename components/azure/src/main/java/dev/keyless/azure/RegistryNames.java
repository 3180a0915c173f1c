package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure's rule for the registry name a {@link ContainerRegistryAccess} grant names.
 *
 * @see <a href="https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerregistry">Naming rules: Microsoft.ContainerRegistry</a>
 */
final class RegistryNames {
    static final String REGISTRY_RULE = "5 to 50 letters and digits (container registry name)";
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9]{5,50}");

    private RegistryNames() {
    }

    static String requireRegistryName(String field, String value) {
        if (value == null || !REGISTRY.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, REGISTRY_RULE);
        }
        return value;
    }
}
