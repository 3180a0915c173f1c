package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.kms.CryptoKey;
import com.pulumi.gcp.kms.CryptoKeyIAMMember;
import com.pulumi.gcp.kms.CryptoKeyIAMMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

/**
 * Least-privilege use of one Cloud KMS key: one {@code gcp.kms.CryptoKeyIAMMember} on the key
 * (not its key ring or project), naming the workload's principal, with
 * {@code roles/cloudkms.cryptoKeyEncrypterDecrypter}, or {@code roles/cloudkms.cryptoKeyEncrypter}
 * or {@code roles/cloudkms.cryptoKeyDecrypter} for a workload that only does one of the two. Granted
 * on a key, each role uses "only that key"; no key administration.
 *
 * <pre>{@code
 * KmsKeyAccess.encryptDecrypt("projects/shop-prod-4711/locations/europe-west1/keyRings/shop/cryptoKeys/orders")
 * KmsKeyAccess.decryptOnly(ordersKey)                      // a gcp.kms.CryptoKey this stack manages
 * KmsKeyAccess.encryptOnly("orders", shared.output("ordersKey"))
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/iam/docs/roles-permissions/cloudkms">Cloud KMS roles and permissions</a>
 * @see <a href="https://cloud.google.com/kms/docs/reference/permissions-and-roles">Cloud KMS permissions and roles: a role granted on a key covers only that key</a>
 */
public final class KmsKeyAccess extends RoleOnResourceGrant {
    /** Encrypt and decrypt with the key. */
    public static final String ENCRYPT_DECRYPT_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    /** Encrypt with the key. */
    public static final String ENCRYPT_ROLE = "roles/cloudkms.cryptoKeyEncrypter";
    /** Decrypt with the key. */
    public static final String DECRYPT_ROLE = "roles/cloudkms.cryptoKeyDecrypter";
    private static final String WHAT = "a Cloud KMS key's resource name";
    private static final String MANAGED = "a gcp.kms.CryptoKey";

    private KmsKeyAccess(GrantTarget key, String role) {
        super(key, role, "Cloud KMS");
    }

    /**
     * @param keyName the key's resource name, {@code projects/P/locations/L/keyRings/R/cryptoKeys/K}
     * @return encrypt and decrypt with it
     * @throws InvalidInputException when the name is not one key's resource name
     */
    public static KmsKeyAccess encryptDecrypt(String keyName) {
        return new KmsKeyAccess(plain(keyName), ENCRYPT_DECRYPT_ROLE);
    }

    /**
     * @param key a key this stack manages
     * @return encrypt and decrypt with it
     */
    public static KmsKeyAccess encryptDecrypt(CryptoKey key) {
        return new KmsKeyAccess(GrantTarget.managed("key", key, MANAGED), ENCRYPT_DECRYPT_ROLE);
    }

    /**
     * @param key     a stable name for the grant's child, e.g. {@code orders}
     * @param keyName the key's resource name, e.g. a StackReference output; checked once known
     * @return encrypt and decrypt with it
     */
    public static KmsKeyAccess encryptDecrypt(String key, Output<String> keyName) {
        return new KmsKeyAccess(fromOutput(key, keyName), ENCRYPT_DECRYPT_ROLE);
    }

    /**
     * @param keyName the key's resource name
     * @return encrypt with it
     */
    public static KmsKeyAccess encryptOnly(String keyName) {
        return new KmsKeyAccess(plain(keyName), ENCRYPT_ROLE);
    }

    /**
     * @param key a key this stack manages
     * @return encrypt with it
     */
    public static KmsKeyAccess encryptOnly(CryptoKey key) {
        return new KmsKeyAccess(GrantTarget.managed("key", key, MANAGED), ENCRYPT_ROLE);
    }

    /**
     * @param key a stable name for the grant's child
     * @param keyName the key's resource name, checked once known
     * @return encrypt with it
     */
    public static KmsKeyAccess encryptOnly(String key, Output<String> keyName) {
        return new KmsKeyAccess(fromOutput(key, keyName), ENCRYPT_ROLE);
    }

    /**
     * @param keyName the key's resource name
     * @return decrypt with it
     */
    public static KmsKeyAccess decryptOnly(String keyName) {
        return new KmsKeyAccess(plain(keyName), DECRYPT_ROLE);
    }

    /**
     * @param key a key this stack manages
     * @return decrypt with it
     */
    public static KmsKeyAccess decryptOnly(CryptoKey key) {
        return new KmsKeyAccess(GrantTarget.managed("key", key, MANAGED), DECRYPT_ROLE);
    }

    /**
     * @param key a stable name for the grant's child
     * @param keyName the key's resource name, checked once known
     * @return decrypt with it
     */
    public static KmsKeyAccess decryptOnly(String key, Output<String> keyName) {
        return new KmsKeyAccess(fromOutput(key, keyName), DECRYPT_ROLE);
    }

    @Override
    Resource register(String childName, Output<String> cryptoKey, String role, Output<String> member, CustomResourceOptions options) {
        return new CryptoKeyIAMMember(childName, CryptoKeyIAMMemberArgs.builder().cryptoKeyId(cryptoKey).role(role).member(member).build(), options);
    }

    private static GrantTarget plain(String keyName) {
        return GrantTarget.plain("key", keyName, v -> GcpResourceNames.requireCryptoKey("key", v));
    }

    private static GrantTarget fromOutput(String key, Output<String> keyName) {
        return GrantTarget.fromOutput(key, "keyName", keyName, v -> GcpResourceNames.requireCryptoKey("key", v), WHAT);
    }
}
