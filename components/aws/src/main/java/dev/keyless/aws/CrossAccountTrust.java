package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.InvalidInputException;

import java.util.Optional;

/**
 * Where an IRSA role lives relative to its cluster's IAM OIDC provider. A role can federate only a
 * provider of its own account, so a role created through a provider of another account that
 * trusted the cluster's provider would be silently unusable.
 *
 * <ul>
 *   <li>Same account (the default, and whenever both accounts are known and equal): the role
 *       trusts the cluster's provider, exactly as before.</li>
 *   <li>Another account, known before anything registers ({@code roleAccountId} against an adopted
 *       cluster's plain provider ARN), or an {@code existingOidcProviderArn}: the role trusts a
 *       provider for the cluster's issuer in its own account, created once for the program
 *       ({@link SharedOidcProviders}) through the mechanism's {@code provider}, or the one given.</li>
 *   <li>An account known only at deploy (an explicit {@code provider} without {@code roleAccountId},
 *       or a cluster whose provider ARN is an output): compared once known, and a difference refused
 *       naming the option that fixes it, before the workload registers anything.</li>
 * </ul>
 */
final class CrossAccountTrust {
    private CrossAccountTrust() {
    }

    /**
     * A role in another account than the cluster's provider.
     *
     * @param existingArn the provider given by ARN, or empty to create one
     * @param claimed     the provider to create, claimed for the program
     * @param check       the claim's deploy-time rule
     */
    record OtherAccount(Optional<String> existingArn, Optional<SharedOidcProviders.Claimed> claimed, DeployTimeCheck check) {
        /**
         * @param issuerCheck the workload's issuer check, which a provider it creates waits for
         * @return the ARN of the provider the role trusts, registering it on first use
         */
        Output<String> providerArn(DeployTimeCheck issuerCheck) {
            return existingArn.map(Output::of).orElseGet(() -> claimed.orElseThrow().register(issuerCheck).arn());
        }
    }

    /**
     * @return the role's own account's provider when the role is known to live in another account
     *     than the cluster's provider; empty when it is the same account or known only at deploy
     */
    static Optional<OtherAccount> plan(AwsOidcCluster cluster, Optional<String> roleAccountId, Optional<String> existingProviderArn,
                                       RoleSettings role, boolean alsoTrustsOtherClusters) {
        var clusterAccount = cluster.knownAccountId();
        if (existingProviderArn.isPresent()) {
            var arn = existingProviderArn.get();
            roleAccountId.filter(id -> !id.equals(Arns.accountOf(arn))).ifPresent(id -> {
                throw InvalidInputException.of("existingOidcProviderArn", arn, "a provider in account " + id + ", which roleAccountId names");
            });
            requireNoOtherClusters(alsoTrustsOtherClusters, "existingOidcProviderArn");
            cluster.plainIssuerUrl().ifPresent(url -> requireProviderOfIssuer(arn, url));
            var check = DeployTimeCheck.of(cluster.issuerUrl().applyValue(url -> requireProviderOfIssuer(arn, url)));
            return Optional.of(new OtherAccount(existingProviderArn, Optional.empty(), check));
        }
        if (roleAccountId.isEmpty() || clusterAccount.isEmpty() || roleAccountId.equals(clusterAccount)) {
            return Optional.empty();
        }
        requireNoOtherClusters(alsoTrustsOtherClusters, "roleAccountId");
        if (role.provider.isEmpty()) {
            throw InvalidInputException.of("provider", "none",
                    "an AWS provider for account " + roleAccountId.get() + ", which roleAccountId names: the role and an IAM OIDC provider "
                            + "for the cluster's issuer are created there (the cluster's provider is in account " + clusterAccount.get() + ")");
        }
        var claimed = SharedOidcProviders.claim(cluster, role.provider);
        return Optional.of(new OtherAccount(Optional.empty(), Optional.of(claimed), claimed.check()));
    }

    /**
     * @return for a role trusting the cluster's provider, the check that the role's account, where
     *     it is known only at deploy, is the provider's: refused naming {@code roleAccountId} otherwise
     */
    static DeployTimeCheck sameAccountCheck(AwsOidcCluster cluster, Optional<String> roleAccountId, RoleSettings role) {
        if (role.existingRoleArn.isPresent()) {
            // An existing role keeps its owner's trust, which keyless does not write.
            return DeployTimeCheck.none();
        }
        if (roleAccountId.isPresent() && cluster.knownAccountId().isPresent()) {
            return DeployTimeCheck.none();
        }
        if (roleAccountId.isEmpty() && role.provider.isEmpty()) {
            return DeployTimeCheck.none();
        }
        // Built only when a check needs it: an Output per workload is a task of the SDK's runner.
        var clusterAccount = cluster.knownAccountId().map(Output::of)
                .orElseGet(() -> cluster.oidcProviderArn().applyValue(Arns::accountOf));
        if (roleAccountId.isPresent()) {
            var id = roleAccountId.get();
            return DeployTimeCheck.of(clusterAccount.applyValue(account -> {
                if (!account.equals(id)) {
                    throw InvalidInputException.of("roleAccountId", id, "the account " + account + " of the cluster's IAM OIDC provider, "
                            + "which is known only at deploy: for a role in another account, give existingOidcProviderArn of a provider "
                            + "for the cluster's issuer in " + id);
                }
                return account;
            }));
        }
        var provider = role.provider.get();
        var providersAccount = RoleNameClaims.accountOf(provider);
        return DeployTimeCheck.of(Output.tuple(providersAccount, clusterAccount).applyValue(accounts -> {
            if (!accounts.t1.equals(accounts.t2)) {
                throw InvalidInputException.of("roleAccountId", "unset",
                        "set for a role in another account than the cluster's IAM OIDC provider (" + accounts.t2 + "): provider '"
                                + provider.pulumiResourceName() + "' is in account " + accounts.t1
                                + ", and a role federates only a provider of its own account; set roleAccountId(\"" + accounts.t1
                                + "\") and keyless creates one for the cluster's issuer there, or give existingOidcProviderArn");
            }
            return accounts.t1;
        }));
    }

    private static void requireNoOtherClusters(boolean alsoTrustsOtherClusters, String option) {
        if (alsoTrustsOtherClusters) {
            throw InvalidInputException.conflict(option, "alsoTrustedBy",
                    "a role in another account than its clusters' providers trusts one cluster's issuer");
        }
    }

    /** One rule for an existing provider given by ARN: it is the provider of the cluster's issuer. */
    static String requireProviderOfIssuer(String providerArn, String issuerUrl) {
        if (!Arns.oidcProviderHostPath(providerArn).equals(IamOidcProviderUrls.hostPath(issuerUrl))) {
            throw InvalidInputException.of("existingOidcProviderArn", providerArn,
                    "the IAM OIDC provider of the cluster's issuer " + issuerUrl + " (arn:aws:iam::ACCOUNT:oidc-provider/"
                            + IamOidcProviderUrls.hostPath(issuerUrl) + ")");
        }
        return issuerUrl;
    }
}
