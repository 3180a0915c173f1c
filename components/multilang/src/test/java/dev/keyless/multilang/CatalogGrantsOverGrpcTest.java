package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.EcrAccess;
import dev.keyless.aws.KmsAccess;
import dev.keyless.aws.Route53Access;
import dev.keyless.aws.S3Access;
import dev.keyless.aws.SecretsManagerAccess;
import dev.keyless.aws.SnsAccess;
import dev.keyless.aws.SqsAccess;
import dev.keyless.aws.SsmParameterAccess;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.ContainerRegistryAccess;
import dev.keyless.azure.KeyVaultKeyAccess;
import dev.keyless.azure.KeyVaultSecretAccess;
import dev.keyless.azure.ServiceBusAccess;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;
import dev.keyless.gcp.ArtifactRegistryAccess;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.KmsKeyAccess;
import dev.keyless.gcp.PubSubAccess;
import dev.keyless.gcp.SecretAccess;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.Map;

import static dev.keyless.multilang.FlatEngine.PROJECT;
import static dev.keyless.multilang.FlatEngine.STACK;
import static dev.keyless.multilang.FlatEngine.list;
import static dev.keyless.multilang.FlatEngine.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole grant catalog through Construct as a TypeScript program sends it: each kind, access
 * level and option builds the same children and policies as the typed factories; a kind of another
 * cloud is federated as the Java API federates it; what cannot be read is refused at its path.
 */
class CatalogGrantsOverGrpcTest {
    private static final String TYPE = FlatFederatedServiceAccount.TYPE;
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    private static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PATH_ARN = "arn:aws:ssm:eu-west-1:111122223333:parameter/shop/api";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:111122223333:orders";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:111122223333:events";
    private static final String REPOSITORY_ARN = "arn:aws:ecr:eu-west-1:111122223333:repository/shop/api";
    private static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    private static final StackSettings SETTINGS = StackSettings.of(PROJECT, STACK)
            .withConfig("gcp:project", "shop-prod").withConfig("aws:region", "eu-west-1");

