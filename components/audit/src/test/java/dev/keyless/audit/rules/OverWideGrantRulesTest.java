package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.quoted;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Severity;
import org.junit.jupiter.api.Test;

/**
 * The over-wide counterparts of the grant catalog: each rule fires on its kind's access to a whole
 * account, project or resource group, and passes the catalog's own output (the policies below are
 * the exact JSON keyless-aws's tests expect of SecretsManagerAccess, SsmParameterAccess, KmsAccess,
 * SqsAccess, SnsAccess, Route53Access and EcrAccess; the roles and scopes those of the GCP and Azure
 * grants).
 */
class OverWideGrantRulesTest {
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String MANAGED_POLICY = "aws:iam/policy:Policy";
    private static final String PROJECT = "gcp:projects/iAMMember:IAMMember";
    private static final String ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    private static final String GROUP = "/subscriptions/2/resourceGroups/shop";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static String policy(String statements) {
        return "{\"policy\":" + quoted("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}") + "}";
    }

    private static String allow(String actions, String resources) {
        return "{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":" + resources + "}";
    }

    private static String grant(String role) {
        return "{\"role\":\"" + role + "\",\"member\":\"serviceAccount:shop@p.iam.gserviceaccount.com\"}";
    }

    private static String assignment(String roleGuid, String scope) {
        return "{\"roleDefinitionId\":\"/subscriptions/2/providers/Microsoft.Authorization/roleDefinitions/" + roleGuid
                + "\",\"scope\":\"" + scope + "\",\"principalId\":\"p\"}";
    }

    @Test
    void secretsOfAWholeAccountProjectOrResourceGroupAreHigh() {
        assertThat(new WideSecretsAccessRule().severity()).isEqualTo(Severity.HIGH);
        assertThat(check(new WideSecretsAccessRule(),
                step(ROLE_POLICY, "any", policy(allow("\"secretsmanager:GetSecretValue\"", "\"*\""))),
                step(ROLE_POLICY, "all-secrets", policy(allow("[\"secretsmanager:Get*\",\"secretsmanager:DescribeSecret\"]",
                        "\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:*\""))),
                step(MANAGED_POLICY, "parameters", policy(allow("\"ssm:GetParameter*\"", "\"arn:aws:ssm:*:*:parameter/*\""))),
                step(ROLE_POLICY, "not-resource", "{\"policy\":" + quoted("{\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Action\":\"secretsmanager:GetSecretValue\",\"NotResource\":\"arn:aws:secretsmanager:*:*:secret:admin-*\"}}") + "}"),
                step(PROJECT, "accessor", grant("roles/secretmanager.secretAccessor")),
                step("gcp:folder/iAMBinding:IAMBinding", "admin", "{\"role\":\"roles/secretmanager.admin\",\"members\":[]}"),
                step(ASSIGNMENT, "vault-users", assignment(AzureRoles.KEY_VAULT_SECRETS_USER, GROUP)),
                step("azure-native:authorization/v20220401:RoleAssignment", "officer",
                        assignment(AzureRoles.KEY_VAULT_SECRETS_OFFICER.toUpperCase(), "/subscriptions/2"))))
                .containsExactly(
                        "any: secretsmanager:GetSecretValue on *",
                        "all-secrets: secretsmanager:Get* on arn:aws:secretsmanager:eu-west-1:111122223333:secret:*",
                        "parameters: ssm:GetParameter* on arn:aws:ssm:*:*:parameter/*",
                        "not-resource: secretsmanager:GetSecretValue on NotResource",
                        "accessor: roles/secretmanager.secretAccessor on projects",
                        "admin: roles/secretmanager.admin on folder",
                        "vault-users: Key Vault Secrets User on /subscriptions/2/resourceGroups/shop",
                        "officer: Key Vault Secrets Officer on /subscriptions/2");
    }

    @Test
    void theSecretCatalogsNamedSecretsPathsAndVaultsPass() {
        assertThat(check(new WideSecretsAccessRule(),
                step(ROLE_POLICY, "secret", policy(allow("[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]",
                        "\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf\"") + ","
                        + allow("\"kms:Decrypt\"", "\"" + KEY + "\""))),
                step(ROLE_POLICY, "path", policy(allow("\"ssm:GetParametersByPath\"", "\"arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api\"")
                        + "," + allow("[\"ssm:GetParameter\",\"ssm:GetParameters\"]", "\"arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api/*\""))),
                // external-secrets' listing names no secret and reads no value.
                step(ROLE_POLICY, "listing", policy(allow("[\"secretsmanager:ListSecrets\",\"secretsmanager:BatchGetSecretValue\"]", "\"*\""))),
                step(ROLE_POLICY, "unknown", policy(allow("\"secretsmanager:GetSecretValue\"", "\"" + U + "\""))),
                step(ROLE_POLICY, "admin", policy(allow("\"*\"", "\"*\""))),
                step("gcp:secretmanager/secretIamMember:SecretIamMember", "one-secret", grant("roles/secretmanager.secretAccessor")),
                step(PROJECT, "viewer", grant("roles/secretmanager.viewer")),
                step(PROJECT, "unknown-role", grant(U)),
                step(ASSIGNMENT, "vault", assignment(AzureRoles.KEY_VAULT_SECRETS_USER,
                        GROUP + "/providers/Microsoft.KeyVault/vaults/shop-kv")),
                step(ASSIGNMENT, "one-secret-of-vault", assignment(AzureRoles.KEY_VAULT_SECRETS_USER,
                        GROUP + "/providers/Microsoft.KeyVault/vaults/shop-kv/secrets/db")),
                step(ASSIGNMENT, "unknown-scope", assignment(AzureRoles.KEY_VAULT_SECRETS_USER, U))))
                .isEmpty();
    }

    @Test
    void kmsStarAnywhereAndKeysOfAWholeAccountProjectOrGroupAreHigh() {
        assertThat(new WideKeyAccessRule().severity()).isEqualTo(Severity.HIGH);
        assertThat(check(new WideKeyAccessRule(),
                step(ROLE_POLICY, "star-on-key", policy(allow("\"kms:*\"", "\"" + KEY + "\""))),
                step(ROLE_POLICY, "decrypt-any", policy(allow("[\"kms:Decrypt\",\"kms:DescribeKey\"]", "\"*\""))),
                step(ROLE_POLICY, "all-keys", policy(allow("\"kms:GenerateDataKey*\"", "\"arn:aws:kms:eu-west-1:111122223333:key/*\""))),
                step(PROJECT, "project", grant("roles/cloudkms.cryptoKeyEncrypterDecrypter")),
                step(ASSIGNMENT, "group", assignment(AzureRoles.KEY_VAULT_CRYPTO_USER, GROUP))))
                .containsExactly(
                        "star-on-key: kms:* on arn:aws:kms:eu-west-1:111122223…ey/1234abcd-12ab-34cd-56ef-1234567890ab",
                        "decrypt-any: kms:Decrypt on *",
                        "all-keys: kms:GenerateDataKey* on arn:aws:kms:eu-west-1:111122223333:key/*",
                        "project: roles/cloudkms.cryptoKeyEncrypterDecrypter on projects",
                        "group: Key Vault Crypto User on /subscriptions/2/resourceGroups/shop");
    }

    @Test
    void theKeyCatalogsNamedKeysPass() {
        assertThat(check(new WideKeyAccessRule(),
                step(ROLE_POLICY, "decrypt", policy(allow("[\"kms:Decrypt\",\"kms:DescribeKey\"]", "\"" + KEY + "\""))),
                step(ROLE_POLICY, "encrypt-decrypt", policy(allow("[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncryptFrom\",\"kms:ReEncryptTo\","
                        + "\"kms:GenerateDataKey\",\"kms:GenerateDataKeyWithoutPlaintext\",\"kms:DescribeKey\"]", "\"" + KEY + "\""))),
                step(ROLE_POLICY, "list", policy(allow("[\"kms:ListKeys\",\"kms:ListAliases\"]", "\"*\""))),
                step("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "key", grant("roles/cloudkms.cryptoKeyEncrypterDecrypter")),
                step(PROJECT, "viewer", grant("roles/cloudkms.viewer")),
                step(ASSIGNMENT, "key", assignment(AzureRoles.KEY_VAULT_CRYPTO_USER,
                        GROUP + "/providers/Microsoft.KeyVault/vaults/shop-kv/keys/reports"))))
                .isEmpty();
    }

    @Test
    void everyQueueOrTopicIsMedium() {
        assertThat(new WideMessagingAccessRule().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(check(new WideMessagingAccessRule(),
                step(ROLE_POLICY, "sqs", policy(allow("\"sqs:*\"", "\"*\""))),
                step(ROLE_POLICY, "sns", policy(allow("[\"sns:Publish\"]", "\"arn:aws:sns:*:111122223333:*\""))),
                step(PROJECT, "pubsub", grant("roles/pubsub.publisher")),
                step(ASSIGNMENT, "bus", assignment(AzureRoles.SERVICE_BUS_DATA_RECEIVER, GROUP))))
                .containsExactly(
                        "sqs: sqs:* on *",
                        "sns: sns:Publish on arn:aws:sns:*:111122223333:*",
                        "pubsub: roles/pubsub.publisher on projects",
                        "bus: Azure Service Bus Data Receiver on /subscriptions/2/resourceGroups/shop");
    }

    @Test
    void theMessagingCatalogsNamedQueuesTopicsAndNamespacesPass() {
        String namespace = GROUP + "/providers/Microsoft.ServiceBus/namespaces/shop-bus";
        assertThat(check(new WideMessagingAccessRule(),
                step(ROLE_POLICY, "send", policy(allow("[\"sqs:SendMessage\",\"sqs:GetQueueUrl\",\"sqs:GetQueueAttributes\"]",
                        "\"arn:aws:sqs:eu-west-1:111122223333:orders\""))),
                step(ROLE_POLICY, "publish", policy(allow("\"sns:Publish\"", "\"arn:aws:sns:us-east-1:123456789012:order-events\""))),
                step(ROLE_POLICY, "list", policy(allow("\"sqs:ListQueues\"", "\"*\""))),
                step("gcp:pubsub/topicIAMMember:TopicIAMMember", "topic", grant("roles/pubsub.publisher")),
                step(ASSIGNMENT, "queue", assignment(AzureRoles.SERVICE_BUS_DATA_SENDER, namespace + "/queues/orders")),
                step(ASSIGNMENT, "namespace", assignment(AzureRoles.SERVICE_BUS_DATA_OWNER, namespace))))
                .isEmpty();
    }

    @Test
    void recordsOfEveryZoneAreHigh() {
        assertThat(new WideDnsAccessRule().severity()).isEqualTo(Severity.HIGH);
        assertThat(check(new WideDnsAccessRule(),
                step(ROLE_POLICY, "all-zones", policy(allow("[\"route53:ChangeResourceRecordSets\",\"route53:ListResourceRecordSets\"]",
                        "\"arn:aws:route53:::hostedzone/*\""))),
                step(ROLE_POLICY, "route53", policy(allow("\"route53:*\"", "\"*\""))),
                step(PROJECT, "dns-admin", grant("roles/dns.admin")),
                step(ASSIGNMENT, "group", assignment(AzureRoles.DNS_ZONE_CONTRIBUTOR, GROUP))))
                .containsExactly(
                        "all-zones: route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/*",
                        "route53: route53:* on *",
                        "dns-admin: roles/dns.admin on projects",
                        "group: DNS Zone Contributor on /subscriptions/2/resourceGroups/shop");
    }

    @Test
    void theDnsCatalogsAndPresetsNamedZonesPass() {
        String zone = "\"arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ\"";
        assertThat(check(new WideDnsAccessRule(),
                // Route53Access.changeRecords
                step(ROLE_POLICY, "change", policy(allow("[\"route53:GetHostedZone\",\"route53:ListResourceRecordSets\","
                        + "\"route53:ChangeResourceRecordSets\"]", zone) + "," + allow("\"route53:GetChange\"", "\"arn:aws:route53:::change/*\"")
                        + "," + allow("[\"route53:ListHostedZones\",\"route53:ListHostedZonesByName\"]", "\"*\""))),
                step("gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember", "zone", grant("roles/dns.admin")),
                step(PROJECT, "reader", grant("roles/dns.reader")),
                step(ASSIGNMENT, "zone", assignment(AzureRoles.DNS_ZONE_CONTRIBUTOR,
                        GROUP + "/providers/Microsoft.Network/dnsZones/shop.example.com"))))
                .isEmpty();
    }

    @Test
    void pushToEveryRepositoryIsHigh() {
        assertThat(new WideRegistryAccessRule().severity()).isEqualTo(Severity.HIGH);
        assertThat(check(new WideRegistryAccessRule(),
                step(ROLE_POLICY, "ecr", policy(allow("\"ecr:*\"", "\"*\""))),
                step(ROLE_POLICY, "push-all", policy(allow("[\"ecr:PutImage\",\"ecr:UploadLayerPart\"]",
                        "\"arn:aws:ecr:eu-west-1:111122223333:repository/*\""))),
                step(PROJECT, "writer", grant("roles/artifactregistry.writer")),
                step(ASSIGNMENT, "group", assignment(AzureRoles.ACR_PUSH, GROUP))))
                .containsExactly(
                        "ecr: ecr:* on *",
                        // Past 80 characters the middle goes.
                        "push-all: ecr:PutImage, ecr:UploadLayerPart on arn…ecr:eu-west-1:111122223333:repository/*",
                        "writer: roles/artifactregistry.writer on projects",
                        "group: AcrPush on /subscriptions/2/resourceGroups/shop");
    }

    @Test
    void theRegistryCatalogsNamedRepositoriesAndTheLoginPass() {
        assertThat(check(new WideRegistryAccessRule(),
                // EcrAccess.push
                step(ROLE_POLICY, "push", policy(allow("[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchCheckLayerAvailability\","
                        + "\"ecr:PutImage\",\"ecr:InitiateLayerUpload\",\"ecr:UploadLayerPart\",\"ecr:CompleteLayerUpload\"]",
                        "\"arn:aws:ecr:us-east-1:123456789012:repository/shop/api\"") + ","
                        + allow("\"ecr:GetAuthorizationToken\"", "\"*\""))),
                step("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "repository", grant("roles/artifactregistry.writer")),
                step(PROJECT, "reader", grant("roles/artifactregistry.reader")),
                step(ASSIGNMENT, "registry", assignment(AzureRoles.ACR_PUSH,
                        GROUP + "/providers/Microsoft.ContainerRegistry/registries/shopacr"))))
                .isEmpty();
    }

    @Test
    void ownerOrContributorOnAVaultOrAboveIsHigh() {
        String vault = GROUP + "/providers/Microsoft.KeyVault/vaults/shop-kv";
        assertThat(new VaultOwnerRoleRule().severity()).isEqualTo(Severity.HIGH);
        assertThat(check(new VaultOwnerRoleRule(),
                step(ASSIGNMENT, "vault-owner", assignment(AzureRoles.OWNER, vault)),
                step(ASSIGNMENT, "group-contributor", assignment(AzureRoles.CONTRIBUTOR, GROUP)),
                step(ASSIGNMENT, "subscription-owner", assignment(AzureRoles.OWNER, "/subscriptions/2")),
                step(ASSIGNMENT, "management-group", assignment(AzureRoles.CONTRIBUTOR,
                        "/providers/Microsoft.Management/managementGroups/platform")),
                step(ASSIGNMENT, "one-storage-account", assignment(AzureRoles.CONTRIBUTOR,
                        GROUP + "/providers/Microsoft.Storage/storageAccounts/data")),
                step(ASSIGNMENT, "data-role", assignment(AzureRoles.KEY_VAULT_SECRETS_USER, vault)),
                step(ASSIGNMENT, "unknown", assignment(AzureRoles.OWNER, U))))
                .containsExactly(
                        "vault-owner: Owner on /subscriptions/2/resourceGroups…iders/Microsoft.KeyVault/vaults/shop-kv",
                        "group-contributor: Contributor on /subscriptions/2/resourceGroups/shop",
                        "subscription-owner: Owner on /subscriptions/2",
                        "management-group: Contributor on /providers/Microsoft.Management/managementGroups/platform");
    }
}
