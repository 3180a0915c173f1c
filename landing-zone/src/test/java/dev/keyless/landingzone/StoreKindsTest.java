package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores that name an existing secret, key, queue, topic, zone or registry of any cloud: each
 * grant is the cloud's catalog grant, and a bad name, kind, access or prefix is a problem at its path.
 */
class StoreKindsTest {
    private static final String EKS = """
            eks-kubeconfig: "apiVersion: v1"
            clusters:
              platform:
                cloud: aws
                adopt:
                  clusterName: platform
                  issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                  kubeconfigSecret: eks-kubeconfig
            """;

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    @Test
    void referencedStoresOfEachCloudAreGrantedByTheirCatalogGrants() {
        var deployment = ZoneStack.withConfig(EKS + """
                stores:
                  db:
                    cloud: aws
                    kind: secret
                    arn: arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf
                    keyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
                  shop-zone:
                    cloud: aws
                    kind: zone
                    zoneId: Z0123456789ABCDEFGHIJ
                  jobs:
                    cloud: aws
                    kind: queue
                    arn: arn:aws:sqs:eu-west-1:111122223333:jobs
                  images:
                    cloud: azure
                    kind: zone
                    resourceGroup: dns-rg
                    zone: shop.example.com
                workloads:
                  api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    grants:
                      - {store: db, access: read}
                      - {store: shop-zone, access: changeRecords}
                      - {store: jobs, access: consume}
                      - {store: images, access: contributor}
                """).run(LandingZone::stack);

        var policy = Json.parse(deployment.resource("aws:iam/role:Role", "api-role").input("inlinePolicies.0.policy").orElseThrow());
        assertThat(policy.at("/Statement/0")).isEqualTo(Json.parse("""
                {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                 "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf"}
                """));
        assertThat(policy.toString()).contains("\"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
                "\"arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ\"", "\"arn:aws:sqs:eu-west-1:111122223333:jobs\"");
        assertThat(policy.toString()).doesNotContain("hostedzone/*", "secret:*");
        // Another cloud's grant goes to its federation of the cluster's issuer.
        assertThat(deployment.ofType("azure-native:authorization:RoleAssignment")).singleElement()
                .satisfies(assignment -> assertThat(assignment.input("scope")).hasValueSatisfying(scope -> assertThat((String) scope)
                        .endsWith("/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/shop.example.com")));
    }

    @Test
    void anAzureGrantFromAnotherCloudsClusterPutsItsIdentityInTheReferencedResourcesGroup() {
        // AzureFederation places an identity by the Blob grants' resource group; a registry grant
        // names none of its own, so the landing zone gives the store's.
        var deployment = ZoneStack.withConfig(EKS + """
                stores:
                  images: {cloud: azure, kind: registry, resourceGroup: images-rg, registry: acmeimages}
                workloads:
                  api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    grants: [{store: images, access: pull}]
                """).run(LandingZone::stack);

        assertThat(deployment.ofType("azure-native:managedidentity:UserAssignedIdentity")).singleElement()
                .satisfies(identity -> assertThat(identity.input("resourceGroupName")).contains("images-rg"));
        assertThat(deployment.ofType("azure-native:authorization:RoleAssignment")).singleElement()
                .satisfies(assignment -> assertThat(assignment.input("scope")).hasValueSatisfying(scope -> assertThat((String) scope)
                        .endsWith("/resourceGroups/images-rg/providers/Microsoft.ContainerRegistry/registries/acmeimages")));
    }

    @Test
    void aReferencedStoreIsReportedAtTheSettingItsCatalogGrantRefuses() {
        assertThat(problems(EKS + """
                stores:
                  wrong-service: {cloud: aws, kind: secret, arn: "arn:aws:s3:::shop-secrets"}
                  bad-zone: {cloud: aws, kind: zone, zoneId: "hostedzone/Z123"}
                  created-secret: {cloud: aws, kind: secret, create: true, arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"}
                  alias-key: {cloud: aws, kind: secret, arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", keyArn: "arn:aws:kms:eu-west-1:111122223333:alias/db"}
                  wild: {cloud: gcp, kind: secret, name: "projects/acme/secrets/db-*"}
                  no-vault: {cloud: azure, kind: key, resourceGroup: kv-rg, key: signing}
                  bad-vault: {cloud: azure, kind: secret, resourceGroup: kv-rg, vault: "kv_1"}
                  vault: {cloud: azure, kind: vault}
                  extra: {cloud: aws, kind: queue, arn: "arn:aws:sqs:eu-west-1:111122223333:jobs", bucket: jobs}
                workloads: {}
                """)).containsExactly(
                "stores.wrong-service.arn: secret must be a Secrets Manager secret ARN with its six-character suffix, "
                        + "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf: 'arn:aws:s3:::shop-secrets'",
                "stores.bad-zone.zoneId: zone must be a Route 53 hosted zone id, up to 32 upper-case letters and digits such as "
                        + "Z0123456789ABCDEFGHIJ (the id alone: no '/hostedzone/' prefix, no ARN, no domain name): 'hostedzone/Z123'",
                "stores.created-secret.create: must be false for a secret: the landing zone creates buckets and containers, "
                        + "and grants on an existing secret named by arn",
                "stores.alias-key.keyArn: decryptingWith must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY_ID (not an alias: "
                        + "IAM does not resolve an alias in Resource): 'arn:aws:kms:eu-west-1:111122223333:alias/db'",
                "stores.wild.name: secret must be a Secret Manager secret's resource name naming one secret, "
                        + "projects/PROJECT/secrets/SECRET_ID: PROJECT a project ID or number, SECRET_ID 1 to 255 characters of "
                        + "[A-Za-z0-9_-] (no wildcard, no /versions/ suffix): 'projects/acme/secrets/db-*'",
                "stores.no-vault.vault: is required: the Key Vault (an RBAC vault)",
                "stores.bad-vault.vault: vault must be 3 to 24 characters of [A-Za-z0-9-], starting with a letter, ending with a "
                        + "letter or digit, with no two hyphens in a row (Key Vault name): 'kv_1'",
                "stores.vault.kind: 'vault' is not one of container, secret, key, queue, topic, zone, registry",
                "stores.extra.bucket: unknown key; expected one of arn, cloud, create, kind");
    }

    @Test
    void aGrantTakesAnAccessOfItsStoresKindAndAPrefixOnlyOnBuckets() {
        assertThat(problems(EKS + """
                stores:
                  db: {cloud: aws, kind: secret, arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"}
                  orders: {cloud: azure, kind: topic, resourceGroup: bus-rg, namespace: shop-bus, topic: orders}
                workloads:
                  api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    grants:
                      - {store: db, access: readWrite}
                      - {store: orders, access: receive}
                  worker:
                    cluster: platform
                    namespace: shop
                    serviceAccount: worker
                    grants:
                      - {store: db, access: read, prefix: "x/"}
                """)).containsExactly(
                "workloads.api.grants[0].access: 'readWrite' is not one of read",
                "workloads.api.grants[1]: subscription is required: the store's subscription to receive from: a topic's messages "
                        + "are received through a subscription",
                "workloads.worker.grants[0].prefix: is for buckets; 'db' is a secret");
    }
}
