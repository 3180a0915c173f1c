package dev.keyless.gcp;

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

/** A cluster of another cloud (an EKS cluster, as far as GCP can tell), whose issuer GCP federates. */
final class ForeignCluster extends ComponentResource implements OidcCluster {
    static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/BLUE";
    /** Another cloud, standing in for AWS: keyless-gcp does not depend on keyless-aws. */
    static final Cloud OTHER = new Cloud("aws", "AWS", () -> {
        throw new UnsupportedOperationException("no AWS grant in these tests");
    });

    private final Provider provider;
    private final Optional<String> plainIssuer;
    private final Output<String> issuer;

    /** @param name the cluster's name; its issuer is {@link #ISSUER}, known before anything registers */
    ForeignCluster(String name) {
        this(name, Optional.of(ISSUER), Output.of(ISSUER));
    }

    /**
     * @param name        the cluster's name
     * @param plainIssuer the issuer when known before anything registers
     * @param issuer      the issuer
     */
    ForeignCluster(String name, Optional<String> plainIssuer, Output<String> issuer) {
        super("test:index:ForeignCluster", name);
        this.plainIssuer = plainIssuer;
        this.issuer = issuer;
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    @Override
    public Cloud cloud() {
        return OTHER;
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
        throw new UnsupportedOperationException("no AWS grant in these tests");
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
        return "EKS cluster '" + pulumiResourceName() + "'";
    }
}
