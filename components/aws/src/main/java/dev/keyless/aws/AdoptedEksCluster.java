package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.OidcClusterComponent;

import java.util.ArrayList;
import java.util.Optional;

/**
 * An EKS cluster made elsewhere, adopted so that {@link dev.keyless.core.FederatedServiceAccount}s
 * can bind to it: from its issuer URL, its IAM OIDC provider (or a new one) and a kubeconfig.
 *
 * <p>Children: {@code NAME-oidc} (only when no provider ARN is given) and {@code NAME-k8s}.
 */
public class AdoptedEksCluster extends OidcClusterComponent implements AwsOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:aws:AdoptedEksCluster";

    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;
    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "oidcProviderArn", refs = String.class)
    private final Output<String> oidcProviderArn;

    private final Optional<String> knownAccountId;
    private final Optional<String> plainIssuerUrl;
    private final Optional<String> plainOidcProviderArn;
    private final EksClusterParts parts;

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
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public AdoptedEksCluster(String name, AdoptedEksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, "adopted EKS cluster", validated(name, args, options));
        this.plainIssuerUrl = args.plainIssuerUrl();
        this.plainOidcProviderArn = args.plainOidcProviderArn();
        var waitFor = new ArrayList<Resource>();
        this.oidcProviderArn = args.oidcProviderArn().orElseGet(() -> {
            var created = EksClusterParts.createOidcProvider(this, name, args.issuerUrl());
            waitFor.add(created);
            return created.arn();
        });
        this.clusterName = args.clusterName();
        this.issuerUrl = args.issuerUrl();
        this.knownAccountId = args.plainOidcProviderArn().map(Arns::accountOf);
        var agent = args.podIdentityAgent() ? Optional.of(PodIdentityAgent.installedElsewhere()) : Optional.<PodIdentityAgent>empty();
        this.parts = new EksClusterParts(clusterName, issuerUrl, oidcProviderArn, agent);
        // The cluster runs already: what binds to it waits for its Kubernetes provider, which
        // waits for the OIDC provider this component created, if any.
        connectAdopted(args.kubeconfig(), waitFor);
        registerOutputs(parts.outputs());
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
    public Optional<String> plainIssuerUrl() {
        return plainIssuerUrl;
    }

    @Override
    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    @Override
    public Optional<String> plainOidcProviderArn() {
        return plainOidcProviderArn;
    }

    @Override
    public Optional<PodIdentityAgent> podIdentityAgent() {
        return parts.podIdentityAgent();
    }

    @Override
    public Optional<String> knownAccountId() {
        return knownAccountId;
    }

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    // Values from another stack are checked once known, and the component, with its OIDC and
    // Kubernetes providers, registers only after they passed.
    private static ComponentResourceOptions validated(String name, AdoptedEksClusterArgs args, ComponentResourceOptions options) {
        requireArgs(name, args, "AdoptedEksClusterArgs").validate();
        return args.outputChecks().gate(options);
    }
}
