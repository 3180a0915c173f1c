package dev.keyless.multilang;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.preview.engine.StackSettings;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.keyless.multilang.FlatEngine.PROJECT;
import static dev.keyless.multilang.FlatEngine.STACK;
import static dev.keyless.multilang.FlatEngine.list;
import static dev.keyless.multilang.FlatEngine.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rules that span components hold across the Constructs of one stack served by one provider
 * process, as they hold across the components of one Java program.
 */
class CrossConstructClaimsOverGrpcTest {
    private static final String GITHUB_PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
    private static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    private static final String OIDC_PROVIDER = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
    private static final String FEDERATED_ISSUER =
            "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/22222222-2222-2222-2222-222222222222/";
    private static final String FEDERATED_PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/" + FEDERATED_ISSUER.substring("https://".length());
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private static FlatEngine engine;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        engine = FlatEngine.start(StackSettings.of(PROJECT, STACK).withConfig("aws:region", "eu-west-1"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aSecondPipelineForOneCiIssuerTrustsTheFirstsOidcProviderOrIsRefusedNamingBoth() {
        var first = engine.construct(FlatPipelineIdentity.TYPE, "deploy", pipeline("acme/shop", "shop-artifacts"), true);
        assertThat(FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(first.getUrn())))
                .filteredOn(r -> r.type().equals(OIDC_PROVIDER)).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("deploy-aws-oidc-provider"));

        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "docs", pipeline("acme/docs", "docs-site")))
                .isEqualTo("existingAwsOidcProviderArn is required: PipelineIdentity 'deploy' of this stack creates the IAM OIDC provider of "
                        + "https://token.actions.githubusercontent.com and IAM allows one per URL in an account, so 'docs' must trust that one: "
                        + "give 'docs' existingAwsOidcProviderArn arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com "
                        + "and make it depend on 'deploy'");

        var inputs = new java.util.LinkedHashMap<>(pipeline("acme/docs", "docs-site"));
        inputs.put(FlatPipelineIdentity.EXISTING_AWS_OIDC_PROVIDER, PropertyValue.of(GITHUB_PROVIDER_ARN));
        var second = engine.construct(FlatPipelineIdentity.TYPE, "docs", inputs, true, first.getUrn());
        var children = FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(second.getUrn()));
        assertThat(children).noneMatch(r -> r.type().equals(OIDC_PROVIDER));
        var role = FlatEngine.only(children, "aws:iam/role:Role");
        assertThat(role.input("assumeRolePolicy").orElseThrow().toString())
                .contains("\"Federated\":\"" + GITHUB_PROVIDER_ARN + "\"")
                .contains("\"token.actions.githubusercontent.com:sub\":\"repo:acme/docs:ref:refs/heads/main\"");
    }

    @Test
    void aSecondServiceAccountFederatingOneIssuerIntoAwsTrustsTheFirstsOidcProviderOrIsRefusedNamingBoth() {
        var first = engine.construct(FlatFederatedServiceAccount.TYPE, "lake-reader", federated("ivory-a", "reader", null), true);
        var firstChildren = FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(first.getUrn()));
        assertThat(firstChildren).filteredOn(r -> r.type().equals(OIDC_PROVIDER)).singleElement()
                .satisfies(p -> assertThat(p.input("url").orElseThrow()).isEqualTo(FEDERATED_ISSUER));
        assertThat(PropertyValue.unmarshalProperties(first.getState()).get(FlatAwsOidcProviders.OUTPUT).getStringValue())
                .isEqualTo(FEDERATED_PROVIDER_ARN);

        assertThat(engine.refusal(FlatFederatedServiceAccount.TYPE, "lake-writer", federated("ivory-b", "writer", null)))
                .isEqualTo("existingAwsOidcProviderArn is required: FederatedServiceAccount 'lake-reader' of this stack creates the IAM OIDC "
                        + "provider of " + FEDERATED_ISSUER + " and IAM allows one per URL in an account, so 'lake-writer' must trust that one: "
                        + "give 'lake-writer' existingAwsOidcProviderArn arn:aws:iam::ACCOUNT_ID:oidc-provider/"
                        + FEDERATED_ISSUER.substring("https://".length()) + " and make it depend on 'lake-reader'");

        var second = engine.construct(FlatFederatedServiceAccount.TYPE, "lake-writer", federated("ivory-b", "writer", FEDERATED_PROVIDER_ARN),
                true, first.getUrn());
        var children = FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(second.getUrn()));
        assertThat(children).noneMatch(r -> r.type().equals(OIDC_PROVIDER));
        assertThat(FlatEngine.only(children, "aws:iam/role:Role").input("assumeRolePolicy").orElseThrow().toString())
                .contains("\"Federated\":\"" + FEDERATED_PROVIDER_ARN + "\"")
                .contains("\"" + FEDERATED_ISSUER.substring("https://".length()) + ":sub\":\"system:serviceaccount:lake:writer\"");
        assertThat(PropertyValue.unmarshalProperties(second.getState()).get(FlatAwsOidcProviders.OUTPUT).getStringValue())
                .isEqualTo(FEDERATED_PROVIDER_ARN);
    }

    @Test
    void theExistingProviderOfAServiceAccountIsRefusedOnEksAndWithoutAwsGrants() {
        var eks = object("cloud", "aws", "name", "onyx", "clusterName", "onyx", "issuerUrl", EKS_ISSUER,
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of("{\"apiVersion\":\"v1\"}")));
        var onEks = new java.util.LinkedHashMap<>(object("cluster", eks, "namespace", "lake", "name", "eks-reader",
                "grants", list(object("kind", "s3", "resource", "shop-lake", "access", "readOnly"))));
        onEks.put(FlatAwsOidcProviders.EXISTING, PropertyValue.of(FEDERATED_PROVIDER_ARN));
        assertThat(engine.refusal(FlatFederatedServiceAccount.TYPE, "eks-reader", onEks))
                .isEqualTo("existingAwsOidcProviderArn must be left out on an EKS cluster, whose IAM OIDC provider is the cluster reference's "
                        + "oidcProviderArn: '" + FEDERATED_PROVIDER_ARN + "'");

        var azureOnly = new java.util.LinkedHashMap<>(workload());
        azureOnly.put(FlatAwsOidcProviders.EXISTING, PropertyValue.of(FEDERATED_PROVIDER_ARN));
        assertThat(engine.refusal(FlatFederatedServiceAccount.TYPE, "blob-only", azureOnly))
                .isEqualTo("existingAwsOidcProviderArn must be left out when no grant is on aws: '" + FEDERATED_PROVIDER_ARN + "'");
    }

    @Test
    // A preview and the update after it are deployments of their own: the preview's claims stay in the preview.
    void anUpdateIsADeploymentApartFromThePreview() {
        var update = engine.construct(FlatPipelineIdentity.TYPE, "nightly", pipeline("acme/nightly", "nightly-builds"), false);

        assertThat(FlatEngine.descendants(engine.recorded(), engine.recorded().byUrn(update.getUrn())))
                .anyMatch(r -> r.type().equals(OIDC_PROVIDER));
    }

    @Test
    void theExistingProviderIsLeftOutWithoutAwsGrants() {
        var inputs = new java.util.LinkedHashMap<>(object("provider", "gitHubActions",
                "subjects", list(object("repository", "acme/shop", "branch", "main")),
                "grants", list(object("kind", "blob", "resource", "shop-rg/shopdata/releases", "access", "readOnly"))));
        inputs.put(FlatPipelineIdentity.EXISTING_AWS_OIDC_PROVIDER, PropertyValue.of(GITHUB_PROVIDER_ARN));

        assertThat(engine.refusal(FlatPipelineIdentity.TYPE, "azure-only", inputs))
                .isEqualTo("existingAwsOidcProviderArn must be left out when no grant is on aws: '" + GITHUB_PROVIDER_ARN + "'");
    }

    @Test
    void twoServiceAccountsOfOneSubjectOnOneClusterAreRefusedAcrossConstructs() {
        engine.construct(FlatFederatedServiceAccount.TYPE, "shop", workload(), false);

        var refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> engine.construct(FlatFederatedServiceAccount.TYPE, "shop-again", workload(), false));

        assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refusal.getStatus().getDescription()).contains("'shop'").contains("'shop-again'");
    }

    private static Map<String, PropertyValue> pipeline(String repository, String bucket) {
        return object("provider", "gitHubActions",
                "subjects", list(object("repository", repository, "branch", "main")),
                "grants", list(object("kind", "s3", "resource", bucket, "access", "readOnly")));
    }

    // An AKS workload reading S3: AWS federation of the AKS issuer through an IAM OIDC provider.
    private static Map<String, PropertyValue> federated(String clusterName, String serviceAccount, String existingProviderArn) {
        var aks = object("cloud", "azure", "name", clusterName, "issuerUrl", FEDERATED_ISSUER, "resourceGroupName", "lake-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of("{\"apiVersion\":\"v1\"}")));
        var inputs = new java.util.LinkedHashMap<>(object("cluster", aks, "namespace", "lake", "name", serviceAccount,
                "grants", list(object("kind", "s3", "resource", "shop-lake", "access", "readOnly"))));
        if (existingProviderArn != null) {
            inputs.put(FlatAwsOidcProviders.EXISTING, PropertyValue.of(existingProviderArn));
        }
        return inputs;
    }

    private static Map<String, PropertyValue> workload() {
        var aks = object("cloud", "azure", "name", "amber", "issuerUrl", AKS_ISSUER, "resourceGroupName", "shop-rg",
                "kubeconfig", PropertyValue.ofSecret(PropertyValue.of("{\"apiVersion\":\"v1\"}")));
        return object("cluster", aks, "namespace", "shop", "name", "api",
                "grants", list(object("kind", "blob", "resource", "shop-rg/shopdata/orders", "access", "readOnly")));
    }
}
