package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Cloud;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.TrustDomain;

import java.util.Map;
import java.util.Optional;

/**
 * A cluster of another cloud (GKE-like, AKS-like or self-managed), whose issuer AWS federates. It
 * stands in for the real cluster components, which live in modules keyless-aws does not depend on.
 */
final class ForeignCluster extends ComponentResource implements OidcCluster {
    static final String GKE_ISSUER = "https://container.googleapis.com/v1/projects/acme-apps/locations/europe-west1/clusters/apps";
    static final String GKE_HOST_PATH = "container.googleapis.com/v1/projects/acme-apps/locations/europe-west1/clusters/apps";
    static final String AKS_ISSUER = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";
    static final String AKS_HOST_PATH = "westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/";

    /** Another cloud, as GCP or Azure would be: its own clusters' grants never reach AWS. */
    static final Cloud OTHER_CLOUD = new Cloud("other", "Other", () -> {
        throw new UnsupportedOperationException("never asked: the workloads hold AWS grants only");
    });

    private final Provider provider;
    private final Optional<String> plainIssuer;
    private final Output<String> issuer;

    private ForeignCluster(String name, Optional<String> plainIssuer, Output<String> issuer) {
        super("test:index:ForeignCluster", name);
        this.plainIssuer = plainIssuer;
        this.issuer = issuer;
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    /** Makes a cluster inside a running program. */
    @FunctionalInterface
    interface Factory {
        ForeignCluster create();
    }

    /** A cluster whose issuer is known before anything registers, as an adopted cluster's. */
    static ForeignCluster withIssuer(String name, String issuer) {
        return new ForeignCluster(name, Optional.of(issuer), Output.of(issuer));
    }

    /** A cluster whose issuer is known only at deploy time, as a created cluster's or another stack's. */
    static ForeignCluster withDeployTimeIssuer(String name, String issuer) {
        return new ForeignCluster(name, Optional.empty(), Output.of(issuer));
    }

    @Override
    public Cloud cloud() {
        return OTHER_CLOUD;
    }

    @Override
    public Provider kubernetesProvider() {
        return provider;
    }

    @Override
    public Resource readiness() {
        return provider;
    }

    @Override
    public IdentityMechanism defaultIdentity() {
        throw new UnsupportedOperationException("never asked: the workloads hold AWS grants only");
    }

    @Override
    public TrustDomain trustDomain() {
        return TrustDomain.of("OIDC issuer", plainIssuer, issuer);
    }

    @Override
    public Output<String> issuerUrl() {
        return issuer;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return plainIssuer;
    }

    @Override
    public String describe() {
        return "cluster '" + pulumiResourceName() + "'";
    }
}
