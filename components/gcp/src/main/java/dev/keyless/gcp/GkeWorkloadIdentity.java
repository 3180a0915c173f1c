package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.EngineWarnings;
import dev.keyless.core.IdentityPlan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Workload Identity Federation for GKE with direct resource access: no Google service account; each
 * grant names the Kubernetes ServiceAccount itself,
 * {@code principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/PROJECT_ID.svc.id.goog/subject/ns/NS/sa/KSA}.
 * Google's recommended form, and the default on GKE. The ServiceAccount needs no annotation.
 *
 * <p>The principal is the project's, not one cluster's: the same {@code namespace/name} in any
 * cluster of the project's workload pool holds the same grants ("identity sameness"). Give
 * workloads of different trust their own namespaces, or their own projects.
 *
 * <p>Wider trust is opt-in and named: {@link Builder#trustEveryServiceAccountInNamespace()} binds
 * the grants to every ServiceAccount of the namespace.
 *
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity">Authenticate to Google Cloud APIs from GKE workloads</a>
 */
public final class GkeWorkloadIdentity extends GkeIdentity {
    private final Optional<CheckedValue<String>> projectNumber;
    private final boolean wholeNamespace;
    private final BiFunction<Output<String>, InvokeOptions, Output<String>> projectNumberSource;

    private GkeWorkloadIdentity(Builder builder) {
        this.projectNumber = Optional.ofNullable(builder.projectNumber);
        this.wholeNamespace = builder.wholeNamespace;
        this.projectNumberSource = builder.projectNumberSource;
    }

    /** @return direct access, the project number looked up */
    public static GkeWorkloadIdentity defaults() {
        return builder().build();
    }

    /** @return a builder for direct access with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "GKE Workload Identity";
    }

    @Override
    IdentityPlan plan(GcpBinding binding) {
        // The number, given or looked up, is the plan's deploy-time check: the principal is the
        // only thing that needs it, and every grant names the principal, so a refused number
        // registers nothing of the workload rather than the component and its namespace first.
        if (projectNumber.isPresent()) {
            // A number given as text was checked by its setter; one from another stack, once known.
            var number = projectNumber.get();
            var check = number.plain().isPresent() ? DeployTimeCheck.none() : DeployTimeCheck.of(number.value());
            return IdentityPlan.of(owner -> bind(owner, binding, number.value()), List.of(), check);
        }
        var lookup = new ProjectNumberLookup(binding.cluster().projectId(), projectNumberSource);
        return IdentityPlan.of(owner -> bind(owner, binding, lookup.runAs(owner)), List.of(),
                DeployTimeCheck.afterEarlierPassed(lookup::number));
    }

    private CloudBinding bind(ComponentResource owner, GcpBinding binding, Output<String> number) {
        var cluster = binding.cluster();
        var account = binding.account();
        var subject = wholeNamespace
                ? "/namespace/" + account.namespace()
                : "/subject/ns/" + account.namespace() + "/sa/" + account.name();
        var scheme = wholeNamespace ? "principalSet://" : "principal://";
        var principal = projectNumber.flatMap(CheckedValue::plain).flatMap(plainNumber -> cluster.knownProjectId()
                        .map(project -> Output.of(principal(scheme, plainNumber, GkeOidcCluster.poolOf(project), subject))))
                .orElseGet(() -> Output.tuple(number, cluster.workloadPool()).applyValue(t -> principal(scheme, t.t1, t.t2, subject)));
        if (wholeNamespace) {
            EngineWarnings.warn(owner, "every ServiceAccount in namespace " + account.namespace()
                    + " holds the grants of " + account.namespace() + "/" + account.name()
                    + " (trustEveryServiceAccountInNamespace): anyone who can create a ServiceAccount or pod there can use them");
        }
        var identity = new WorkloadPrincipal(principal);
        return new CloudBinding(
                identity,
                Output.of(Map.of()),
                Map.of(),
                Map.of(),
                cluster.podNodeSelector(),
                bindGrants(owner, binding, identity));
    }

    // Built at once from text values: an Output per workload is a task of the SDK's runner.
    private static String principal(String scheme, String projectNumber, String workloadPool, String subject) {
        return scheme + "iam.googleapis.com/projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + workloadPool + subject;
    }

    /** Builds a {@link GkeWorkloadIdentity}. */
    public static final class Builder {
        private CheckedValue<String> projectNumber;
        private boolean wholeNamespace;
        private BiFunction<Output<String>, InvokeOptions, Output<String>> projectNumberSource = ProjectNumberLookup.GET_PROJECT;

        private Builder() {
        }

        // Tests stand in for Google Cloud's answer to the lookup, which the simulated cloud always gives well-formed.
        Builder projectNumberSource(BiFunction<Output<String>, InvokeOptions, Output<String>> source) {
            this.projectNumberSource = source;
            return this;
        }

        /**
         * The number of the cluster's project, which the principal names. Defaults to looking it
         * up with {@code gcp.organizations.getProject}, which needs {@code resourcemanager.projects.get}.
         *
         * @param projectNumber the project number, digits only
         * @return this builder
         */
        public Builder projectNumber(String projectNumber) {
            this.projectNumber = CheckedValue.of(projectNumber, (String v) -> GcpNames.requireProjectNumber("projectNumber", v));
            return this;
        }

        /**
         * @param projectNumber e.g. a StackReference output; checked once known
         * @return this builder
         * @see #projectNumber(String)
         */
        public Builder projectNumber(Output<String> projectNumber) {
            Checks.notNull("projectNumber", projectNumber, "the project number");
            this.projectNumber = CheckedValue.of(projectNumber, (String v) -> GcpNames.requireProjectNumber("projectNumber", v));
            return this;
        }

        /**
         * Binds the grants to every ServiceAccount in the namespace
         * ({@code principalSet://.../namespace/NS}) instead of the one ServiceAccount, e.g. for
         * jobs whose ServiceAccounts are generated. Logs a warning. Defaults to the one ServiceAccount.
         *
         * @return this builder
         */
        public Builder trustEveryServiceAccountInNamespace() {
            this.wholeNamespace = true;
            return this;
        }

        /** @return the mechanism */
        public GkeWorkloadIdentity build() {
            return new GkeWorkloadIdentity(this);
        }
    }
}
