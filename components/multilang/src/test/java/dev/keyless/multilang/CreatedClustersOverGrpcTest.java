package dev.keyless.multilang;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.EksCluster;
import dev.keyless.aws.EksClusterArgs;
import dev.keyless.aws.NodeGroupOptions;
import dev.keyless.azure.AksCluster;
import dev.keyless.azure.AksClusterArgs;
import dev.keyless.gcp.GkeCluster;
import dev.keyless.gcp.GkeClusterArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.List;

import static dev.keyless.multilang.FlatEngine.PROJECT;
import static dev.keyless.multilang.FlatEngine.STACK;
import static dev.keyless.multilang.FlatEngine.knownFrom;
import static dev.keyless.multilang.FlatEngine.list;
import static dev.keyless.multilang.FlatEngine.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The created clusters through Construct: the typed EksCluster, GkeCluster and AksCluster as the
 * flat component's child, exactly as the Java API builds them, with a ClusterReference's fields as
 * outputs that a FederatedServiceAccount takes as they come back.
 */
class CreatedClustersOverGrpcTest {
    private static final StackSettings SETTINGS = StackSettings.of(PROJECT, STACK)
            .withConfig("gcp:project", "shop-prod").withConfig("gcp:region", "europe-west1")
            .withConfig("aws:region", "eu-west-1").withConfig("azure-native:location", "westeurope");

