package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import java.util.List;

/** Every rule the audit applies, in id order. */
public final class AuditRules {
    private AuditRules() {
    }

    /** A new instance of each rule, KL001 first. */
    public static List<AuditRule> all() {
        return List.of(
                new AwsAccessKeyRule(),
                new GcpServiceAccountKeyRule(),
                new KubernetesSecretKeyRule(),
                new WorkloadEnvKeyRule(),
                new StorageAccountSharedKeyRule(),
                new IrsaTrustRule(),
                new GcpPrincipalSetRule(),
                new FederatedCredentialSubjectRule(),
                new AwsWildcardPolicyRule(),
                new GcpStorageRoleRule(),
                new AzureBlobRoleScopeRule(),
                new S3BucketProtectionRule(),
                new GcsBucketProtectionRule(),
                new BlobContainerProtectionRule(),
                new CredentialBuiltValueRule(),
                new EnvCredentialReferenceRule(),
                new AwsBroadManagedPolicyRule(),
                new AwsRoleTrustRule(),
                new AwsPrivilegeEscalationRule(),
                new GcpProjectRoleRule(),
                new DefaultServiceAccountRule(),
                new IdentityTokenAutomountRule(),
                new StorageAccountBlobPublicAccessRule(),
                new PublicBucketObjectsRule(),
                new CiTrustSubjectRule(),
                new AudienceOnlyTrustRule(),
                new GcpProviderConditionRule(),
                new WideSecretsAccessRule(),
                new WideKeyAccessRule(),
                new WideMessagingAccessRule(),
                new WideDnsAccessRule(),
                new WideRegistryAccessRule(),
                new VaultOwnerRoleRule());
    }
}
