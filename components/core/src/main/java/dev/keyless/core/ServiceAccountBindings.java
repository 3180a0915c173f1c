package dev.keyless.core;

/**
 * One binding of a {@code namespace/ServiceAccount} per trust domain, across the whole program.
 *
 * <p>A cloud identity trusts a subject in a domain, not a cluster object: on GKE every cluster of
 * a project shares the project's workload pool, and on EKS and AKS a cluster adopted twice has one
 * issuer. Two components binding one ServiceAccount in one domain make two identities trust one
 * subject, and a pod of either could use both and hold the union of their grants. The rule is
 * kept in {@link ProgramClaims}, in the order components are constructed, so the later one is
 * refused: before it registers anything when both domains are plain values, otherwise once both
 * are known, behind a {@link DeployTimeCheck} that fails before any of its children is registered.
 */
final class ServiceAccountBindings {
    private ServiceAccountBindings() {
    }

    /**
     * Refuses the binding when an earlier component binds the ServiceAccount in the same plain
     * domain; claims nothing, so a component can check all its clusters before it claims any.
     */
    static void requireUnbound(OidcCluster cluster, ServiceAccountRef account, String component) {
        var domain = cluster.trustDomain();
        ProgramClaims.current().plainHolder(claim(domain, account), holder(cluster, component)).ifPresent(earlier -> {
            throw refusal(domain, account).refuse(domain.plainValue().orElseThrow(), earlier, holder(cluster, component));
        });
    }

    /**
     * @return the check against earlier bindings whose domain is known only at deploy time
     * @throws InvalidInputException when an earlier component binds it in the same plain domain
     */
    static DeployTimeCheck bind(OidcCluster cluster, ServiceAccountRef account, String component) {
        var domain = cluster.trustDomain();
        return ProgramClaims.current().claimInOrder(claim(domain, account), holder(cluster, component), refusal(domain, account));
    }

    private static ProgramClaims.ScopedClaim claim(TrustDomain domain, ServiceAccountRef account) {
        return new ProgramClaims.ScopedClaim("ServiceAccount binding in a " + domain.kind(),
                account.namespace() + "/" + account.name(), domain.plainValue(), domain.value());
    }

    private static String holder(OidcCluster cluster, String component) {
        return "'" + component + "' (" + cluster.describe() + ")";
    }

    private static ProgramClaims.Refusal refusal(TrustDomain domain, ServiceAccountRef account) {
        return (scope, earlier, later) -> InvalidInputException.of("serviceAccount", account.namespace() + "/" + account.name(),
                "bound by one FederatedServiceAccount per " + domain.kind() + ", but " + earlier + " and " + later
                        + " both bind it in " + domain.describe(scope)
                        + " (the cloud sees one subject: a pod of either could use both identities and hold the union of their grants)");
    }
}
