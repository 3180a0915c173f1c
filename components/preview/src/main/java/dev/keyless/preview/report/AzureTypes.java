package dev.keyless.preview.report;

/** Reads azure-native type tokens, whose module may carry an API version: {@code authorization/v20220401}. */
final class AzureTypes {
    private AzureTypes() {
    }

    /**
     * @param type   a type token
     * @param module the module without a version, e.g. {@code authorization}
     * @param name   the type's name, e.g. {@code RoleAssignment}
     * @return whether the token is that azure-native type, in any API version
     */
    static boolean is(String type, String module, String name) {
        var parts = type.split(":", -1);
        return parts.length == 3 && parts[0].equals("azure-native")
                && (parts[1].equals(module) || parts[1].startsWith(module + "/"))
                && parts[2].equals(name);
    }
}
