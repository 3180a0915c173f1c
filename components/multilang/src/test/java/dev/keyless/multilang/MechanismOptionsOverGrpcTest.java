package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.PodIdentity;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.EntraWorkloadIdentity;
import dev.keyless.azure.SharedManagedIdentity;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.AccessGrant;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.GkeWorkloadIdentity;
import dev.keyless.gcp.ServiceAccountImpersonation;
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
 * {@code mechanismOptions} through Construct: each option reaches the typed mechanism builder, so
 * the component builds what the Java API builds with that option, and an option of another
 * mechanism, an unknown one, or one an existing identity excludes is refused at its path.
 */
class MechanismOptionsOverGrpcTest {
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String OTHER_PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String BOUNDARY_ARN = "arn:aws:iam::111122223333:policy/workload-boundary";
    private static final String EXISTING_ROLE_ARN = "arn:aws:iam::111122223333:role/shop-existing";
    private static final String EXISTING_GSA = "shop-existing@shop-prod.iam.gserviceaccount.com";
    private static final String EXISTING_IDENTITY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/identities-rg"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop-shared";
    private static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    private static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";
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
            typed("named-role", eks("named-role", "m1"), IrsaIdentity.builder().roleName("shop-api").rolePath("/workloads/").permissionsBoundary(BOUNDARY_ARN).build(),
                    S3Access.readOnly("shop-lake"));
            typed("trusted-provider", eks("trusted-provider", "m2"), IrsaIdentity.builder().existingOidcProviderArn(OTHER_PROVIDER_ARN).build(), S3Access.readOnly("shop-lake"));
            typed("existing-role", eks("existing-role", "m3"), IrsaIdentity.builder().existingIdentity(EXISTING_ROLE_ARN).build(), S3Access.readOnly("shop-lake"));
            typed("pod-role", eks("pod-role", "m4"), PodIdentity.builder().roleName("shop-pods").build(), S3Access.readOnly("shop-lake"));
            typed("numbered", gke("numbered", "m5"), GkeWorkloadIdentity.builder().projectNumber("123456789012").build(), GcsAccess.readOnly("shop-lake"));
            typed("impersonated", gke("impersonated", "m6"), ServiceAccountImpersonation.builder().accountId("shop-impersonated").build(), GcsAccess.readOnly("shop-lake"));
            typed("existing-gsa", gke("existing-gsa", "m7"), ServiceAccountImpersonation.builder().existingIdentity(EXISTING_GSA).build(), GcsAccess.readOnly("shop-lake"));
            typed("entra-named", aks("entra-named", "m8"), EntraWorkloadIdentity.builder().identityName("shop-web").resourceGroupName("identities-rg")
                    .credentialName("shop-web-aks").build(), BlobAccess.readOnly("shop-rg", "shopdata", "lake"));
            new FederatedServiceAccount("ebs", dev.keyless.aws.AwsControllers.ebsCsiDriver().args(eks("ebs", "m10"))
                    .mechanism(IrsaIdentity.builder().roleName("shop-ebs").build()).build());
            typed("entra-existing", aks("entra-existing", "m9"), EntraWorkloadIdentity.builder().existingIdentity(SharedManagedIdentity.existing(EXISTING_IDENTITY)).build(),
                    BlobAccess.readOnly("shop-rg", "shopdata", "lake"));
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
    void irsaTakesTheRolesNamePathAndBoundary() {
        var children = construct("named-role", eksReference("m1"), "irsa", s3(), object("roleName", "shop-api", "rolePath", "/workloads/",
                "permissionsBoundaryArn", BOUNDARY_ARN));

        var role = FlatEngine.only(children, "aws:iam/role:Role");
        assertThat(role.input("name")).contains("shop-api");
        assertThat(role.input("path")).contains("/workloads/");
        assertThat(role.input("permissionsBoundary")).contains(BOUNDARY_ARN);
    }

    @Test
    void irsaTrustsAnExistingOidcProviderOfTheIssuer() {
        var children = construct("trusted-provider", eksReference("m2"), "irsa", s3(), object("existingOidcProviderArn", OTHER_PROVIDER_ARN));

        assertThat(FlatEngine.only(children, "aws:iam/role:Role").input("assumeRolePolicy").orElseThrow().toString())
                .contains("\"Federated\":\"" + OTHER_PROVIDER_ARN + "\"");
    }

