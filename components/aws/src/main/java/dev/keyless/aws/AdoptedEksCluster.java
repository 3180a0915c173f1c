package dev.keyless.aws;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Map;
import java.util.Optional;

/**
 * An EKS cluster made elsewhere, adopted so that {@link dev.keyless.core.FederatedServiceAccount}s
 * can bind to it: from its issuer URL, its IAM OIDC provider (or a new one) and a kubeconfig.
 *
 * <p>Children: {@code NAME-oidc} (only when no provider ARN is given) and {@code NAME-k8s}.
 */
public class AdoptedEksCluster extends ComponentResource implements AwsOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:aws:AdoptedEksCluster";

    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;
    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "oidcProviderArn", refs = String.class)
    private final Output<String> oidcProviderArn;

    private final String logicalName;
    private final boolean podIdentityAgent;
    private final Provider kubernetesProvider;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the adopted cluster's values
     */
    public AdoptedEksCluster(String name, AdoptedEksClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the adopted cluster's values
     * @param options Pulumi options for the component
     */
    public AdoptedEksCluster(String name, AdoptedEksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.logicalName = name;
        this.podIdentityAgent = args.podIdentityAgent();
        this.clusterName = args.clusterName();
        this.issuerUrl = args.issuerUrl();
        this.oidcProviderArn = args.oidcProviderArn().orElseGet(() -> new OpenIdConnectProvider(name + "-oidc",
                OpenIdConnectProviderArgs.builder()
                        .url(issuerUrl)
                        .clientIdLists(EksCluster.STS_CLIENT_ID)
                        .build(),
                CustomResourceOptions.builder().parent(this).build()).arn());
        this.kubernetesProvider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(args.kubeconfig().asSecret())
                .build(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of(
                "clusterName", clusterName,
                "issuerUrl", issuerUrl,
                "oidcProviderArn", oidcProviderArn));
    }

    @Override
    public Output<String> clusterName() {
        return clusterName;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** The add-on was installed elsewhere; binding waits for this component instead. */
    @Override
    public Optional<Resource> podIdentityAgent() {
        return podIdentityAgent ? Optional.of(this) : Optional.empty();
    }

    @Override
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    @Override
    public Resource readiness() {
        return this;
    }

    @Override
    public String describe() {
        return "adopted EKS cluster '" + logicalName + "'";
    }
}
