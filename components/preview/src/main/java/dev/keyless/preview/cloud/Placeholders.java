package dev.keyless.preview.cloud;

/**
 * What every cloud's simulation shares in place of values only a real cloud knows. Each plainly is
 * a placeholder, so nobody mistakes a preview for a deploy. A cloud's own placeholders (account
 * ids, issuer ids, regions) live in its {@link ProviderSimulation}.
 */
public final class Placeholders {
    /** What Pulumi's auto-naming appends, in place of its random suffix. */
    public static final String AUTONAME_SUFFIX = "-xxxxxxx";
    /** A base64 placeholder for certificate data, such as a cluster's certificate authority. */
    public static final String CERTIFICATE_DATA = "UExBQ0VIT0xERVItQ0VSVElGSUNBVEUtREFUQQ==";

    private Placeholders() {
    }

    /**
     * Names a resource the way Pulumi's auto-naming would, with a placeholder suffix.
     *
     * @param logicalName the resource's logical name
     * @return the physical name
     */
    public static String autoName(String logicalName) {
        return logicalName + AUTONAME_SUFFIX;
    }
}
