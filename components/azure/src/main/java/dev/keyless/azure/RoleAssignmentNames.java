package dev.keyless.azure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Names role assignments deterministically. Azure names an assignment by a GUID and refuses a
 * second assignment of the same role to the same principal on the same scope under another name;
 * a random name would also make every {@code pulumi up} from a fresh state try to create it again.
 * A name-based UUID of scope, principal and role is the same on every run and changes exactly when
 * the assignment would.
 *
 * <p>Version 5 (SHA-1) UUIDs as RFC 9562 defines them, in a namespace of keyless's own; the JDK
 * has only version 3 (MD5), and no UUID library is a dependency here.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-5">RFC 9562, UUID version 5</a>
 */
final class RoleAssignmentNames {
    /** keyless's namespace for role assignment names: the v5 UUID of "keyless.dev/role-assignment" in the URL namespace. */
    static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "keyless.dev/role-assignment");

    private RoleAssignmentNames() {
    }

    /**
     * @param scope       the assignment's scope (a resource id)
     * @param principalId the principal's object id
     * @param roleId      the role's id
     * @return the assignment's name, the same for the same three values
     */
    static String of(String scope, String principalId, String roleId) {
        // Azure resource ids are case-insensitive: the same scope in another case is the same assignment.
        return v5(NAMESPACE, scope.toLowerCase(java.util.Locale.ROOT) + "|" + principalId.toLowerCase(java.util.Locale.ROOT)
                + "|" + roleId.toLowerCase(java.util.Locale.ROOT)).toString();
    }

    static UUID v5(UUID namespace, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
            var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
