package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.AwsControllers;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.AzureControllers;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;
import dev.keyless.gcp.GcpControllers;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.keyless.multilang.FlatEngine.PROJECT;
import static dev.keyless.multilang.FlatEngine.STACK;
import static dev.keyless.multilang.FlatEngine.list;
import static dev.keyless.multilang.FlatEngine.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GCP presets, Velero on every cloud and the further AWS presets through Construct: each
 * builds exactly what the typed preset builds, and bad values are refused at their flat field.
 */
class ControllerPresetsOverGrpcTest {
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    private static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";
    private static final String FILE_SYSTEM_ARN = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0";
    private static final StackSettings SETTINGS = StackSettings.of(PROJECT, STACK)
            .withConfig("gcp:project", "shop-prod").withConfig("aws:region", "eu-west-1");

    private static RecordedDeployment javaApi;
    private static FlatEngine engine;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        javaApi = SimulatedStack.of(SETTINGS).run(ctx -> {
            new FederatedServiceAccount("gcp-certs-here", GcpControllers.certManager("shop-prod", List.of("shop-example-com")).args(gke("gcp-certs-here", "g1")).build());
            new FederatedServiceAccount("gcp-certs", GcpControllers.certManager("dns-prod", List.of("shop-example-com")).inNamespace("certs").args(gke("gcp-certs", "g2")).build());
            new FederatedServiceAccount("gcp-secrets", GcpControllers.externalSecrets("shop-prod", List.of("db-password", "api-key"))
                    .args(gke("gcp-secrets", "g3")).build());
            new FederatedServiceAccount("gcp-velero", GcpControllers.velero("shop-backups").args(gke("gcp-velero", "g4")).build());
            new FederatedServiceAccount("aws-velero", AwsControllers.velero("shop-backups").args(eks("aws-velero", "e1")).build());
            new FederatedServiceAccount("efs", AwsControllers.efsCsiDriver().args(eks("efs", "e2")).build());
            new FederatedServiceAccount("efs-named", AwsControllers.efsCsiDriver(List.of(FILE_SYSTEM_ARN)).inNamespace("storage").args(eks("efs-named", "e3")).build());
            new FederatedServiceAccount("cni", AwsControllers.vpcCni().args(eks("cni", "e4")).build());
            new FederatedServiceAccount("mountpoint", AwsControllers.mountpointS3CsiDriver(List.of("shop-models", "shop-data"))
                    .args(eks("mountpoint", "e5")).build());
            new FederatedServiceAccount("mountpoint-prefix", AwsControllers.mountpointS3CsiDriver("shop-models", "models/")
                    .inNamespace("storage").args(eks("mountpoint-prefix", "e6")).build());
            new FederatedServiceAccount("lbc", AwsControllers.awsLoadBalancerController("e7").args(eks("lbc", "e7")).build());
            new FederatedServiceAccount("azure-velero", AzureControllers.velero("shop-rg", "shopbackups", "velero").args(aks("azure-velero", "a1")).build());
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
    void gcpCertManagerTakesTheProjectFromTheClusterReference() {
        var children = construct("gcp-certs-here", gkeReference("g1"), "controller", "certManager", "zoneNames", list("shop-example-com"));

        assertThat(members(children)).containsExactly(
                "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember projects/shop-prod/managedZones/shop-example-com roles/dns.admin");
    }

    @Test
    void gcpCertManagerTakesAnExplicitProject() {
        var children = construct("gcp-certs", gkeReference("g2"), "controller", "certManager", "project", "dns-prod",
                "zoneNames", list("shop-example-com"), "namespace", "certs");

        assertThat(members(children)).containsExactly(
                "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember projects/dns-prod/managedZones/shop-example-com roles/dns.admin");
    }

    @Test
    void gcpExternalSecretsBindsEachSecret() {
        var children = construct("gcp-secrets", gkeReference("g3"), "controller", "externalSecrets", "secretIds", list("db-password", "api-key"));

        assertThat(members(children)).containsExactlyInAnyOrder(
                "gcp:secretmanager/secretIamMember:SecretIamMember projects/shop-prod/secrets/db-password roles/secretmanager.secretAccessor",
                "gcp:secretmanager/secretIamMember:SecretIamMember projects/shop-prod/secrets/api-key roles/secretmanager.secretAccessor");
    }

    @Test
    void gcpVeleroBindsTheBucket() {
        var children = construct("gcp-velero", gkeReference("g4"), "controller", "velero", "bucketName", "shop-backups");

        assertThat(members(children)).containsExactly("gcp:storage/bucketIAMMember:BucketIAMMember shop-backups roles/storage.objectUser");
    }

    // The typed grants keep their custom role once per stack, as the stack's child; a Construct has no stack.
    @Test
    void presetsWhoseCustomRoleTheTypedApiKeepsPerStackAreRefusedAtTheChoosingField() {
        var rule = " must be a choice the flat layer can build: it needs %s, a custom role the typed API keeps once per stack as the stack's "
                + "child, and a Construct has no stack to keep it in (the typed API in a Java program has): '%s'";
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "gcp-dns", inputs(gkeReference("r1"), "controller", "externalDns",
                "zoneNames", list("shop-example-com")))).isEqualTo("controller" + rule.formatted("DnsZoneListing", "externalDns"));
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "gcp-disks", inputs(gkeReference("r2"), "controller", "velero",
                "bucketName", "shop-backups", "diskSnapshots", true))).isEqualTo("diskSnapshots" + rule.formatted("DiskSnapshotAccess", "true"));
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "azure-dns", inputs(aksReference("r3"), "controller", "externalDns",
                "resourceGroupName", "shop-rg", "zoneNames", list("shop.example.com"))))
                .isEqualTo("controller" + rule.formatted("DnsZoneListing", "externalDns"));
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "azure-disks", inputs(aksReference("r4"), "controller", "velero",
                "resourceGroupName", "shop-rg", "storageAccountName", "shopbackups", "containerName", "velero",
                "diskResourceGroupName", "MC_shop-rg_amber_westeurope")))
                .isEqualTo("diskResourceGroupName" + rule.formatted("DiskSnapshotAccess", "MC_shop-rg_amber_westeurope"));
    }

    @Test
    void awsVeleroAndTheStoragePresetsBuildTheTypedPolicies() {
        construct("aws-velero", eksReference("e1"), "controller", "velero", "bucketName", "shop-backups");
        construct("efs", eksReference("e2"), "controller", "efsCsi");
        construct("efs-named", eksReference("e3"), "controller", "efsCsi", "fileSystemArns", list(FILE_SYSTEM_ARN), "namespace", "storage");
        construct("mountpoint", eksReference("e5"), "controller", "mountpointS3Csi", "bucketNames", list("shop-models", "shop-data"));
        var prefixed = construct("mountpoint-prefix", eksReference("e6"), "controller", "mountpointS3Csi", "bucketNames", list("shop-models"),
                "keyPrefix", "models/", "namespace", "storage");

        assertThat(FlatEngine.only(prefixed, "aws:iam/role:Role").input("inlinePolicies").orElseThrow().toString())
                .contains("arn:aws:s3:::shop-models/models/*").doesNotContain("shop-data");
    }

    @Test
    void vpcCniAttachesTheManagedPolicyAndTheLoadBalancerControllerTakesTheReferencesClusterName() {
        var cni = construct("cni", eksReference("e4"), "controller", "vpcCni");
        var lbc = construct("lbc", eksReference("e7"), "controller", "loadBalancerController");

        assertThat(FlatEngine.only(cni, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").input("policyArn").orElseThrow())
                .isEqualTo("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
        assertThat(FlatEngine.only(lbc, "aws:iam/role:Role").input("inlinePolicies").orElseThrow().toString())
                .contains("\"aws:ResourceTag/elbv2.k8s.aws/cluster\":\"e7\"");
    }

    @Test
    void azureVeleroBindsTheContainer() {
        var children = construct("azure-velero", aksReference("a1"), "controller", "velero", "resourceGroupName", "shop-rg",
                "storageAccountName", "shopbackups", "containerName", "velero");

        assertThat(children).filteredOn(r -> r.type().equals("azure-native:authorization:RoleAssignment")).singleElement()
                .satisfies(r -> assertThat(r.input("scope").orElseThrow().toString()).endsWith(
                        "/resourceGroups/shop-rg/providers/Microsoft.Storage/storageAccounts/shopbackups/blobServices/default/containers/velero"));
    }

    @Test
    void badPresetValuesAreRefusedAtTheirFields() {
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad1", inputs(gkeReference("bad1"), "controller", "clusterAutoscaler")))
                .isEqualTo("controller must be a preset for the cluster's cloud gcp [externalDns, certManager, externalSecrets, velero]: "
                        + "'clusterAutoscaler'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad2", inputs(gkeReference("bad2"), "controller", "externalDns")))
                .isEqualTo("zoneNames is required: at least one Cloud DNS managed zone's own name");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad3", inputs(gkeReference("bad3"), "controller", "externalDns",
                "zoneNames", list("shop-example-com"), "zoneIds", list("Z0123456789ABCDEFGHIJ"))))
                .isEqualTo("zoneIds must be left out for externalDns on gcp, which reads only [project, zoneNames]: '(given)'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad4", inputs(gkeReference("bad4"), "controller", "externalSecrets",
                "project", "Shop Prod", "secretIds", list("db")))).startsWith("project must be ").endsWith(": 'Shop Prod'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad5", inputs(gkeReference("bad5"), "controller", "velero",
                "bucketName", "shop-backups", "project", "shop-prod")))
                .isEqualTo("project must be left out for velero without diskSnapshots, which grants on the bucket only: 'shop-prod'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad6", inputs(eksReference("bad6"), "controller", "velero",
                "bucketName", "Shop_Backups"))).startsWith("bucketName must be ").endsWith(": 'Shop_Backups'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad7", inputs(eksReference("bad7"), "controller", "mountpointS3Csi",
                "bucketNames", list("shop-models", "shop-data"), "keyPrefix", "models/")))
                .isEqualTo("keyPrefix must be left out with more than one bucket: a prefix is of the one bucket mounted with --prefix: 'models/'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad8", inputs(aksReference("bad8"), "controller", "velero",
                "resourceGroupName", "shop-rg", "storageAccountName", "shopbackups")))
                .isEqualTo("containerName is required: the backup container's name");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad9", inputs(aksReference("bad9"), "controller", "velero",
                "resourceGroupName", "shop-rg", "storageAccountName", "shopbackups", "containerName", "velero", "diskSnapshots", true)))
                .isEqualTo("diskSnapshots must be left out for velero on azure, which reads only "
                        + "[resourceGroupName, storageAccountName, containerName, diskResourceGroupName]: '(given)'");
    }

    // Constructs the preset, asserts it built exactly what the typed preset built, and returns its children.
    private static List<RegisteredResource> construct(String name, Map<String, PropertyValue> cluster, Object... fields) {
        var response = engine.construct(FlatControllerIdentity.TYPE, name, inputs(cluster, fields), true);
        var recorded = engine.recorded();
        var flat = recorded.byUrn(response.getUrn());
        var children = FlatEngine.descendants(recorded, flat);
        FlatEngine.assertSameAsJavaApi(children, javaApi, FlatEngine.trees(javaApi, FlatEngine.adoptedName(name, cluster.get("name").getStringValue()), name));
        return children;
    }

    private static Map<String, PropertyValue> inputs(Map<String, PropertyValue> cluster, Object... fields) {
        var inputs = new java.util.LinkedHashMap<>(object(fields));
        inputs.put("cluster", PropertyValue.of(cluster));
        return inputs;
    }

    // Each Google IAM member as "TYPE RESOURCE ROLE", the resource being the field each member type names it by.
    private static List<String> members(List<RegisteredResource> children) {
        return children.stream().filter(r -> r.type().startsWith("gcp:") && r.type().toLowerCase().contains("iammember"))
                .map(r -> r.type() + " " + r.inputs().entrySet().stream()
                        .filter(e -> List.of("project", "bucket", "secretId", "managedZone").contains(e.getKey()))
                        .map(e -> String.valueOf(e.getValue())).findFirst().orElse("?") + " " + r.input("role").orElseThrow())
                .toList();
    }

    private static AdoptedGkeCluster gke(String component, String name) {
        return new AdoptedGkeCluster(FlatEngine.adoptedName(component, name), AdoptedGkeClusterArgs.builder().projectId("shop-prod").location("europe-west1").clusterName(name)
                .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static AdoptedEksCluster eks(String component, String name) {
        return new AdoptedEksCluster(FlatEngine.adoptedName(component, name), AdoptedEksClusterArgs.builder().clusterName(name).issuerUrl(EKS_ISSUER)
                .oidcProviderArn(PROVIDER_ARN).kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static AdoptedAksCluster aks(String component, String name) {
        return new AdoptedAksCluster(FlatEngine.adoptedName(component, name), AdoptedAksClusterArgs.builder().issuerUrl(AKS_ISSUER).resourceGroupName("shop-rg")
                .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static Map<String, PropertyValue> gkeReference(String name) {
        return object("cloud", "gcp", "name", name, "projectId", "shop-prod", "location", "europe-west1", "clusterName", name,
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static Map<String, PropertyValue> eksReference(String name) {
        return object("cloud", "aws", "name", name, "clusterName", name, "issuerUrl", EKS_ISSUER, "oidcProviderArn", PROVIDER_ARN,
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static Map<String, PropertyValue> aksReference(String name) {
        return object("cloud", "azure", "name", name, "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }
}
