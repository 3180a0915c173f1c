package dev.keyless.audit.rules;

import dev.keyless.audit.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KL028: the secrets of a whole account, project or subscription: {@code secretsmanager:GetSecretValue}
 * (or a wildcard covering it) on {@code *} or {@code arn:…:secret:*}; {@code ssm:GetParameter},
 * {@code GetParameters} or {@code GetParametersByPath} on {@code *} or {@code parameter/*}; a
 * {@code roles/secretmanager.*} role other than {@code viewer} on a project, folder or
 * organization; Key Vault Secrets User, Secrets Officer or Administrator assigned on a resource
 * group or subscription rather than on one vault or secret. keyless SecretsManagerAccess,
 * SsmParameterAccess, SecretAccess and KeyVaultSecretAccess name each secret.
 */
public final class WideSecretsAccessRule extends OverWideGrantRule {

    public WideSecretsAccessRule() {
        super(List.of(
                        AwsAccountWideAccess.of("secretsmanager", "secret:keyless-audit-probe-AbCdEf", "secretsmanager:GetSecretValue"),
                        AwsAccountWideAccess.of("ssm", "parameter/keyless-audit/probe",
                                "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath")),
                new GcpProjectWideRole(Set.of("roles/secretmanager."), Set.of("roles/secretmanager.viewer")),
                new AzureAboveResourceRole(Map.of(
                        AzureRoles.KEY_VAULT_SECRETS_USER, "Key Vault Secrets User",
                        AzureRoles.KEY_VAULT_SECRETS_OFFICER, "Key Vault Secrets Officer",
                        AzureRoles.KEY_VAULT_ADMINISTRATOR, "Key Vault Administrator"),
                        "/providers/microsoft.keyvault/vaults/"));
    }

    @Override public String id() { return "KL028"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Secrets of a whole account, project or subscription readable"; }
    @Override public String fix() {
        return "Name each secret or parameter (keyless SecretsManagerAccess, SsmParameterAccess, SecretAccess, KeyVaultSecretAccess)";
    }
}
