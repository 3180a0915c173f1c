package dev.keyless.gcp;

import com.pulumi.Context;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;

import java.util.List;
import java.util.function.Function;

/** The workload the grant tests bind: ServiceAccount shop/api on the adopted cluster green. */
final class GrantDeployments {
    /** The member string of shop/api's own principal. */
    static final String API_PRINCIPAL = TestClusters.principal("shop", "api");

    private GrantDeployments() {
    }

    /** Deploys shop/api with the grants the function makes, with GKE Workload Identity. */
    static RecordedDeployment deploy(Function<Context, List<AccessGrant>> grants) {
        return SimulatedStack.named("grants").run(ctx -> workload(ctx, grants.apply(ctx), GkeWorkloadIdentity.defaults()));
    }

    /** Deploys shop/api with the grants the function makes and the given mechanism. */
    static RecordedDeployment deploy(IdentityMechanism mechanism, Function<Context, List<AccessGrant>> grants) {
        return SimulatedStack.named("grants").run(ctx -> workload(ctx, grants.apply(ctx), mechanism));
    }

    /** Deploys shop/api with the grants, expecting a failure. */
    static ProgramFailure failing(List<AccessGrant> grants) {
        return SimulatedStack.named("grants").runExpectingFailure(ctx -> workload(ctx, grants, GkeWorkloadIdentity.defaults()));
    }

    private static FederatedServiceAccount workload(Context ctx, List<AccessGrant> grants, IdentityMechanism mechanism) {
        var args = FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api").identity(mechanism);
        grants.forEach(args::grant);
        return new FederatedServiceAccount("api", args.build());
    }
}
