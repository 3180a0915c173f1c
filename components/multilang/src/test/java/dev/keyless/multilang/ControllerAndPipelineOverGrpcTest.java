package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.aws.AwsControllers;
import dev.keyless.aws.PodIdentity;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.azure.AzureControllers;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.GitLab;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import static dev.keyless.multilang.FlatEngine.PROJECT;
import static dev.keyless.multilang.FlatEngine.STACK;
import static dev.keyless.multilang.FlatEngine.list;
import static dev.keyless.multilang.FlatEngine.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ControllerIdentity and PipelineIdentity through Construct: a preset by name with its values, a CI
 * system by name with typed subjects and the flat grants, each building what the Java API builds.
 */
class ControllerAndPipelineOverGrpcTest {
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    private static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";
    private static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    private static final StackSettings SETTINGS = StackSettings.of(PROJECT, STACK).withConfig("aws:region", "eu-west-1");

    private static RecordedDeployment javaApi;
    private static FlatEngine engine;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        javaApi = SimulatedStack.of(SETTINGS).run(ctx -> {
            new FederatedServiceAccount("external-dns", AwsControllers.externalDns(List.of(ZONE_ID)).args(eks("external-dns", "green")).build());
            new FederatedServiceAccount("autoscaler", AwsControllers.clusterAutoscaler("red").inNamespace("platform")
                    .args(eks("autoscaler", "red")).mechanism(PodIdentity.defaults()).build());
            var aks = new AdoptedAksCluster(FlatEngine.adoptedName("secrets", "amber"), AdoptedAksClusterArgs.builder()
                    .issuerUrl(AKS_ISSUER).resourceGroupName("shop-rg").kubeconfig(Output.ofSecret(KUBECONFIG)).build());
            new FederatedServiceAccount("secrets", AzureControllers.externalSecrets("shop-rg", "shop-vault", List.of("db", "api")).args(aks).build());
            new PipelineIdentity("deploy", PipelineIdentityArgs.builder().issuer(GitHubActions.issuer())
                    .subject(GitHubActions.repository("acme", "shop").environment("production"))
                    .grant(S3Access.readWrite("shop-artifacts"))
                    .grant(BlobAccess.readOnly("shop-rg", "shopdata", "releases"))
                    .build());
            new PipelineIdentity("images", PipelineIdentityArgs.builder().issuer(GitLab.issuer())
                    .subject(GitLab.project("platform/images").branch("main"))
                    .grant(S3Access.readOnly("shop-images"))
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
    void aControllerPresetBuildsTheJavaApisServiceAccount() {
        var response = engine.construct(FlatControllerIdentity.TYPE, "external-dns", object("cluster", cluster("green"),
                "controller", "externalDns", "zoneIds", list(ZONE_ID)), true);

        assertBuildsAsJavaApi(response.getUrn(), FlatControllerIdentity.TYPE, FlatEngine.adoptedName("external-dns", "green"), "external-dns");
        var state = PropertyValue.unmarshalProperties(response.getState());
        assertThat(state.get("namespace").getStringValue()).isEqualTo("external-dns");
        assertThat(state.get("serviceAccountName").getStringValue()).isEqualTo("external-dns");
    }

    @Test
    void thePresetsNamespaceAndMechanismMayBeChangedAndTheClusterNameComesFromTheReference() {
        var response = engine.construct(FlatControllerIdentity.TYPE, "autoscaler", object("cluster", cluster("red"),
                "controller", "clusterAutoscaler", "namespace", "platform", "mechanism", "podIdentity"), true);

        assertBuildsAsJavaApi(response.getUrn(), FlatControllerIdentity.TYPE, FlatEngine.adoptedName("autoscaler", "red"), "autoscaler");
    }

    @Test
    void anAzurePresetReadsItsOwnValues() {
        var aks = object("cloud", "azure", "name", "amber", "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
        var response = engine.construct(FlatControllerIdentity.TYPE, "secrets", object("cluster", aks, "controller", "externalSecrets",
                "resourceGroupName", "shop-rg", "vaultName", "shop-vault", "secretNames", list("db", "api")), true);

        assertBuildsAsJavaApi(response.getUrn(), FlatControllerIdentity.TYPE, FlatEngine.adoptedName("secrets", "amber"), "secrets");
    }

    @Test
    void aControllersBadValuesAreRefusedAtTheirPaths() {
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad1", object("cluster", cluster("bad1"), "controller", "argoCd")))
                .isEqualTo("controller must be a preset for the cluster's cloud aws [externalDns, certManager, externalSecrets, "
                        + "clusterAutoscaler, ebsCsi, efsCsi, vpcCni, mountpointS3Csi, loadBalancerController, velero]: 'argoCd'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad2", object("cluster", cluster("bad2"), "controller", "externalDns",
                "zoneIds", list(ZONE_ID, "not-a-zone")))).startsWith("zoneIds[1] must be ").endsWith(": 'not-a-zone'");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad3", object("cluster", cluster("bad3"), "controller", "externalDns",
                "zoneIds", list(ZONE_ID), "secretArns", list("x"))))
                .isEqualTo("secretArns must be left out for externalDns on aws, which reads only [zoneIds]: '(given)'");
        var withoutKubeconfig = cluster("bad4");
        withoutKubeconfig.remove("kubeconfig");
        assertThat(engine.refusal(FlatControllerIdentity.TYPE, "bad4", object("cluster", withoutKubeconfig, "controller", "ebsCsi")))
                .startsWith("cluster.kubeconfig is required");
    }