    @Test
    void irsaBindsAnExistingRoleWithoutCreatingOne() {
        var children = construct("existing-role", eksReference("m3"), "irsa", s3(), object("existingIdentity", EXISTING_ROLE_ARN));

        assertThat(children).noneMatch(r -> r.type().equals("aws:iam/role:Role"));
        assertThat(FlatEngine.only(children, "aws:iam/rolePolicy:RolePolicy").input("role")).contains("shop-existing");
    }

    @Test
    void podIdentityTakesTheRolesName() {
        var children = construct("pod-role", eksReference("m4"), "podIdentity", s3(), object("roleName", "shop-pods"));

        assertThat(FlatEngine.only(children, "aws:iam/role:Role").input("name")).contains("shop-pods");
    }

    @Test
    void gkeWorkloadIdentityTakesTheProjectNumber() {
        var children = construct("numbered", gkeReference("m5"), "gkeWorkloadIdentity", gcs(), object("projectNumber", "123456789012"));

        assertThat(FlatEngine.only(children, "gcp:storage/bucketIAMMember:BucketIAMMember").input("member").orElseThrow().toString())
                .startsWith("principal://iam.googleapis.com/projects/123456789012/");
    }

    @Test
    void impersonationTakesTheAccountIdOrAnExistingServiceAccount() {
        var created = construct("impersonated", gkeReference("m6"), "serviceAccountImpersonation", gcs(), object("accountId", "shop-impersonated"));
        var existing = construct("existing-gsa", gkeReference("m7"), "serviceAccountImpersonation", gcs(), object("existingIdentity", EXISTING_GSA));

        assertThat(FlatEngine.only(created, "gcp:serviceaccount/account:Account").input("accountId")).contains("shop-impersonated");
        assertThat(existing).noneMatch(r -> r.type().equals("gcp:serviceaccount/account:Account"));
        assertThat(FlatEngine.only(existing, "gcp:storage/bucketIAMMember:BucketIAMMember").input("member"))
                .contains("serviceAccount:" + EXISTING_GSA);
    }

    @Test
    void entraTakesTheIdentitysNameGroupAndCredentialOrAnExistingIdentity() {
        var named = construct("entra-named", aksReference("m8"), "entraWorkloadIdentity", blob(), object("identityName", "shop-web",
                "resourceGroupName", "identities-rg", "credentialName", "shop-web-aks"));
        var existing = construct("entra-existing", aksReference("m9"), "entraWorkloadIdentity", blob(), object("existingIdentity", EXISTING_IDENTITY));

        var identity = FlatEngine.only(named, "azure-native:managedidentity:UserAssignedIdentity");
        assertThat(identity.input("resourceName")).contains("shop-web");
        assertThat(identity.input("resourceGroupName")).contains("identities-rg");
        assertThat(FlatEngine.only(named, "azure-native:managedidentity:FederatedIdentityCredential").input("federatedIdentityCredentialResourceName"))
                .contains("shop-web-aks");
        // The existing identity is read, not created.
        assertThat(FlatEngine.only(existing, "azure-native:managedidentity:UserAssignedIdentity"))
                .satisfies(r -> assertThat(r.read()).isTrue()).satisfies(r -> assertThat(r.id()).isEqualTo(EXISTING_IDENTITY));
        assertThat(FlatEngine.only(existing, "azure-native:managedidentity:FederatedIdentityCredential").input("resourceName")).contains("shop-shared");
    }

    @Test
    void aControllerPresetTakesTheMechanismsOptionsToo() {
        var response = engine.construct(FlatControllerIdentity.TYPE, "ebs", object("cluster", eksReference("m10"), "controller", "ebsCsi",
                "mechanism", "irsa", FlatMechanism.OPTIONS, object("roleName", "shop-ebs")), true);
        var recorded = engine.recorded();
        var children = FlatEngine.descendants(recorded, recorded.byUrn(response.getUrn()));

        FlatEngine.assertSameAsJavaApi(children, javaApi, FlatEngine.trees(javaApi, FlatEngine.adoptedName("ebs", "m10"), "ebs"));
        assertThat(FlatEngine.only(children, "aws:iam/role:Role").input("name")).contains("shop-ebs");
    }

