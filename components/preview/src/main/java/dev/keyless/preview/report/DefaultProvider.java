package dev.keyless.preview.report;

/**
 * A provider instance the Pulumi engine creates on its own for resources that name no provider:
 * one per package and version, named as the engine names it. It has no step of its own in the
 * digest, but the resources that use it name it as their provider.
 *
 * @param urn         its URN, {@code urn:pulumi:STACK::PROJECT::pulumi:providers:PACKAGE::default_X_Y_Z}
 * @param packageName the package, e.g. {@code aws}
 */
record DefaultProvider(String urn, String packageName) {

    /** The type token prefix of every provider instance. */
    static final String TYPE_PREFIX = "pulumi:providers:";

    /** @return its type token, {@code pulumi:providers:PACKAGE} */
    String type() {
        return TYPE_PREFIX + packageName;
    }

    /**
     * Names a default provider as the engine does: {@code default}, then the version's parts
     * joined by underscores, since the engine keeps dashes and dots out of the name.
     *
     * @param version a semantic version such as {@code 6.83.0} or {@code 1.2.3-alpha.1+build.5}, or empty
     * @return e.g. {@code default_6_83_0}, or {@code default} without a version
     */
    static String name(String version) {
        if (version.isEmpty()) {
            return "default";
        }
        var name = new StringBuilder("default");
        int plus = version.indexOf('+');
        var withoutBuild = plus < 0 ? version : version.substring(0, plus);
        int dash = withoutBuild.indexOf('-');
        var core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
        for (var part : core.split("\\.")) {
            name.append('_').append(part);
        }
        if (dash >= 0) {
            for (var part : withoutBuild.substring(dash + 1).split("\\.")) {
                name.append('_').append(part);
            }
        }
        if (plus >= 0) {
            for (var part : version.substring(plus + 1).split("\\.")) {
                name.append('_').append(part);
            }
        }
        return name.toString();
    }
}
