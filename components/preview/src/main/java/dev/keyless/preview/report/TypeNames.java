package dev.keyless.preview.report;

/** Shortens type tokens as {@code pulumi preview} displays them. */
final class TypeNames {
    private TypeNames() {
    }

    /**
     * Drops the module's file part when it only repeats the type name, as Pulumi's display does:
     * {@code aws:s3/bucketV2:BucketV2} shows as {@code aws:s3:BucketV2}, while
     * {@code kubernetes:core/v1:ServiceAccount} stays as it is.
     *
     * @param type a type token
     * @return how the preview's tree shows it
     */
    static String forDisplay(String type) {
        var parts = type.split(":", -1);
        if (parts.length != 3) {
            return type;
        }
        var module = parts[1];
        var slash = module.lastIndexOf('/');
        if (slash < 0) {
            return type;
        }
        var file = module.substring(slash + 1);
        var name = parts[2];
        var camelName = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return file.equals(camelName) ? parts[0] + ":" + module.substring(0, slash) + ":" + name : type;
    }
}
