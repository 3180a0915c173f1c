package dev.keyless.gcp;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.GrantContext;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.IdentityPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * What both GKE mechanisms share: the request checked against a GKE cluster and GCP grants once,
 * here, and the grants bound as bucket-level role bindings that wait for the cluster.
 */
public abstract sealed class GkeIdentity implements IdentityMechanism permits GkeWorkloadIdentity, ServiceAccountImpersonation {

    /** @return {@link GcpCloud#CLOUD} */
    @Override
    public final dev.keyless.core.Cloud cloud() {
        return GcpCloud.CLOUD;
    }


    GkeIdentity() {
    }

    @Override
    public final IdentityPlan plan(BindingRequest request) {
        var binding = GcpBinding.of(request, displayName());
        var plan = plan(binding);
        // Values from other stacks (bucket names) are checked before anything of the binding
        // registers, so a bad one leaves no Google service account or member behind.
        var checks = plan.deployTimeChecks();
        for (var grant : binding.grants()) {
            checks = checks.and(grant.deployTimeChecks());
        }
        return IdentityPlan.of(plan::bind, plan.alsoTrustedIn(), checks);
    }

    /**
     * @param binding the request, its cluster and grants already checked for Google Cloud
     * @return the mechanism's checked plan
     */
    abstract IdentityPlan plan(GcpBinding binding);

    /**
     * Binds every grant to the principal. A binding that names a workload pool principal before
     * the pool exists fails ("Identity Pool does not exist"), so each waits for the cluster.
     */
    static List<Resource> bindGrants(ComponentResource owner, GcpBinding binding, GcpPrincipal principal) {
        var context = GrantContext.forGrants(owner, binding.baseName(), List.of(binding.cluster().readiness()), binding.grants());
        var bound = new ArrayList<Resource>();
        for (var grant : binding.grants()) {
            bound.addAll(grant.bindTo(principal, context));
        }
        return bound;
    }
}
