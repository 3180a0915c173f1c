package dev.keyless.azure;

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
 * Stands in for a cluster of another cloud (EKS, GKE), whose issuer Azure federates: a Kubernetes
 * provider and an issuer, nothing of Azure. Its own cloud's mechanism is never asked for, since
 * the tests give it Azure grants only.
 */
final class ForeignCluster extends ComponentResource implements OidcCluster {
    /** An EKS issuer: no trailing '/'. */
    static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E";
    /** A GKE issuer: no trailing '/'. */
    static final String GKE_ISSUER = "https://container.googleapis.com/v1/projects/shop-prod/locations/europe-west1/clusters/platform";

    private static final Cloud AWS_LIKE = new Cloud("aws", "AWS", () -> {
        throw new UnsupportedOperationException("never asked: the tests give Azure grants only");
    });

    private final Provider provider;
    private final Output<String> issuer;
    private final Optional<String> plainIssuer;

    private ForeignCluster(String name, Output<String> issuer, Optional<String> plainIssuer) {
        super("test:index:ForeignCluster", name);
        this.issuer = issuer;
        this.plainIssuer = plainIssuer;
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    /** A cluster whose issuer is known before deploy, as an adopted cluster's plain value is. */
    static ForeignCluster withIssuer(String name, String issuer) {
        return new ForeignCluster(name, Output.of(issuer), Optional.of(issuer));
    }

    /** A cluster whose issuer is known only at deploy time, as a StackReference output is. */
    static ForeignCluster withIssuerOnceKnown(String name, String issuer) {
        return new ForeignCluster(name, Output.of(issuer).applyValue(v -> v), Optional.empty());
    }

    static ForeignCluster eks() {
        return withIssuer("blue", EKS_ISSUER);
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
        throw new UnsupportedOperationException("never asked: the tests give Azure grants only");
    }

    @Override
    public TrustDomain trustDomain() {
        return TrustDomain.of("OIDC issuer", plainIssuer, issuer);
    }

    @Override
    public String describe() {
        return "cluster '" + pulumiResourceName() + "' of another cloud";
    }

    @Override
    public Cloud cloud() {
        return AWS_LIKE;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuer;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return plainIssuer;
    }
}
