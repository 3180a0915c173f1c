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

    static String requireContainerName(String field, String value) {
        if (value == null || value.length() < 3 || value.length() > 63 || !CONTAINER.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, CONTAINER_RULE);
        }
        return value;
    }
}
