package dev.keyless.core;

import com.pulumi.resources.ComponentResource;

import java.util.List;
import java.util.function.Function;

/** A binding an {@link IdentityMechanism} has checked, ready to register. */
public interface IdentityPlan {

    /**
     * Registers the cloud side (identity, trust, grants) as children of {@code owner}.
     *
     * @param owner the component the cloud resources are children of
     * @return what the Kubernetes side must carry
     */
    CloudBinding bind(ComponentResource owner);

    /**
     * @return clusters besides the request's own whose ServiceAccount of the same
     *     {@code namespace/name} the identity trusts too (e.g. {@code alsoTrustedBy}); no other
     *     component may bind that ServiceAccount there either
     */
    default List<OidcCluster> alsoTrustedIn() {
        return List.of();
    }

    /**
     * @return the mechanism's rules on values known only at deploy time (an issuer from another
     *     stack, a custom grant's statements): the component registers nothing, the cloud side
     *     included, until they pass
     */
    default DeployTimeCheck deployTimeChecks() {
        return DeployTimeCheck.none();
    }

    /**
     * @param bind          registers the cloud side
     * @param alsoTrustedIn the other clusters the identity trusts the same ServiceAccount in
     * @return the plan
     */
    static IdentityPlan of(Function<ComponentResource, CloudBinding> bind, List<? extends OidcCluster> alsoTrustedIn) {
        return of(bind, alsoTrustedIn, DeployTimeCheck.none());
    }

    /**
     * @param bind             registers the cloud side
     * @param alsoTrustedIn    the other clusters the identity trusts the same ServiceAccount in
     * @param deployTimeChecks the rules to pass once values are known, before anything is registered
     * @return the plan
     */
    static IdentityPlan of(Function<ComponentResource, CloudBinding> bind, List<? extends OidcCluster> alsoTrustedIn,
                           DeployTimeCheck deployTimeChecks) {
        var clusters = List.<OidcCluster>copyOf(alsoTrustedIn);
        return new IdentityPlan() {
            @Override
            public CloudBinding bind(ComponentResource owner) {
                return bind.apply(owner);
            }

            @Override
            public List<OidcCluster> alsoTrustedIn() {
                return clusters;
            }

            @Override
            public DeployTimeCheck deployTimeChecks() {
                return deployTimeChecks;
            }
        };
    }
}
