package dev.keyless.preview.cloud;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GcpSimulationTest {
    private final GcpSimulation gcp = new GcpSimulation(Map.of("gcp:project", "shop-prod-4711", "gcp:region", "europe-west1"));

    @Test
    void serviceAccountsGetTheirEmailInTheirProject() {
        var account = gcp.create("gcp:serviceaccount/account:Account", "api-gsa", Map.of("accountId", "shop-api"));

        assertThat(account.state()).containsEntry("email", "shop-api@shop-prod-4711.iam.gserviceaccount.com")
                .containsEntry("member", "serviceAccount:shop-api@shop-prod-4711.iam.gserviceaccount.com")
                .containsEntry("name", "projects/shop-prod-4711/serviceAccounts/shop-api@shop-prod-4711.iam.gserviceaccount.com");
        assertThat(account.id()).isEqualTo("projects/shop-prod-4711/serviceAccounts/shop-api@shop-prod-4711.iam.gserviceaccount.com");
    }

    @Test
    void clustersGetAnEndpointACertificateAndTheConfiguredPlacement() {
        var cluster = gcp.create("gcp:container/cluster:Cluster", "platform-cluster", Map.of());

        assertThat(cluster.state()).containsEntry("name", "platform-cluster-xxxxxxx")
                .containsEntry("project", "shop-prod-4711")
                .containsEntry("location", "europe-west1")
                .containsEntry("endpoint", "203.0.113.10")
                .containsEntry("masterAuth", Map.of("clusterCaCertificate", Placeholders.CERTIFICATE_DATA,
                        "clientCertificateConfig", Map.of("issueClientCertificate", false)));
    }

    @Test
    void bucketsAreAutoNamedInLowerCase() {
        var bucket = gcp.create("gcp:storage/bucket:Bucket", "Charts", Map.of("location", "EU"));

        assertThat(bucket.state()).containsEntry("name", "charts-xxxxxxx").containsEntry("url", "gs://charts-xxxxxxx")
                .containsEntry("location", "EU");
    }

    @Test
    void aBucketReportsUniformAccessAsSetOrOffByDefault() {
        assertThat(gcp.create("gcp:storage/bucket:Bucket", "a", Map.of("location", "EU")).state()).containsEntry("uniformBucketLevelAccess", false);
        assertThat(gcp.create("gcp:storage/bucket:Bucket", "b", Map.of("location", "EU", "uniformBucketLevelAccess", true)).state())
                .containsEntry("uniformBucketLevelAccess", true);
    }

    @Test
    void theResourcesGrantsNameByIdGetTheirFullResourceNamesAsIds() {
        var ring = gcp.create("gcp:kms/keyRing:KeyRing", "shop", Map.of("name", "shop", "location", "europe-west1"));
        var key = gcp.create("gcp:kms/cryptoKey:CryptoKey", "orders", Map.of("name", "orders", "keyRing", ring.id()));

        assertThat(gcp.create("gcp:secretmanager/secret:Secret", "db", Map.of("secretId", "db-password")).id())
                .isEqualTo("projects/shop-prod-4711/secrets/db-password");
        assertThat(key.id()).isEqualTo("projects/shop-prod-4711/locations/europe-west1/keyRings/shop/cryptoKeys/orders");
        assertThat(gcp.create("gcp:pubsub/topic:Topic", "orders", Map.of()).id()).isEqualTo("projects/shop-prod-4711/topics/orders-xxxxxxx");
        assertThat(gcp.create("gcp:pubsub/subscription:Subscription", "worker", Map.of("name", "worker", "topic", "orders")).id())
                .isEqualTo("projects/shop-prod-4711/subscriptions/worker");
        assertThat(gcp.create("gcp:dns/managedZone:ManagedZone", "zone", Map.of("name", "shop-example-com", "dnsName", "shop.example.com.")).id())
                .isEqualTo("projects/shop-prod-4711/managedZones/shop-example-com");
        assertThat(gcp.create("gcp:artifactregistry/repository:Repository", "images", Map.of("repositoryId", "images", "format", "DOCKER")).id())
                .isEqualTo("projects/shop-prod-4711/locations/europe-west1/repositories/images");
    }

    @Test
    void getProjectAnswersThePlaceholderNumber() {
        assertThat(gcp.invoke("gcp:organizations/getProject:getProject", Map.of("projectId", "other-project-01")).orElseThrow())
                .containsEntry("number", "123456789012").containsEntry("projectId", "other-project-01");
        assertThat(gcp.invoke("gcp:organizations/getProject:getProject", Map.of()).orElseThrow())
                .containsEntry("projectId", "shop-prod-4711");
        assertThat(gcp.invoke("gcp:compute/getZones:getZones", Map.of())).isEmpty();
    }

    @Test
    void theClientConfigNamesTheConfiguredProjectAndNoneWhenTheStackConfiguresNone() {
        assertThat(gcp.invoke("gcp:organizations/getClientConfig:getClientConfig", Map.of()).orElseThrow())
                .containsEntry("project", "shop-prod-4711").containsEntry("region", "europe-west1");
        assertThat(new GcpSimulation(Map.of()).invoke("gcp:organizations/getClientConfig:getClientConfig", Map.of()).orElseThrow())
                .containsEntry("project", "");
    }

    @Test
    void workloadIdentityPoolsAndProvidersAreNamedByTheProjectNumber() {
        var pool = gcp.create("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "blue-gcp-pool",
                Map.of("workloadIdentityPoolId", "keyless-pool"));
        var provider = gcp.create("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "api-gcp-provider",
                Map.of("workloadIdentityPoolId", "keyless-pool", "workloadIdentityPoolProviderId", "shop-api"));

        assertThat(pool.state()).containsEntry("name", "projects/123456789012/locations/global/workloadIdentityPools/keyless-pool")
                .containsEntry("state", "ACTIVE");
        assertThat(pool.id()).isEqualTo("projects/shop-prod-4711/locations/global/workloadIdentityPools/keyless-pool");
        assertThat(provider.state()).containsEntry("name",
                "projects/123456789012/locations/global/workloadIdentityPools/keyless-pool/providers/shop-api");
    }
}