    @Test
    void anOptionOfAnotherMechanismIsRefusedNamingTheFieldAndTheMechanism() {
        assertThat(refusal("bad1", aksReference("bad1"), "entraWorkloadIdentity", blob(), object("roleName", "shop-api")))
                .isEqualTo("mechanismOptions.roleName must be left out for entraWorkloadIdentity, which takes [identityName, resourceGroupName, "
                        + "credentialName, existingIdentity] (roleName is irsa and podIdentity's): 'shop-api'");
        assertThat(refusal("bad2", eksReference("bad2"), "podIdentity", s3(), object("existingOidcProviderArn", OTHER_PROVIDER_ARN)))
                .isEqualTo("mechanismOptions.existingOidcProviderArn must be left out for podIdentity, which takes [roleName, rolePath, "
                        + "permissionsBoundaryArn, existingIdentity] (existingOidcProviderArn is irsa's): '" + OTHER_PROVIDER_ARN + "'");
        assertThat(refusal("bad3", gkeReference("bad3"), "gkeWorkloadIdentity", gcs(), object("accountId", "shop-impersonated")))
                .isEqualTo("mechanismOptions.accountId must be left out for gkeWorkloadIdentity, which takes [projectNumber] "
                        + "(accountId is serviceAccountImpersonation's): 'shop-impersonated'");
        assertThat(refusal("bad4", gkeReference("bad4"), "serviceAccountImpersonation", gcs(), object("projectNumber", "123456789012")))
                .isEqualTo("mechanismOptions.projectNumber must be left out for serviceAccountImpersonation, which takes [accountId, existingIdentity] "
                        + "(projectNumber is gkeWorkloadIdentity's): '123456789012'");
        assertThat(refusal("bad5", eksReference("bad5"), "irsa", s3(), object("identityName", "shop-web")))
                .isEqualTo("mechanismOptions.identityName must be left out for irsa, which takes [roleName, rolePath, permissionsBoundaryArn, "
                        + "existingOidcProviderArn, existingIdentity] (identityName is entraWorkloadIdentity's): 'shop-web'");
    }

    @Test
    void unknownExcludedAndBadOptionsAreRefusedAtTheirPaths() {
        assertThat(refusal("bad6", eksReference("bad6"), "irsa", s3(), object("roleArn", EXISTING_ROLE_ARN)))
                .isEqualTo("mechanismOptions.roleArn must be one of the options " + FlatMechanismOptions.fields() + ": '(given)'");
        assertThat(refusal("bad7", eksReference("bad7"), "irsa", s3(), object("existingIdentity", EXISTING_ROLE_ARN, "roleName", "shop-api")))
                .isEqualTo("mechanismOptions.existingIdentity and mechanismOptions.roleName exclude each other: "
                        + "an existing identity keeps its owner's name, place and boundary");
        assertThat(refusal("bad8", aksReference("bad8"), "entraWorkloadIdentity", blob(), object("existingIdentity", EXISTING_IDENTITY,
                "resourceGroupName", "identities-rg"))).isEqualTo("mechanismOptions.existingIdentity and mechanismOptions.resourceGroupName "
                + "exclude each other: an existing identity keeps its owner's name, place and boundary");
        assertThat(refusal("bad9", eksReference("bad9"), "irsa", s3(), object("roleName", "shop api")))
                .startsWith("mechanismOptions.roleName must be ").endsWith(": 'shop api'");
        assertThat(refusal("bad10", gkeReference("bad10"), "serviceAccountImpersonation", gcs(), object("existingIdentity", "shop-existing")))
                .startsWith("mechanismOptions.existingIdentity must be ").endsWith(": 'shop-existing'");

        var withoutMechanism = new java.util.LinkedHashMap<>(inputs(eksReference("bad11"), "without", s3()));
        withoutMechanism.put(FlatMechanism.OPTIONS, PropertyValue.of(object("roleName", "shop-api")));
        assertThat(engine.refusal(FlatFederatedServiceAccount.TYPE, "bad11", withoutMechanism))
                .isEqualTo("mechanism is required: the mechanism mechanismOptions are for, one of " + FlatMechanism.names());
        var controller = object("cluster", eksReference("bad12"), "controller", "ebsCsi", FlatMechanism.OPTIONS, object("roleName", "shop-ebs"));
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad12", controller))
                .isEqualTo("mechanism is required: the mechanism mechanismOptions are for, one of " + FlatMechanism.names());
    }

