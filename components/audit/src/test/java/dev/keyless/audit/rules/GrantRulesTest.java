package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.quoted;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantRulesTest {
    private static final String CONTRIBUTOR =
            "/subscriptions/2/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private static final String ACCOUNT =
            "/subscriptions/2/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data";

    private static String policy(String statements) {
        return "{\"policy\":" + quoted("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}") + "}";
    }

    @Test
    void allowStatementsWithWildcardsOrNotActionAreFindingsOnePerStatement() {
        assertThat(check(new AwsWildcardPolicyRule(),
                step("aws:iam/policy:Policy", "get", policy("{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:ListBucket\"],"
                        + "\"Resource\":\"arn:aws:s3:::b\"},{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"arn:aws:s3:::b\"}")),
                step("aws:iam/rolePolicy:RolePolicy", "deny", policy("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}")),
                step("aws:iam/rolePolicy:RolePolicy", "named", policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":[\"" + U + "/p/*\"]}")),
                step("aws:iam/rolePolicy:RolePolicy", "unknown", "{\"policy\":\"" + U + "\"}"),
                step("aws:iam/role:Role", "not-a-policy", policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))))
                .containsExactly("get: Action s3:Get*", "get: NotAction");
    }

    @Test
    void storageRolesAreFindingsAboveABucketAndStorageAdminEverywhere() {
        assertThat(check(new GcpStorageRoleRule(),
                step("gcp:projects/iAMBinding:IAMBinding", "project", "{\"role\":\"roles/storage.objectViewer\",\"members\":[]}"),
                step("gcp:organizations/iAMMember:IAMMember", "org", "{\"role\":\"roles/storage.objectUser\"}"),
                step("gcp:storage/bucketIAMMember:BucketIAMMember", "admin", "{\"role\":\"roles/storage.admin\"}"),
                step("gcp:storage/bucketIAMMember:BucketIAMMember", "object", "{\"role\":\"roles/storage.objectUser\"}"),
                step("gcp:projects/iAMMember:IAMMember", "other", "{\"role\":\"roles/logging.logWriter\"}"),
                step("gcp:projects/iAMMember:IAMMember", "unknown", "{\"role\":\"" + U + "\"}")))
                .containsExactly("project: roles/storage.objectViewer on projects", "org: roles/storage.objectUser on organizations",
                        "admin: roles/storage.admin on resource");
    }

    @Test
    void blobDataRolesAreFindingsAboveOneContainer() {
        String assignment = "azure-native:authorization:RoleAssignment";
        assertThat(check(new AzureBlobRoleScopeRule(),
                step(assignment, "account", "{\"roleDefinitionId\":\"" + CONTRIBUTOR + "\",\"scope\":\"" + ACCOUNT + "\"}"),
                step("azure-native:authorization/v20220401:RoleAssignment", "versioned",
                        "{\"roleDefinitionId\":\"" + CONTRIBUTOR.toUpperCase() + "\",\"scope\":\"/subscriptions/2\"}"),
                step(assignment, "container", "{\"roleDefinitionId\":\"" + CONTRIBUTOR + "\",\"scope\":\"" + ACCOUNT
                        + "/blobServices/default/containers/charts\"}"),
                step(assignment, "other-role", "{\"roleDefinitionId\":\"/x/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b\","
                        + "\"scope\":\"" + ACCOUNT + "\"}"),
                step(assignment, "unknown", "{\"roleDefinitionId\":\"" + CONTRIBUTOR + "\",\"scope\":\"" + U + "\"}")))
                // 81 characters: the middle goes, the account's name stays.
                .containsExactly("account: scope /subscriptions/2/resourceGroups/rg/provi…/Microsoft.Storage/storageAccounts/data",
                        "versioned: scope /subscriptions/2");
    }

    @Test
    void projectLevelImpersonationOwnerAdminAndDefaultServiceAccountGrantsAreFindings() {
        String project = "gcp:projects/iAMMember:IAMMember";
        assertThat(check(new GcpProjectRoleRule(),
                step(project, "owner", "{\"role\":\"roles/owner\",\"member\":\"user:a@b.c\"}"),
                step("gcp:folder/iAMBinding:IAMBinding", "token", "{\"role\":\"roles/iam.serviceAccountTokenCreator\",\"members\":[\"group:g@b.c\"]}"),
                step(project, "compute", "{\"role\":\"roles/logging.logWriter\",\"member\":\"serviceAccount:123-compute@developer.gserviceaccount.com\"}"),
                step(project, "sa-admin", "{\"role\":\"roles/compute.instanceAdmin\",\"member\":\"serviceAccount:ci@p.iam.gserviceaccount.com\"}"),
                step("gcp:serviceaccount/iAMMember:IAMMember", "one-account", "{\"role\":\"roles/iam.serviceAccountUser\",\"member\":\"user:a@b.c\"}"),
                step(project, "writer", "{\"role\":\"roles/logging.logWriter\",\"member\":\"serviceAccount:nodes@p.iam.gserviceaccount.com\"}"),
                step(project, "unknown", "{\"role\":\"" + U + "\",\"member\":\"serviceAccount:123-compute@developer.gserviceaccount.com\"}")))
                .containsExactly(
                        "owner: roles/owner on projects",
                        "token: roles/iam.serviceAccountTokenCreator on folder",
                        "compute: default service account serviceAccount:123-compute@developer.gserviceaccount.com granted roles/logging.logWriter",
                        "sa-admin: admin role roles/compute.instanceAdmin for serviceAccount:ci@p.iam.gserviceaccount.com");
    }
}
