package dev.keyless.aws;

import com.pulumi.aws.Provider;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.ProgramClaims;

import java.util.Optional;

/**
 * The one IAM OIDC provider per issuer per AWS account that roles federating an issuer trust:
 * IAM refuses a second provider for one URL in an account, so every workload of the program that
 * federates the issuer into the account shares it.
 *
 * <p>Like a namespace, the provider belongs to the cluster, not to the first workload that needs
 * it: it is a child of the cluster when the cluster is a resource, named
 * {@code CLUSTER-aws-oidc-provider}, and {@code CLUSTER-aws-oidc-provider-PROVIDER} when it is
 * created through an explicit AWS provider (another account). Removing one workload never
 * deletes the provider the others trust.
 *
 * <p>Two cluster objects with one plain issuer share one provider. When an issuer is known only at
 * deploy time, two cluster objects whose issuers turn out equal would make two providers for one
 * URL: that is refused once known, before either registers.
 *
 * <p>No thumbprint is given: IAM verifies an issuer's JWKS endpoint against its library of trusted
 * root certificate authorities, and {@code aws} 6.83.0's {@code OpenIdConnectProviderArgs} requires
 * only {@code url} and {@code clientIdLists}
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html).
 */
final class SharedOidcProviders {
    private SharedOidcProviders() {
    }

    /**
     * The provider a workload will trust, claimed while the workload is planned and registered
     * (once for the program) only when it binds, so a refused workload registers nothing.
     *
     * @param check the rule across cluster objects the asking component must pass (deploy-time issuers)
     */
    record Claimed(OidcIssuer cluster, Optional<Provider> awsProvider, String key, String logicalName, DeployTimeCheck check) {
        /**
         * @param checks the asking component's deploy-time checks: a provider it creates waits for them
         * @return the program's one provider for the issuer in the account, created on first use
         */
        OpenIdConnectProvider register(DeployTimeCheck checks) {
            return ProgramClaims.current().shared(OpenIdConnectProvider.class, key,
                    () -> SharedOidcProviders.register(cluster, awsProvider, logicalName, checks.and(check)));
        }
    }

    /**
     * @param cluster     the issuer's cluster
     * @param awsProvider the AWS provider of the account, when not the default one
     * @return the claim of the provider for the cluster's issuer in that account
     */
    static Claimed claim(OidcIssuer cluster, Optional<Provider> awsProvider) {
        var accountKey = awsProvider.map(p -> "provider " + p.pulumiResourceName()).orElse("default provider");
        // Plain issuers are compared as IAM compares URLs: two cluster objects of one issuer share
        // the first one's provider. Otherwise each cluster object is its own until its issuer is
        // known, and the claim below refuses two that turn out equal.
        var issuerKey = cluster.plainIssuerUrl().map(url -> "issuer " + url)
                .orElseGet(() -> "cluster " + clusterName(cluster) + " " + System.identityHashCode(cluster));
        var key = issuerKey + " in " + accountKey;
        var first = ProgramClaims.current().shared(String.class, key, () -> logicalName(cluster, awsProvider));
        var hostPath = cluster.issuerUrl().applyValue(IamOidcProviderUrls::hostPath);
        var claim = new ProgramClaims.ScopedClaim("IAM OIDC provider", accountKey,
                cluster.plainIssuerUrl().map(IamOidcProviderUrls::hostPath), hostPath);
        var check = ProgramClaims.current().claimInOrder(claim, first, (issuer, earlier, later) ->
                InvalidInputException.of("cluster", cluster.describe(),
                        "a cluster whose issuer no other cluster object of this program federates into the same AWS account, "
                                + "but '" + earlier + "' and '" + later + "' would both be IAM OIDC providers for " + issuer
                                + " (IAM allows one per URL in an account: adopt the cluster once, or give existingOidcProviderArn)"));
        return new Claimed(cluster, awsProvider, key, first, check);
    }

    private static String logicalName(OidcIssuer cluster, Optional<Provider> awsProvider) {
        return clusterName(cluster) + "-aws-oidc-provider" + awsProvider.map(p -> "-" + p.pulumiResourceName()).orElse("");
    }

    private static OpenIdConnectProvider register(OidcIssuer cluster, Optional<Provider> awsProvider, String name, DeployTimeCheck checks) {
        var options = CustomResourceOptions.builder();
        if (cluster instanceof Resource resource) {
            options.parent(resource);
        }
        awsProvider.ifPresent(options::provider);
        if (!checks.isEmpty()) {
            // A child of the cluster, which the asking component's gate does not reach.
            options.dependsOn(checks.passed());
        }
        return new OpenIdConnectProvider(name, OpenIdConnectProviderArgs.builder()
                .url(cluster.issuerUrl().applyValue(url -> IamOidcProviderUrls.require("issuerUrl of " + cluster.describe(), url)))
                .clientIdLists(AwsOidcCluster.STS_AUDIENCE)
                .build(),
                options.build());
    }

    private static String clusterName(OidcIssuer cluster) {
        return cluster instanceof Resource resource ? resource.pulumiResourceName()
                : cluster.plainIssuerUrl().map(IamOidcProviderUrls::hostPath).map(h -> h.replaceAll("[^A-Za-z0-9-]+", "-")).orElse("issuer");
    }
}
