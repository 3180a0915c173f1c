package dev.keyless.landingzone.clouds;

import com.pulumi.core.Output;
import dev.keyless.aws.AwsOidcCluster;
import dev.keyless.aws.PodIdentityAgent;

import java.util.Optional;

/**
 * An EKS cluster as the config declares it, for planning its workloads' mechanisms before anything
 * is registered: the same description and facts as the component will have.
 */
final class PlannedEksCluster extends PlannedCluster implements AwsOidcCluster {
    private final Optional<String> clusterName;
    private final Optional<String> issuerUrl;
    private final Optional<String> oidcProviderArn;
    private final boolean podIdentityAgent;

    PlannedEksCluster(String key, boolean adopted, Optional<String> clusterName, Optional<String> issuerUrl,
                      Optional<String> oidcProviderArn, boolean podIdentityAgent) {
        super(key, adopted, "EKS cluster");
        this.clusterName = clusterName;
        this.issuerUrl = issuerUrl;
        this.oidcProviderArn = oidcProviderArn;
        this.podIdentityAgent = podIdentityAgent;
    }

    /** @return the cluster's name when the config gives it */
    Optional<String> plainClusterName() {
        return clusterName;
    }

    @Override
    public Output<String> clusterName() {
        return clusterName.map(Output::of).orElseGet(() -> placeholder("the name of " + describe()));
    }

    @Override
    public Output<String> issuerUrl() {
        // IRSA's plan builds its trust policy, which checks the issuer's form: a cluster created
        // here gets a stand-in of EKS's form, its own per key so two clusters never look like one.
        return Output.of(issuerUrl.orElseGet(this::standInIssuer));
    }

    @Override
    public Output<String> oidcProviderArn() {
        return Output.of(oidcProviderArn.orElseGet(() -> "arn:aws:iam::000000000000:oidc-provider/" + standInIssuer().substring("https://".length())));
    }

    @Override
    public Optional<PodIdentityAgent> podIdentityAgent() {
        return podIdentityAgent ? Optional.of(PodIdentityAgent.installedElsewhere()) : Optional.empty();
    }

    // https://oidc.eks.REGION.amazonaws.com/id/ID with ID 32 upper-case hex digits, as EKS makes it.
    private String standInIssuer() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "https://oidc.eks.planned.amazonaws.com/id/" + java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
