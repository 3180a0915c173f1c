package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.S3Access;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.host.EngineServer;
import dev.keyless.preview.host.SimulatedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.SimulatedStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;

import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Construct over gRPC, as a TypeScript program's SDK calls it through the engine: the provider jar
 * builds the flat component against the project's simulated engine (the preview's monitor served
 * over Pulumi's protocol), which records every child it registers.
 */
class ConstructOverGrpcTest {
    private static final String PROJECT = "multilang";
    private static final String STACK = "dev";
    private static final String STACK_URN = "urn:pulumi:" + STACK + "::" + PROJECT + "::pulumi:pulumi:Stack::" + PROJECT + "-" + STACK;
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";
    private static final String ROLE = "aws:iam/role:Role";
    /** The separate grant policy, which a role keyless creates no longer needs. */
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

    private static RecordedDeployment javaApi;
    private static SimulatedDeployment engine;
    private static EngineServer server;
    private static ProviderProcess provider;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        // The same workload through the typed Java API, before the simulated engine below takes
        // Pulumi's JVM-wide deployment for the provider's calls.
        javaApi = SimulatedStack.of(StackSettings.of(PROJECT, STACK)).run(ctx -> {
            var cluster = new AdoptedEksCluster(FlatEngine.adoptedName("api", "green"), AdoptedEksClusterArgs.builder()
                    .clusterName("green").issuerUrl(ISSUER).oidcProviderArn(PROVIDER_ARN)
                    .kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api")
                    .grant(S3Access.readWrite("shop-charts").prefix("charts/"))
                    .build());
        });
        engine = SimulatedDeployment.start(StackSettings.of(PROJECT, STACK));
        server = EngineServer.start(engine, System.err);
        provider = ProviderProcess.start(server.address());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void buildsTheSameChildrenTrustAndGrantsAsTheJavaApi() {
        var started = System.nanoTime();
        var response = construct("api", workload("green", "api", PropertyValue.of(List.of(grant("s3", "shop-charts", "charts/", "readWrite")))), true);
        System.out.println("Construct round trip for one workload: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        var recorded = engine.recorded(Optional.empty());
        var flat = recorded.byUrn(response.getUrn());
        assertThat(flat.type()).isEqualTo(FlatFederatedServiceAccount.TYPE);
        assertThat(flat.parentUrn()).isEqualTo(STACK_URN);

        var flatChildren = descendants(recorded, flat);
        assertThat(shapes(flatChildren)).isEqualTo(shapes(javaApiResources()));
        for (var child : flatChildren) {
            var typed = javaApi.resource(child.type(), child.name());
            if (child.custom()) {
                assertThat(child.inputs()).as(child.type() + " " + child.name()).isEqualTo(typed.inputs());
            }
        }
        var flatRole = only(flatChildren, ROLE);
        assertThat(Json.parse(flatRole.input("assumeRolePolicy").orElseThrow()))
                .isEqualTo(Json.parse(javaApi.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow()));
        // The role carries its grants as its one inline policy, over gRPC as in Java.
        assertThat(flatChildren.stream().filter(r -> r.type().equals(POLICY))).isEmpty();
        assertThat(Json.parse(flatRole.input("inlinePolicies.0.policy").orElseThrow()))
                .isEqualTo(Json.parse(javaApi.resource(ROLE, "api-role").input("inlinePolicies.0.policy").orElseThrow()));
        assertThat(only(flatChildren, SERVICE_ACCOUNT).input("metadata.annotations")).contains(Map.of(
                "eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/api-role-xxxxxxx"));
    }

    @Test
    void outputsComeBack() {
        var response = construct("web", workload("blue", "web", PropertyValue.of(List.of(grant("s3", "shop-assets", null, "readOnly")))), false);

        var state = PropertyValue.unmarshalProperties(response.getState());
        assertThat(state.get("namespace").getStringValue()).isEqualTo("shop");
        assertThat(state.get("serviceAccountName").getStringValue()).isEqualTo("web");
        assertThat(state.get("identity").getStringValue()).isEqualTo("arn:aws:iam::123456789012:role/web-role-xxxxxxx");
        assertThat(state.get("podLabels").getArrayValue()).isEmpty();
        assertThat(state.get("nodeSelector").getArrayValue()).isEmpty();
        assertThat(response.getStateDependenciesMap().keySet()).containsExactlyInAnyOrder(
                "identity", "namespace", "serviceAccountName", "podLabels", "podEnv", "nodeSelector");
    }

    @Test
    void twoComponentsOnOneClusterReferenceEachAdoptTheirOwnCopy() {
        // A TypeScript program passes one cluster reference to every workload on the cluster, each
        // in its own namespace (two components creating one namespace would clash in Kubernetes).
        var orders = workload("shared", "orders", PropertyValue.of(List.of(grant("s3", "shop-orders", null, "readOnly"))));
        orders.put("namespace", PropertyValue.of("orders"));
        var billing = workload("shared", "billing", PropertyValue.of(List.of(grant("s3", "shop-billing", null, "readOnly"))));
        billing.put("namespace", PropertyValue.of("billing"));
        var first = construct("orders", orders, true);
        var second = construct("billing", billing, true);

        var recorded = engine.recorded(Optional.empty());
        for (var response : List.of(first, second)) {
            var component = recorded.byUrn(response.getUrn());
            var cluster = only(descendants(recorded, component), "keyless:aws:AdoptedEksCluster");
            assertThat(cluster.name()).isEqualTo(component.name() + "-shared");
            assertThat(cluster.parentUrn()).isEqualTo(component.urn());
        }
        assertThat(recorded.resources()).extracting(RegisteredResource::urn).doesNotHaveDuplicates();
    }

    @Test
    void kubeconfigStaysSecretAndAnIssuerUnknownAtPreviewIsWaitedFor() {
        var cluster = cluster("amber");
        // As a TypeScript program sends a value another resource has not computed yet.
        cluster.put("issuerUrl", PropertyValue.of(new PropertyValue.OutputReference(null, Set.of(STACK_URN))));
        var inputs = new LinkedHashMap<String, PropertyValue>();
        inputs.put("cluster", PropertyValue.of(cluster));
        inputs.put("namespace", PropertyValue.of("shop"));
        inputs.put("name", PropertyValue.of("batch"));

        var response = construct("batch", inputs, true);

        var recorded = engine.recorded(Optional.empty());
        var children = descendants(recorded, recorded.byUrn(response.getUrn()));
        var provider = children.stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        assertThat(provider.inputs().get("kubeconfig")).isInstanceOf(dev.keyless.preview.engine.SecretValue.class);
        // The trust names the issuer, so at preview it is as unknown as the issuer is.
        assertThat(only(children, ROLE).input("assumeRolePolicy")).containsInstanceOf(dev.keyless.preview.engine.UnknownValue.class);
    }

    @Test
    void anUnknownMechanismIsRefusedWithItsPath() {
        var inputs = workload("red1", "bad1", PropertyValue.of(List.of()));
        inputs.put("mechanism", PropertyValue.of("kube2iam"));

        assertRefused("bad1", inputs, "mechanism must be one of [irsa, podIdentity, gkeWorkloadIdentity, "
                + "serviceAccountImpersonation, entraWorkloadIdentity]: 'kube2iam'");
    }

    @Test
    void aGrantNoFederationCanPlaceIsRefusedWithItsPath() {
        // A GCP grant on this EKS cluster is federated into GCP, as in the Java API; an Azure Key Vault
        // grant cannot be: the federated managed identity would have no resource group.
        var inputs = workload("red2", "bad2", PropertyValue.of(List.of(
                grant("s3", "shop-charts", null, "readOnly"), grant("keyVaultKey", "shop-rg/shop-vault/signing", null, "cryptoUser"))));

        assertRefused("bad2", inputs, "grants[1].kind must be a kind keyless can federate into azure from aws's cluster (blob): "
                + "a managed identity federated from another cloud's cluster needs its resource group, which keyless takes only from "
                + "blob grants; create the cluster on AKS or grant on blob containers: 'keyVaultKey'");
    }

    @Test
    void aMissingFieldOfANestedObjectIsRefusedWithItsPath() {
        var incomplete = new LinkedHashMap<String, PropertyValue>();
        incomplete.put("kind", PropertyValue.of("s3"));
        incomplete.put("access", PropertyValue.of("readOnly"));
        var inputs = workload("red3", "bad3", PropertyValue.of(List.of(grant("s3", "a-bucket", null, "readOnly"), PropertyValue.of(incomplete))));

        assertRefused("bad3", inputs, "grants[1].resource is required: a bucket name");
    }

    @Test
    void aMapWhereAListIsExpectedIsRefusedWithItsPath() {
        var inputs = workload("red4", "bad4", PropertyValue.of(Map.of("charts", grant("s3", "shop-charts", null, "readOnly"))));

        assertRefused("bad4", inputs, "grants must be a list of {kind, resource, prefix, access} objects: 'an object with [charts]'");
    }

    @Test
    void aTypedRuleIsReportedAtTheFlatPath() {
        var inputs = workload("red5", "bad5", PropertyValue.of(List.of(grant("s3", "Not_A_Bucket", null, "readOnly"))));

        var refusal = refusal("bad5", inputs);
        assertThat(refusal.getStatus().getDescription()).startsWith("grants[0].resource must be ").endsWith(": 'Not_A_Bucket'");
    }

    private void assertRefused(String name, Map<String, PropertyValue> inputs, String message) {
        var refusal = refusal(name, inputs);
        assertThat(refusal.getStatus().getDescription()).isEqualTo(message);
    }

    private StatusRuntimeException refusal(String name, Map<String, PropertyValue> inputs) {
        var before = engine.recorded(Optional.empty()).resources().size();
        var refusal = catchThrowableOfType(StatusRuntimeException.class, () -> construct(name, inputs, true));
        assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refusal.getStatus().getDescription()).doesNotContain("\tat ").doesNotContain("Exception");
        // Refused before anything was registered.
        assertThat(engine.recorded(Optional.empty()).resources()).hasSize(before);
        return refusal;
    }

