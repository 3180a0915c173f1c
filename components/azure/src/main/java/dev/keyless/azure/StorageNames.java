package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure Storage's rules for the account and container names a {@link BlobAccess} grant names.
 *
 * @see <a href="https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata">Naming containers, blobs and metadata</a>
 */
final class StorageNames {
    static final String ACCOUNT_RULE = "3 to 24 lowercase letters and digits (storage account name)";
    static final String CONTAINER_RULE = "3 to 63 characters of [a-z0-9-], starting and ending with a letter or digit, "
            + "with no two hyphens in a row (blob container name)";
    static final String AUTONAMED_ACCOUNT_RULE = "1 to 16 lowercase letters and digits, so that with Pulumi's auto-name "
            + "suffix (8 random characters) it makes a storage account name: " + ACCOUNT_RULE;
    private static final Pattern AUTONAMED_ACCOUNT = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](-?[a-z0-9])+");

    private StorageNames() {
    }

    static String requireAccountName(String field, String value) {
        if (value == null || !ACCOUNT.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, ACCOUNT_RULE);
        }
        return value;
    }

    // azure-native appends 8 random characters to a logical name and does not lower-case it.
    static String requireAutoNamedAccount(String field, String logicalName) {
        if (logicalName == null || !AUTONAMED_ACCOUNT.matcher(logicalName).matches()) {
            throw InvalidInputException.of(field, logicalName, AUTONAMED_ACCOUNT_RULE);
        }
        return logicalName;
    }

    static String requireContainerName(String field, String value) {
        if (value == null || value.length() < 3 || value.length() > 63 || !CONTAINER.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, CONTAINER_RULE);
        }
        return value;
    }
}
