package dev.keyless.azure;

import dev.keyless.core.IssuerDocuments;

/**
 * The shell script that puts an issuer's two documents in its Blob container with Entra
 * authentication ({@code --auth-mode login}), since Pulumi cannot write them without the account's
 * shared key (see {@link BlobOidcIssuer}). Each document is written to a file by a quoted here-document,
 * so the shell expands nothing in it, then uploaded with its content type and over any older version.
 */
final class IssuerUploadScript {
    private static final String END = "KEYLESS_ISSUER_DOCUMENT";

    private IssuerUploadScript() {
    }

    static String of(String accountName, String containerName, IssuerDocuments documents) {
        return "set -euo pipefail\n"
                + upload(accountName, containerName, IssuerDocuments.DISCOVERY_PATH, "openid-configuration.json", documents.discoveryJson())
                + upload(accountName, containerName, IssuerDocuments.JWKS_PATH, "jwks.json", documents.jwksJson());
    }

    private static String upload(String accountName, String containerName, String blobName, String file, String content) {
        // The documents are JSON on one line: no line of them can be the here-document's end marker.
        return "cat > " + file + " <<'" + END + "'\n" + content + "\n" + END + "\n"
                + "az storage blob upload --auth-mode login --account-name " + accountName
                + " --container-name " + containerName + " --name " + blobName + " --file " + file
                + " --content-type " + IssuerDocuments.CONTENT_TYPE + " --overwrite\n";
    }
}
