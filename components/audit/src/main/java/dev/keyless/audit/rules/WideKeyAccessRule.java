package dev.keyless.audit.rules;

import dev.keyless.audit.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KL029: cryptographic keys of a whole account, project or subscription, or all of a key's
 * powers: {@code kms:*} on any resource (it includes {@code kms:PutKeyPolicy} and
 * {@code kms:ScheduleKeyDeletion}); {@code kms:Decrypt}, {@code Encrypt}, {@code GenerateDataKey},
 * {@code ReEncryptFrom}, {@code CreateGrant}, {@code PutKeyPolicy} or {@code ScheduleKeyDeletion}
 * (or a wildcard covering one) on {@code *} or {@code key/*}; a {@code roles/cloudkms.*} role other
 * than {@code viewer} on a project, folder or organization; Key Vault Crypto User or Crypto
 * Officer assigned above one vault. keyless KmsAccess, KmsKeyAccess and KeyVaultKeyAccess name the key.
 */
public final class WideKeyAccessRule extends OverWideGrantRule {

    public WideKeyAccessRule() {
        super(List.of(new AwsAccountWideAccess("kms", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:ReEncryptFrom", "kms:CreateGrant", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"),
                        "key/keyless-audit-probe", true)),
                new GcpProjectWideRole(Set.of("roles/cloudkms."), Set.of("roles/cloudkms.viewer")),
                new AzureAboveResourceRole(Map.of(
                        AzureRoles.KEY_VAULT_CRYPTO_USER, "Key Vault Crypto User",
                        AzureRoles.KEY_VAULT_CRYPTO_OFFICER, "Key Vault Crypto Officer"),
                        "/providers/microsoft.keyvault/vaults/"));
    }

    @Override public String id() { return "KL029"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Keys of a whole account, project or subscription usable, or kms:*"; }
    @Override public String fix() {
        return "Grant encrypt, decrypt or data-key actions on the one key ARN (keyless KmsAccess, KmsKeyAccess, KeyVaultKeyAccess)";
    }
}