    private static RecordedDeployment javaApi;
    private static FlatEngine engine;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        // The same workloads through the typed Java API, before the engine below takes Pulumi's
        // JVM-wide deployment for the provider's calls.
        javaApi = SimulatedStack.of(SETTINGS).run(ctx -> {
            var eks = new AdoptedEksCluster(FlatEngine.adoptedName("api", "green"), AdoptedEksClusterArgs.builder()
                    .clusterName("green").issuerUrl(EKS_ISSUER).oidcProviderArn(PROVIDER_ARN)
                    .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(eks).namespace("shop").name("api")
                    .grant(SecretsManagerAccess.readOnly(SECRET_ARN).decryptingWith(KEY_ARN))
                    .grant(SsmParameterAccess.readOnlyUnderPath(PATH_ARN))
                    .grant(KmsAccess.encryptDecrypt(KEY_ARN).viaService("s3"))
                    .grant(SqsAccess.sendAndConsume(QUEUE_ARN))
                    .grant(SnsAccess.publish(TOPIC_ARN))
                    .grant(EcrAccess.push(REPOSITORY_ARN))
                    .grant(Route53Access.changeRecords(ZONE_ID))
                    .grant(S3Access.readWrite("shop-charts").prefix("charts/"))
                    .build());
            var gke = new AdoptedGkeCluster(FlatEngine.adoptedName("worker", "blue"), AdoptedGkeClusterArgs.builder()
                    .projectId("shop-prod").location("europe-west1").clusterName("blue")
                    .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("worker", FederatedServiceAccountArgs.builder()
                    .cluster(gke).namespace("shop").name("worker")
                    .grant(GcsAccess.readOnly("shop-lake").prefix("raw/"))
                    .grant(SecretAccess.addVersions("projects/shop-prod/secrets/db"))
                    .grant(KmsKeyAccess.decryptOnly("projects/shop-prod/locations/europe/keyRings/shop/cryptoKeys/db"))
                    .grant(PubSubAccess.subscribe("projects/shop-prod/subscriptions/orders"))
                    .grant(dev.keyless.gcp.DnsZoneAccess.readWrite("projects/shop-prod/managedZones/shop"))
                    .grant(ArtifactRegistryAccess.readOnly("projects/shop-prod/locations/europe/repositories/images"))
                    .build());
            var aks = new AdoptedAksCluster(FlatEngine.adoptedName("web", "amber"), AdoptedAksClusterArgs.builder()
                    .issuerUrl(AKS_ISSUER).resourceGroupName("shop-rg")
                    .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("web", FederatedServiceAccountArgs.builder()
                    .cluster(aks).namespace("shop").name("web")
                    .grant(BlobAccess.readWrite("shop-rg", "shopdata", "uploads"))
                    .grant(KeyVaultSecretAccess.readOnly("shop-rg", "shop-vault", "db"))
                    .grant(KeyVaultSecretAccess.readWrite("shop-rg", "shop-vault"))
                    .grant(KeyVaultKeyAccess.cryptoUser("shop-rg", "shop-vault", "signing"))
                    .grant(ServiceBusAccess.receiveFromSubscription("shop-rg", "shop-bus", "orders", "billing"))
                    .grant(ServiceBusAccess.sendToQueue("shop-rg", "shop-bus", "mail"))
                    .grant(dev.keyless.azure.DnsZoneAccess.contributor("shop-rg", "shop.example.com"))
                    .grant(ContainerRegistryAccess.pull("shop-rg", "shopimages"))
                    .build());
            var red = new AdoptedEksCluster(FlatEngine.adoptedName("reports", "red"), AdoptedEksClusterArgs.builder()
                    .clusterName("red").issuerUrl(EKS_ISSUER).oidcProviderArn(PROVIDER_ARN)
                    .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("reports", FederatedServiceAccountArgs.builder()
                    .cluster(red).namespace("shop").name("reports")
                    .grant(S3Access.readOnly("shop-reports"))
                    .grant(GcsAccess.readOnly("shop-lake"))
                    .grant(dev.keyless.gcp.DnsZoneAccess.readOnly("projects/shop-prod/managedZones/shop"))
                    .build());
        });
        engine = FlatEngine.start(SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everyAwsKindAndOptionBuildsTheJavaApisPolicies() {
        var response = engine.construct(TYPE, "api", workload(eks("green"), "api", list(
                grant("secretsManager", SECRET_ARN, "readOnly", "kmsKeyArn", KEY_ARN),
                grant("ssmParameter", PATH_ARN, "readOnlyUnderPath"),
                grant("kms", KEY_ARN, "encryptDecrypt", "viaService", "s3"),
                grant("sqs", QUEUE_ARN, "sendAndConsume"),
                grant("sns", TOPIC_ARN, "publish"),
                grant("ecr", REPOSITORY_ARN, "push"),
                grant("route53", ZONE_ID, "changeRecords"),
                grant("s3", "shop-charts", "readWrite", "prefix", "charts/"))), true);

        assertBuildsAsJavaApi(response.getUrn(), "green", "api");
    }

    @Test
    void everyGcpKindBuildsTheJavaApisBindings() {
        var cluster = object("cloud", "gcp", "name", "blue", "projectId", "shop-prod", "location", "europe-west1", "clusterName", "blue",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
        var response = engine.construct(TYPE, "worker", workload(cluster, "worker", list(
                grant("gcs", "shop-lake", "readOnly", "prefix", "raw/"),
                grant("secret", "projects/shop-prod/secrets/db", "addVersions"),
                grant("kmsKey", "projects/shop-prod/locations/europe/keyRings/shop/cryptoKeys/db", "decryptOnly"),
                grant("pubSub", "projects/shop-prod/subscriptions/orders", "subscribe"),
                grant("dnsZone", "projects/shop-prod/managedZones/shop", "readWrite"),
                grant("artifactRegistry", "projects/shop-prod/locations/europe/repositories/images", "readOnly"))), true);

        assertBuildsAsJavaApi(response.getUrn(), "blue", "worker");
    }

    @Test
    void everyAzureKindBuildsTheJavaApisRoleAssignments() {
        var cluster = object("cloud", "azure", "name", "amber", "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
        var response = engine.construct(TYPE, "web", workload(cluster, "web", list(
                grant("blob", "shop-rg/shopdata/uploads", "readWrite"),
                grant("keyVaultSecret", "shop-rg/shop-vault/db", "readOnly"),
                grant("keyVaultSecret", "shop-rg/shop-vault", "readWrite"),
                grant("keyVaultKey", "shop-rg/shop-vault/signing", "cryptoUser"),
                grant("serviceBus", "shop-rg/shop-bus/orders/billing", "receiveFromSubscription"),
                grant("serviceBus", "shop-rg/shop-bus/mail", "sendToQueue"),
                grant("dnsZone", "shop-rg/shop.example.com", "contributor"),
                grant("containerRegistry", "shop-rg/shopimages", "pull"))), true);

        assertBuildsAsJavaApi(response.getUrn(), "amber", "web");
    }

    @Test
    void aKindOfAnotherCloudIsFederatedAsTheJavaApiFederatesIt() {
        // dnsZone is a kind of GCP and of Azure: off both clouds, the grant says which.
        var response = engine.construct(TYPE, "reports", workload(eks("red"), "reports", list(
                grant("s3", "shop-reports", "readOnly"),
                grant("gcs", "shop-lake", "readOnly"),
                grant("dnsZone", "projects/shop-prod/managedZones/shop", "readOnly", "cloud", "gcp"))), true);

        assertBuildsAsJavaApi(response.getUrn(), "red", "reports");
        var children = FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(response.getUrn()));
        assertThat(children).anySatisfy(r -> assertThat(r.type()).isEqualTo("gcp:iam/workloadIdentityPool:WorkloadIdentityPool"));
    }

    @Test
    void aKindNoFederationCanPlaceIsRefusedAtItsPath() {
        var message = engine.refusal(TYPE, "bad1", workload(eks("bad1"), "bad1", list(
                grant("s3", "shop-reports", "readOnly"),
                grant("keyVaultSecret", "shop-rg/shop-vault/db", "readOnly"))));

        assertThat(message).isEqualTo("grants[1].kind must be a kind keyless can federate into azure from aws's cluster (blob): "
                + "a managed identity federated from another cloud's cluster needs its resource group, which keyless takes only from "
                + "blob grants; create the cluster on AKS or grant on blob containers: 'keyVaultSecret'");
    }

    @Test
    void aKindTwoCloudsShareNeedsItsCloudOffBoth() {
        var message = engine.refusal(TYPE, "bad2", workload(eks("bad2"), "bad2", list(
                grant("dnsZone", "projects/shop-prod/managedZones/shop", "readOnly"))));

        assertThat(message).isEqualTo("grants[0].cloud is required: dnsZone is a kind of [gcp, azure]: say which cloud");
    }

    @Test
    void anUnknownKindIsRefusedWithTheCatalog() {
        var message = engine.refusal(TYPE, "bad3", workload(eks("bad3"), "bad3", list(grant("dynamodb", "orders", "readOnly"))));

        assertThat(message).isEqualTo("grants[0].kind must be one of [s3, secretsManager, ssmParameter, kms, sqs, sns, ecr, route53, "
                + "gcs, secret, kmsKey, pubSub, dnsZone, artifactRegistry, blob, keyVaultSecret, keyVaultKey, serviceBus, containerRegistry]: 'dynamodb'");
    }

    @Test
    void anAccessLevelOfAnotherKindIsRefused() {
        var message = engine.refusal(TYPE, "bad4", workload(eks("bad4"), "bad4", list(grant("sqs", QUEUE_ARN, "readOnly"))));

        assertThat(message).isEqualTo("grants[0].access must be one of [send, consume, sendAndConsume] for a sqs grant: 'readOnly'");
    }

    @Test
    void anOptionTheKindDoesNotTakeIsRefused() {
        var message = engine.refusal(TYPE, "bad5", workload(eks("bad5"), "bad5", list(
                grant("s3", "shop-charts", "readOnly"), grant("sqs", QUEUE_ARN, "send", "prefix", "orders/"))));

        assertThat(message).isEqualTo("grants[1].prefix must be left out for a sqs grant, which takes no options: 'orders/'");
    }

    @Test
    void aTypedRuleOfAnOptionIsReportedAtTheOptionsPath() {
        var message = engine.refusal(TYPE, "bad6", workload(eks("bad6"), "bad6", list(
                grant("secretsManager", SECRET_ARN, "readOnly", "kmsKeyArn", "not-an-arn"))));

        assertThat(message).startsWith("grants[0].kmsKeyArn must be ").endsWith(": 'not-an-arn'");
    }

    @Test
    void anAzureResourceOfTheWrongShapeIsRefused() {
        var cluster = object("cloud", "azure", "name", "bad7", "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
        var message = engine.refusal(TYPE, "bad7", workload(cluster, "bad7", list(grant("serviceBus", "shop-rg/shop-bus/orders", "receiveFromSubscription"))));

        assertThat(message).isEqualTo("grants[0].resource must be 4 names separated by '/', none empty, the resource group first: 'shop-rg/shop-bus/orders'");
    }

    @Test
    void aResourceKnownOnlyAtDeployNeedsAKeyAndIsWaitedFor() {
        var bucket = "urn:pulumi:dev::multilang::aws:s3/bucketV2:BucketV2::uploads";
        var keyless = object("kind", "s3", "resource", FlatEngine.unknownFrom(bucket), "access", "readWrite");
        var message = engine.refusal(TYPE, "bad8", workload(eks("bad8"), "bad8", list(keyless)));
        assertThat(message).startsWith("grants[0].key is required: a stable name for a grant whose resource is known only at deploy");

        var keyed = object("kind", "s3", "resource", FlatEngine.unknownFrom(bucket), "access", "readWrite", "key", "uploads");
        var response = engine.construct(TYPE, "uploader", workload(eks("gold"), "uploader", list(keyed)), true);

        var children = FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(response.getUrn()));
        // The role carries the grant policy: unknown at preview, and waiting for the bucket it names.
        var role = FlatEngine.only(children, "aws:iam/role:Role");
        assertThat(role.input("inlinePolicies.0.policy")).containsInstanceOf(dev.keyless.preview.engine.UnknownValue.class);
        assertThat(role.dependencies()).contains(bucket);
    }

    private static void assertBuildsAsJavaApi(String urn, String cluster, String workload) {
        var recorded = engine.recorded();
        var flat = recorded.byUrn(urn);
        assertThat(flat.type()).isEqualTo(TYPE);
        FlatEngine.assertSameAsJavaApi(FlatEngine.descendants(recorded, flat), javaApi, FlatEngine.trees(javaApi, FlatEngine.adoptedName(workload, cluster), workload));
    }

    private static Map<String, PropertyValue> eks(String name) {
        return object("cloud", "aws", "name", name, "clusterName", name, "issuerUrl", EKS_ISSUER, "oidcProviderArn", PROVIDER_ARN,
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static Map<String, PropertyValue> workload(Map<String, PropertyValue> cluster, String name, PropertyValue grants) {
        return object("cluster", cluster, "namespace", "shop", "name", name, "grants", grants);
    }

    private static PropertyValue grant(String kind, String resource, String access, String... options) {
        var fields = new java.util.ArrayList<Object>(java.util.List.of("kind", kind, "resource", resource, "access", access));
        fields.addAll(java.util.List.of(options));
        return PropertyValue.of(object(fields.toArray()));
    }
}