    @Test
    void aGitHubPipelineBuildsTheJavaApisIdentitiesOnEveryCloudItGrantsOn() {
        var response = engine.construct(FlatPipelineIdentity.TYPE, "deploy", object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "environment", "production")),
                "grants", list(object("kind", "s3", "resource", "shop-artifacts", "access", "readWrite"),
                        object("kind", "blob", "resource", "shop-rg/shopdata/releases", "access", "readOnly"))), false);

        assertPipelineAsJavaApi(response.getUrn(), "deploy");
        var state = PropertyValue.unmarshalProperties(response.getState());
        var logins = state.get("logins").getArrayValue().stream().map(e -> e.getObjectValue().get("name").getStringValue()).toList();
        assertThat(logins).contains("aws.roleArn", "azure.clientId");
        assertThat(state.get("gitHubActionsSnippet").getStringValue()).contains("aws-actions/configure-aws-credentials");
    }

    @Test
    void aGitLabPipelineBuildsTheJavaApisIdentity() {
        var response = engine.construct(FlatPipelineIdentity.TYPE, "images", object("provider", "gitLab",
                "subjects", list(object("repository", "platform/images", "branch", "main")),
                "grants", list(object("kind", "s3", "resource", "shop-images", "access", "readOnly"))), true);

        assertPipelineAsJavaApi(response.getUrn(), "images");
    }

    @Test
    void aWildcardSubjectGetsTheEngineWarning() {
        engine.construct(FlatPipelineIdentity.TYPE, "releases", object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "anyBranchMatching", "release/*")),
                "grants", list(object("kind", "s3", "resource", "shop-releases", "access", "readOnly"))), true);

        assertThat(engine.recorded().diagnostics(Diagnostic.Severity.WARNING)).anySatisfy(d -> assertThat(d.message()).contains("release/*"));
    }

    @Test
    void aPipelinesBadInputIsRefusedAtItsPath() {
        var grants = list(object("kind", "s3", "resource", "shop-artifacts", "access", "readWrite"));
        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "bad5", object("provider", "jenkins", "subjects", list(), "grants", grants)))
                .isEqualTo("provider must be one of [gitHubActions, gitLab]: 'jenkins'");
        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "bad6", object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "branch", "main", "environment", "production")), "grants", grants)))
                .isEqualTo("subjects[0] must be exactly one of [branch, environment, pullRequest, anyBranchMatching]: the jobs it trusts: "
                        + "'branch and environment'");
        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "bad7", object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "branch", "main"), object("branch", "main")), "grants", grants)))
                .isEqualTo("subjects[1].repository is required: OWNER/REPOSITORY on GitHub");
        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "bad8", object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "branch", "main")),
                "grants", list(object("kind", "containerRegistry", "resource", "shop-rg/shopimages", "access", "push")))))
                .startsWith("grants[0].kind must be a kind keyless can federate into azure for a pipeline (blob): ");
        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "bad9", object("provider", "gitHubActions",
                "subjects", object("main", object("repository", "acme/shop", "branch", "main")), "grants", grants)))
                .isEqualTo("subjects must be a list of {repository, branch | environment | pullRequest | anyBranchMatching} objects: "
                        + "'an object with [main]'");
    }

    // The Java API's IAM OIDC provider for the CI issuer is the stack's child; a constructed
    // component has no stack, so the flat one is the component's child, named after it, with the
    // same URL and audience. Everything else is the Java API's.
    private static void assertPipelineAsJavaApi(String urn, String name) {
        var recorded = engine.recorded();
        var flat = recorded.byUrn(urn);
        assertThat(flat.type()).isEqualTo(FlatPipelineIdentity.TYPE);
        var provider = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
        var children = FlatEngine.descendants(recorded, flat);
        var flatProvider = FlatEngine.only(children, provider);
        assertThat(flatProvider.name()).isEqualTo(name + "-aws-oidc-provider");
        assertThat(flatProvider.parentUrn()).isEqualTo(urn);
        var issuerUrl = flatProvider.input("url").orElseThrow();
        var typedProvider = javaApi.ofType(provider).stream().filter(r -> r.input("url").orElseThrow().equals(issuerUrl)).findFirst().orElseThrow();
        assertThat(flatProvider.inputs()).isEqualTo(typedProvider.inputs());
        var others = children.stream().filter(r -> !r.type().equals(provider)).toList();
        FlatEngine.assertSameAsJavaApi(others, javaApi, FlatEngine.trees(javaApi, name));
    }

    private static AdoptedEksCluster eks(String component, String name) {
        return new AdoptedEksCluster(FlatEngine.adoptedName(component, name), AdoptedEksClusterArgs.builder().clusterName(name).issuerUrl(EKS_ISSUER)
                .oidcProviderArn(PROVIDER_ARN).podIdentityAgent(true).kubeconfig(Output.ofSecret(KUBECONFIG)).build());
    }

    private static Map<String, PropertyValue> cluster(String name) {
        return object("cloud", "aws", "name", name, "clusterName", name, "issuerUrl", EKS_ISSUER, "oidcProviderArn", PROVIDER_ARN,
                "podIdentityAgent", true, "kubeconfig", PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)));
    }

    private static void assertBuildsAsJavaApi(String urn, String type, String... javaApiRoots) {
        var recorded = engine.recorded();
        var flat = recorded.byUrn(urn);
        assertThat(flat.type()).isEqualTo(type);
        FlatEngine.assertSameAsJavaApi(FlatEngine.descendants(recorded, flat), javaApi, FlatEngine.trees(javaApi, javaApiRoots));
    }
}
