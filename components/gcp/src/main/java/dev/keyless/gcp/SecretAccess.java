package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

/**
 * Least-privilege access to one Secret Manager secret: one {@code gcp.secretmanager.SecretIamMember}
 * on the secret, naming the workload's principal, with {@code roles/secretmanager.secretAccessor}
 * (read: access the payload of the secret's versions, {@code secretmanager.versions.access}) or
 * {@code roles/secretmanager.secretVersionAdder} (write: add versions, without reading them).
 * Never a project-level binding; a secret is named in full, never by a wildcard.
 *
 * <pre>{@code
 * SecretAccess.readOnly("projects/shop-prod-4711/secrets/db-password")
 * SecretAccess.readOnly(dbPassword)                        // a gcp.secretmanager.Secret this stack manages
 * SecretAccess.readOnly("db", shared.output("dbSecret"))   // a secret another stack exports
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/iam/docs/roles-permissions/secretmanager">Secret Manager roles and permissions</a>
 * @see <a href="https://cloud.google.com/secret-manager/docs/add-secret-version">Add a secret version: roles/secretmanager.secretVersionAdder on the secret</a>
 */
public final class SecretAccess extends RoleOnResourceGrant {
    /** Access the payload of the secret's versions. */
    public static final String READ_ROLE = "roles/secretmanager.secretAccessor";
    /** Add versions to the secret. */
    public static final String ADD_VERSIONS_ROLE = "roles/secretmanager.secretVersionAdder";
    private static final String WHAT = "a Secret Manager secret's resource name";

    private SecretAccess(GrantTarget secret, String role) {
        super(secret, role, "Secret Manager");
    }

    /**
     * @param secretName the secret's resource name, {@code projects/PROJECT/secrets/SECRET_ID}
     * @return read access to its payload
     * @throws InvalidInputException when the name is not one secret's resource name
     */
    public static SecretAccess readOnly(String secretName) {
        return new SecretAccess(plain(secretName), READ_ROLE);
    }

    /**
     * @param secret a secret this stack manages
     * @return read access to its payload
     */
    public static SecretAccess readOnly(Secret secret) {
        return new SecretAccess(GrantTarget.managed("secret", secret, "a gcp.secretmanager.Secret"), READ_ROLE);
    }

    /**
     * @param key        a stable name for the grant's child, e.g. {@code db}: the name is not known before deploy
     * @param secretName the secret's resource name, e.g. a StackReference output; checked once known
     * @return read access to its payload
     */
    public static SecretAccess readOnly(String key, Output<String> secretName) {
        return new SecretAccess(fromOutput(key, secretName), READ_ROLE);
    }

    /**
     * @param secretName the secret's resource name, {@code projects/PROJECT/secrets/SECRET_ID}
     * @return the right to add versions to it
     * @throws InvalidInputException when the name is not one secret's resource name
     */
    public static SecretAccess addVersions(String secretName) {
        return new SecretAccess(plain(secretName), ADD_VERSIONS_ROLE);
    }

    /**
     * @param secret a secret this stack manages
     * @return the right to add versions to it
     */
    public static SecretAccess addVersions(Secret secret) {
        return new SecretAccess(GrantTarget.managed("secret", secret, "a gcp.secretmanager.Secret"), ADD_VERSIONS_ROLE);
    }

    /**
     * @param key        a stable name for the grant's child
     * @param secretName the secret's resource name, e.g. a StackReference output; checked once known
     * @return the right to add versions to it
     */
    public static SecretAccess addVersions(String key, Output<String> secretName) {
        return new SecretAccess(fromOutput(key, secretName), ADD_VERSIONS_ROLE);
    }

    @Override
    Resource register(String childName, Output<String> secret, String role, Output<String> member, CustomResourceOptions options) {
        return new SecretIamMember(childName, SecretIamMemberArgs.builder().secretId(secret).role(role).member(member).build(), options);
    }

    private static GrantTarget plain(String secretName) {
        return GrantTarget.plain("secret", secretName, v -> GcpResourceNames.requireSecret("secret", v));
    }

    private static GrantTarget fromOutput(String key, Output<String> secretName) {
        return GrantTarget.fromOutput(key, "secretName", secretName, v -> GcpResourceNames.requireSecret("secret", v), WHAT);
    }
}
