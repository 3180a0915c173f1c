package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.Optional;

/** Stands in for a cluster where an argument check runs before any resource exists. */
final class StubEksCluster implements AwsOidcCluster {
    @Override
    public Output<String> clusterName() {
        throw new UnsupportedOperationException("not registered");
    }

    @Override
    public Output<String> oidcProviderArn() {
        throw new UnsupportedOperationException("not registered");
    }

    @Override
    public Optional<Resource> podIdentityAgent() {
        return Optional.empty();
    }

    @Override
    public Output<String> issuerUrl() {
        throw new UnsupportedOperationException("not registered");
    }

    @Override
    public Provider kubernetesProvider() {
        throw new UnsupportedOperationException("not registered");
    }

    @Override
    public Resource readiness() {
        throw new UnsupportedOperationException("not registered");
    }

    @Override
    public String describe() {
        return "stub EKS cluster";
    }
}