    private static void typed(String name, OidcCluster cluster, IdentityMechanism mechanism, AccessGrant grant) {
        new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name(name)
                .mechanism(mechanism).grant(grant).build());
    }

    // Constructs the workload, asserts it built exactly what the Java API built with the same option, and returns its children.
    private static List<RegisteredResource> construct(String name, Map<String, PropertyValue> cluster, String mechanism, PropertyValue grant,
                                                      Map<String, PropertyValue> options) {
        var inputs = new java.util.LinkedHashMap<>(inputs(cluster, name, grant));
        inputs.put("mechanism", PropertyValue.of(mechanism));
        inputs.put(FlatMechanism.OPTIONS, PropertyValue.of(options));
        var response = engine.construct(FlatFederatedServiceAccount.TYPE, name, inputs, true);
        var recorded = engine.recorded();
        var children = FlatEngine.descendants(recorded, recorded.byUrn(response.getUrn()));
        FlatEngine.assertSameAsJavaApi(children, javaApi, FlatEngine.trees(javaApi, FlatEngine.adoptedName(name, cluster.get("name").getStringValue()), name));
        return children;
    }

    private static String refusal(String name, Map<String, PropertyValue> cluster, String mechanism, PropertyValue grant, Map<String, PropertyValue> options) {
        var inputs = new java.util.LinkedHashMap<>(inputs(cluster, name, grant));
        inputs.put("mechanism", PropertyValue.of(mechanism));
        inputs.put(FlatMechanism.OPTIONS, PropertyValue.of(options));
        return engine.refusal(FlatFederatedServiceAccount.TYPE, name, inputs);
    }

    private static Map<String, PropertyValue> inputs(Map<String, PropertyValue> cluster, String serviceAccount, PropertyValue grant) {
        return object("cluster", cluster, "namespace", "shop", "name", serviceAccount, "grants", list(grant));
    }

    private static PropertyValue s3() {
        return PropertyValue.of(object("kind", "s3", "resource", "shop-lake", "access", "readOnly"));
    }

    private static PropertyValue gcs() {
        return PropertyValue.of(object("kind", "gcs", "resource", "shop-lake", "access", "readOnly"));
    }

    private static PropertyValue blob() {
        return PropertyValue.of(object("kind", "blob", "resource", "shop-rg/shopdata/lake", "access", "readOnly"));
    }

    private static AdoptedEksCluster eks(String component, String name) {
        return new AdoptedEksCluster(FlatEngine.adoptedName(component, name), AdoptedEksClusterArgs.builder().clusterName(name).issuerUrl(EKS_ISSUER)
                .oidcProviderArn(PROVIDER_ARN).podIdentityAgent(true).kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static AdoptedGkeCluster gke(String component, String name) {
        return new AdoptedGkeCluster(FlatEngine.adoptedName(component, name), AdoptedGkeClusterArgs.builder().projectId("shop-prod").location("europe-west1").clusterName(name)
                .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static AdoptedAksCluster aks(String component, String name) {
        return new AdoptedAksCluster(FlatEngine.adoptedName(component, name), AdoptedAksClusterArgs.builder().issuerUrl(AKS_ISSUER).resourceGroupName("shop-rg")
                .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static Map<String, PropertyValue> eksReference(String name) {
        return object("cloud", "aws", "name", name, "clusterName", name, "issuerUrl", EKS_ISSUER, "oidcProviderArn", PROVIDER_ARN,
                "podIdentityAgent", true, "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static Map<String, PropertyValue> gkeReference(String name) {
        return object("cloud", "gcp", "name", name, "projectId", "shop-prod", "location", "europe-west1", "clusterName", name,
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static Map<String, PropertyValue> aksReference(String name) {
        return object("cloud", "azure", "name", name, "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }
}
