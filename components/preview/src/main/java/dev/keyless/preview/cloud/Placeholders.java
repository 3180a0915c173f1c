package dev.keyless.preview.cloud;

/**
 * Values that stand in for what only a real cloud knows. Each is plainly a placeholder, most of them
 * the example values the clouds' own documentation uses, so nobody mistakes a preview for a deploy.
 */
public final class Placeholders {
    /** The AWS account id of every simulated ARN (AWS documentation's example account). */
    public static final String AWS_ACCOUNT_ID = "123456789012";
    /** The id part of a simulated EKS OIDC issuer (AWS documentation's example id). */
    public static final String EKS_OIDC_ID = "EXAMPLED539D4633E53DE1B71EXAMPLE";
    /** The region used when the stack configures none. */
    public static final String DEFAULT_AWS_REGION = "us-east-1";
    /** What Pulumi's auto-naming appends, in place of its random suffix. */
    public static final String AUTONAME_SUFFIX = "-xxxxxxx";
    /** A base64 placeholder for certificate data. */
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
