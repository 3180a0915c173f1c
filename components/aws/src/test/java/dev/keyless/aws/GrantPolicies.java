package dev.keyless.aws;

import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The inline policy a workload on the test cluster gets for its grants, as the mock engine records it. */
final class GrantPolicies {
    /** The separate grant policy of an existing role, or of one set to {@code grantsInSeparateRolePolicy()}. */
    static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String ROLE = "aws:iam/role:Role";

    private GrantPolicies() {
    }

    /** @param grant made inside the program, so resource objects it names are registered there too */
    static RecordedDeployment deploy(Supplier<? extends AccessGrant> grant) {
        return SimulatedStack.named("grants").run(ctx -> workload(grant.get()));
    }

    static Object policyOf(Supplier<? extends AccessGrant> grant) {
        return Json.parse(carriedBy(deploy(grant), "api"));
    }

    /**
     * @param workload the component's name, whose role is {@code WORKLOAD-role}
     * @return the grant policy the role carries as its one inline policy, with no separate RolePolicy beside it
     */
    static String carriedBy(RecordedDeployment deployment, String workload) {
        var role = deployment.resource(ROLE, workload + "-role");
        assertThat(deployment.ofType(POLICY)).isEmpty();
        assertThat(role.input("inlinePolicies.1")).isEmpty();
        assertThat(role.input("inlinePolicies.0.name")).contains(RoleInlineGrants.POLICY_NAME);
        return (String) role.input("inlinePolicies.0.policy").orElseThrow();
    }

    /** A grant whose value fails once known: the error, and that no role and no policy registered. */
    static ProgramFailure refusedAtDeploy(Supplier<? extends AccessGrant> grant) {
        var failure = SimulatedStack.named("grants").runExpectingFailure(ctx -> workload(grant.get()));
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.deployment().ofType(POLICY)).isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
        return failure;
    }

    private static FederatedServiceAccount workload(AccessGrant grant) {
        return new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").grant(grant).build());
    }
}