    private static RecordedDeployment javaApi;
    private static FlatEngine engine;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        javaApi = SimulatedStack.of(SETTINGS).run(ctx -> {
            new EksCluster("teal", EksClusterArgs.builder()
                    .clusterName("teal").kubernetesVersion("1.31").subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"))
                    .nodeGroup(new NodeGroupOptions(List.of("m5.large"), 2, 3, 5)).podIdentityAgent(true).build());
            new GkeCluster("violet", GkeClusterArgs.builder().location("europe-west1").releaseChannel("STABLE")
                    .nodePool(new dev.keyless.gcp.NodePoolOptions("e2-standard-4", 1, 2, 4)).build());
            new AksCluster("indigo", AksClusterArgs.builder().location("westeurope").kubernetesVersion("1.31")
                    .systemNodePool(new dev.keyless.azure.NodePoolOptions("Standard_D4s_v5", 1, 2, 4)).build());
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
    void eksClusterIsTheTypedOneAndItsOutputsAReference() {
        var response = engine.construct(FlatEksCluster.TYPE, "teal", object(
                "clusterName", "teal", "kubernetesVersion", "1.31", "subnetIds", list("subnet-0a1b2c3d", "subnet-4e5f6a7b"),
                "nodeGroup", object("instanceTypes", list("m5.large"), "minSize", 2, "desiredSize", 3, "maxSize", 5),
                "podIdentityAgent", true), false);

        assertBuildsAsJavaApi(response.getUrn(), FlatEksCluster.TYPE, "teal");
        var state = PropertyValue.unmarshalProperties(response.getState());
        assertThat(state.get("cloud").getStringValue()).isEqualTo("aws");
        assertThat(state.get("name").getStringValue()).isEqualTo("teal");
        assertThat(state.get("podIdentityAgent").getBooleanValue()).isTrue();
        assertThat(state.get("kubeconfig").getType()).isEqualTo(PropertyValue.ValueType.SECRET);
        assertThat(response.getStateDependenciesMap().keySet()).containsAll(List.of("cloud", "name", "clusterName", "issuerUrl",
                "oidcProviderArn", "kubeconfig", "endpoint", "podIdentityAgent"));
    }

    @Test
    void gkeClusterIsTheTypedOne() {
        var response = engine.construct(FlatGkeCluster.TYPE, "violet", object("location", "europe-west1", "releaseChannel", "STABLE",
                "nodePool", object("machineType", "e2-standard-4", "minNodes", 1, "initialNodes", 2, "maxNodes", 4)), false);

        assertBuildsAsJavaApi(response.getUrn(), FlatGkeCluster.TYPE, "violet");
        var state = PropertyValue.unmarshalProperties(response.getState());
        assertThat(state.get("cloud").getStringValue()).isEqualTo("gcp");
        assertThat(state.get("projectId").getStringValue()).isEqualTo("shop-prod");
    }

    @Test
    void aksClusterIsTheTypedOne() {
        var response = engine.construct(FlatAksCluster.TYPE, "indigo", object("location", "westeurope", "kubernetesVersion", "1.31",
                "systemNodePool", object("vmSize", "Standard_D4s_v5", "minCount", 1, "count", 2, "maxCount", 4)), false);

        assertBuildsAsJavaApi(response.getUrn(), FlatAksCluster.TYPE, "indigo");
        var state = PropertyValue.unmarshalProperties(response.getState());
        assertThat(state.get("cloud").getStringValue()).isEqualTo("azure");
        assertThat(state.get("kubeconfig").getType()).isEqualTo(PropertyValue.ValueType.SECRET);
    }

    @Test
    void aFederatedServiceAccountTakesTheClustersOutputsAsTheyComeBack() {
        var cluster = engine.construct(FlatEksCluster.TYPE, "jade", object("clusterName", "jade"), false);
        var state = PropertyValue.unmarshalProperties(cluster.getState());
        // As a TypeScript program passes `cluster: {cloud: eks.cloud, name: eks.name, ...}`: each an output of the cluster.
        var reference = new java.util.LinkedHashMap<String, PropertyValue>();
        for (var field : List.of("cloud", "name", "clusterName", "issuerUrl", "oidcProviderArn", "kubeconfig", "podIdentityAgent")) {
            reference.put(field, knownFrom(cluster.getUrn(), state.get(field)));
        }
        var response = engine.construct(FlatFederatedServiceAccount.TYPE, "shipper", object("cluster", PropertyValue.of(reference),
                "namespace", "shop", "name", "shipper", "grants", list(object("kind", "s3", "resource", "shop-parcels", "access", "readWrite"))), false);

        var recorded = engine.recorded();
        var children = FlatEngine.descendants(recorded, recorded.byUrn(response.getUrn()));
        var issuer = state.get("issuerUrl").getStringValue().substring("https://".length());
        var role = FlatEngine.only(children, "aws:iam/role:Role");
        assertThat(Json.parse((String) role.input("assumeRolePolicy").orElseThrow()).toString()).contains(issuer + ":sub");
        // The cluster's own IAM OIDC provider is used, not a second one for the same issuer.
        assertThat(children).noneSatisfy(r -> assertThat(r.type()).isEqualTo("aws:iam/openIdConnectProvider:OpenIdConnectProvider"));
        assertThat(role.dependencies()).contains(cluster.getUrn());
    }

    @Test
    void aTypedRuleIsReportedAtTheFlatField() {
        assertThat(engine.refusal(FlatEksCluster.TYPE, "bad1", object("kubernetesVersion", "1.10")))
                .startsWith("kubernetesVersion must be a Kubernetes minor version EKS offers").endsWith(": '1.10'");
        assertThat(engine.refusal(FlatAksCluster.TYPE, "bad2", object("systemNodePool", object("vmSize", "huge"))))
                .startsWith("systemNodePool.vmSize must be ").endsWith(": 'huge'");
        assertThat(engine.refusal(FlatGkeCluster.TYPE, "bad3", object("nodePool", object("machineType", "E2 standard"))))
                .startsWith("nodePool.machineType must be ").endsWith(": 'E2 standard'");
    }

    @Test
    void aMapWhereAListIsExpectedAndAWrongNumberAreRefusedAtTheirPaths() {
        assertThat(engine.refusal(FlatEksCluster.TYPE, "bad4", object("subnetIds", object("a", "subnet-0a1b2c3d"))))
                .isEqualTo("subnetIds must be a list of strings (a subnet id): 'an object with [a]'");
        assertThat(engine.refusal(FlatEksCluster.TYPE, "bad5", object("nodeGroup", object("minSize", "two"))))
                .isEqualTo("nodeGroup.minSize must be a whole number: 'two'");
    }

    private static void assertBuildsAsJavaApi(String urn, String type, String name) {
        var recorded = engine.recorded();
        var flat = recorded.byUrn(urn);
        assertThat(flat.type()).isEqualTo(type);
        assertThat(flat.parentUrn()).isEqualTo(FlatEngine.STACK_URN);
        FlatEngine.assertSameAsJavaApi(FlatEngine.descendants(recorded, flat), javaApi, FlatEngine.trees(javaApi, name));
    }
}
