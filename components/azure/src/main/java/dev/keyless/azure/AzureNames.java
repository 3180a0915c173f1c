package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure's rules for the names keyless gives or derives: resource groups, AKS clusters and their DNS
 * prefix, managed identities and their federated credentials. A name Azure would refuse at deploy
 * is refused here, before anything is registered.
 *
 * @see <a href="https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules">Naming rules and restrictions for Azure resources</a>
 */
final class AzureNames {
    /** azure-native's auto-naming appends a dash and seven random characters. */
    static final int AUTONAME_SUFFIX = 8;
    static final String RESOURCE_GROUP_RULE = "1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' (Azure resource group name)";
    static final String CLUSTER_NAME_RULE = "1 to 63 characters of [A-Za-z0-9_-], starting and ending with a letter or digit (AKS cluster name)";
    static final String DNS_PREFIX_RULE = "1 to 54 characters of [A-Za-z0-9-], starting and ending with a letter or digit (AKS DNS prefix)";
    static final String IDENTITY_NAME_RULE = "3 to 128 characters of [A-Za-z0-9_-], starting with a letter or digit (managed identity name)";
    static final String CREDENTIAL_NAME_RULE = "3 to 120 characters of [A-Za-z0-9_-], starting with a letter or digit (federated identity credential name)";

    private static final Pattern RESOURCE_GROUP = Pattern.compile("[A-Za-z0-9_.()-]{0,89}[A-Za-z0-9_()-]");
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DNS_PREFIX = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,52}[A-Za-z0-9])?");
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,127}");
    private static final Pattern CREDENTIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,119}");

    private AzureNames() {
    }

    static String requireResourceGroupName(String field, String value) {
        return require(field, value, RESOURCE_GROUP, RESOURCE_GROUP_RULE);
    }

    static String requireClusterName(String field, String value) {
        return require(field, value, CLUSTER, CLUSTER_NAME_RULE);
    }

    static String requireDnsPrefix(String field, String value) {
        return require(field, value, DNS_PREFIX, DNS_PREFIX_RULE);
    }

    static String requireIdentityName(String field, String value) {
        return require(field, value, IDENTITY, IDENTITY_NAME_RULE);
    }

    static String requireCredentialName(String field, String value) {
        return require(field, value, CREDENTIAL, CREDENTIAL_NAME_RULE);
    }

    static boolean isDnsPrefix(String value) {
        return DNS_PREFIX.matcher(value).matches();
    }

    /**
     * A name azure-native derives from a logical name must still be a valid name once its random
     * suffix is added: a component name such as {@code shop.api} or one too long would fail only
     * at deploy.
     *
     * @param field       the option that names the resource explicitly, e.g. {@code identityName}
     * @param logicalName the child's logical name, e.g. {@code api-identity}
     * @param rule        the name rule, one of this class's {@code *_RULE}s
     */
    static void requireAutoNameFits(String field, String logicalName, String rule) {
        var sample = logicalName + "-" + "x".repeat(AUTONAME_SUFFIX - 1);
        var pattern = switch (rule) {
            case RESOURCE_GROUP_RULE -> RESOURCE_GROUP;
            case CLUSTER_NAME_RULE -> CLUSTER;
            case IDENTITY_NAME_RULE -> IDENTITY;
            case CREDENTIAL_NAME_RULE -> CREDENTIAL;
            default -> throw new IllegalArgumentException("no auto-name rule: " + rule);
        };
        if (!pattern.matcher(sample).matches()) {
            throw InvalidInputException.of(field, logicalName,
                    "set explicitly when the auto-name (the logical name plus an 8-character suffix) would not be " + rule);
        }
    }

    private static String require(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, rule);
        }
        return value;
    }
}