    private static ConstructResponse construct(String name, Map<String, PropertyValue> inputs, boolean dryRun) {
        return provider.provider().construct(ConstructRequest.newBuilder()
                .setProject(PROJECT).setStack(STACK).setOrganization("organization")
                .setDryRun(dryRun)
                .setMonitorEndpoint(server.address())
                .setParent(STACK_URN)
                .setType(FlatFederatedServiceAccount.TYPE)
                .setName(name)
                .setInputs(PropertyValue.marshalProperties(inputs))
                .build());
    }

    private static Map<String, PropertyValue> cluster(String name) {
        var cluster = new LinkedHashMap<String, PropertyValue>();
        cluster.put("cloud", PropertyValue.of("aws"));
        cluster.put("name", PropertyValue.of(name));
        cluster.put("clusterName", PropertyValue.of(name));
        cluster.put("issuerUrl", PropertyValue.of(ISSUER));
        cluster.put("oidcProviderArn", PropertyValue.of(PROVIDER_ARN));
        cluster.put("kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
        return cluster;
    }

    private static Map<String, PropertyValue> workload(String clusterName, String name, PropertyValue grants) {
        var inputs = new LinkedHashMap<String, PropertyValue>();
        inputs.put("cluster", PropertyValue.of(cluster(clusterName)));
        inputs.put("namespace", PropertyValue.of("shop"));
        inputs.put("name", PropertyValue.of(name));
        inputs.put("grants", grants);
        return inputs;
    }

    private static PropertyValue grant(String kind, String resource, String prefix, String access) {
        var grant = new LinkedHashMap<String, PropertyValue>();
        grant.put("kind", PropertyValue.of(kind));
        grant.put("resource", PropertyValue.of(resource));
        if (prefix != null) {
            grant.put("prefix", PropertyValue.of(prefix));
        }
        grant.put("access", PropertyValue.of(access));
        return PropertyValue.of(grant);
    }

    private static List<RegisteredResource> javaApiResources() {
        return javaApi.resources().stream().filter(r -> !r.isStack()).toList();
    }

    private static List<RegisteredResource> descendants(RecordedDeployment recorded, RegisteredResource root) {
        var result = new ArrayList<RegisteredResource>();
        var frontier = new ArrayList<>(List.of(root.urn()));
        while (!frontier.isEmpty()) {
            var parent = frontier.remove(0);
            for (var r : recorded.resources()) {
                if (r.parentUrn().equals(parent)) {
                    result.add(r);
                    frontier.add(r.urn());
                }
            }
        }
        return result;
    }

    // What a reviewer compares: each child's type, name and its parent's type and name.
    private static Set<String> shapes(List<RegisteredResource> resources) {
        var byUrn = resources.stream().collect(Collectors.toMap(RegisteredResource::urn, r -> r));
        return resources.stream().map(r -> {
            var parent = byUrn.get(r.parentUrn());
            return r.type() + " " + r.name() + " under " + (parent == null ? "the root" : parent.type() + " " + parent.name());
        }).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static RegisteredResource only(List<RegisteredResource> resources, String type) {
        var matching = resources.stream().filter(r -> r.type().equals(type)).toList();
        assertThat(matching).as(type).hasSize(1);
        return matching.get(0);
    }
}
