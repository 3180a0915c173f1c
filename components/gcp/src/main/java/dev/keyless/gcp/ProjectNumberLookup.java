package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.ProviderAnswers;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The cluster's project number, looked up once with {@code gcp.organizations.getProject} and
 * checked, for a workload's deploy-time check and its principal alike.
 *
 * <p>The check must pass before the component registers, yet the invoke runs with the component
 * as parent, so that it uses the component's provider. The component hands itself over
 * ({@link #runAs}) right after its constructor's {@code super(...)}, before it can register: in
 * pulumi-java an invoke's parent only selects its provider ({@code InvokeOptions.getParent}: "a
 * parent to use for default options for this invoke (e.g. the default provider to use)"), so the
 * invoke does not wait for the component it holds up.
 */
final class ProjectNumberLookup {
    /** Google Cloud's answer: the number of a project, asked with the given invoke options. */
    static final BiFunction<Output<String>, InvokeOptions, Output<String>> GET_PROJECT = (projectId, options) ->
            OrganizationsFunctions.getProject(GetProjectArgs.builder().projectId(projectId).build(), options)
                    .applyValue(project -> project.number());

    private final Output<String> projectId;
    private final BiFunction<Output<String>, InvokeOptions, Output<String>> source;
    private final Optional<Provider> provider;
    private final CompletableFuture<ComponentResource> owner = new CompletableFuture<>();
    private Output<String> number;

    /**
     * @param projectId the cluster's project
     * @param source    where the number comes from: {@link #GET_PROJECT}, or a stand-in for the
     *                  cloud's answer in tests of what a refused answer registers
     */
    ProjectNumberLookup(Output<String> projectId, BiFunction<Output<String>, InvokeOptions, Output<String>> source) {
        this(projectId, source, Optional.empty());
    }

    /**
     * @param projectId the project
     * @param source    where the number comes from
     * @param provider  the gcp provider the invoke runs with; the owner's own when empty
     */
    ProjectNumberLookup(Output<String> projectId, BiFunction<Output<String>, InvokeOptions, Output<String>> source,
                        Optional<Provider> provider) {
        this.projectId = projectId;
        this.source = source;
        this.provider = provider;
    }

    /** @return the checked number; the invoke runs once the owner is known */
    synchronized Output<String> number() {
        if (number == null) {
            // Google's own answer is asked once per provider and project for the program; a stand-in every time.
            number = Output.of(owner).apply(parent -> source == GET_PROJECT
                            ? projectId.apply(id -> ProviderAnswers.once("gcp:organizations/getProject:getProject", id, parent, provider,
                                    options -> source.apply(Output.of(id), options)))
                            : source.apply(projectId, InvokeRun.options(parent, provider)))
                    .applyValue(found -> GcpNames.requireProjectNumber("project number of the cluster's project", found));
        }
        return number;
    }

    /**
     * @param component the workload component the invoke runs under
     * @return the checked number
     */
    Output<String> runAs(ComponentResource component) {
        owner.complete(component);
        return number();
    }
}
