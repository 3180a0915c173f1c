package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.InvokeArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProviderAnswers;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The project a gcp provider works in, asked with {@code gcp.organizations.getClientConfig}, for a
 * mechanism whose user named none. The invoke runs under the workload component with the
 * mechanism's provider, as {@link ProjectNumberLookup} does, so it answers for the provider that
 * registers the resources; a provider that names no project is refused, naming the option.
 */
final class ProjectIdLookup {
    /** Google Cloud's answer: the project the provider is configured with, empty when none. */
    static final Function<InvokeOptions, Output<String>> GET_CLIENT_CONFIG = options ->
            OrganizationsFunctions.getClientConfig(InvokeArgs.Empty, options).applyValue(config -> config.project());

    private final Function<InvokeOptions, Output<String>> source;
    private final Optional<Provider> provider;
    private final String option;
    private final CompletableFuture<ComponentResource> owner = new CompletableFuture<>();
    private Output<String> project;

    /**
     * @param source   where the answer comes from: {@link #GET_CLIENT_CONFIG}, or a stand-in in tests
     * @param provider the mechanism's gcp provider; the component's own when empty
     * @param option   the option that names the project, for the refusal
     */
    ProjectIdLookup(Function<InvokeOptions, Output<String>> source, Optional<Provider> provider, String option) {
        this.source = source;
        this.provider = provider;
        this.option = option;
    }

    /** @return the checked project id; the invoke runs once the owner is known */
    synchronized Output<String> projectId() {
        if (project == null) {
            // Google's own answer is asked once per provider for the program; a stand-in every time.
            project = Output.of(owner).apply(parent -> source == GET_CLIENT_CONFIG
                            ? ProviderAnswers.once("gcp:organizations/getClientConfig:getClientConfig", parent, provider, source)
                            : source.apply(InvokeRun.options(parent, provider)))
                    .applyValue(found -> {
                        if (found == null || found.isEmpty()) {
                            throw InvalidInputException.of(option, "", "given when the gcp provider "
                                    + provider.map(p -> "'" + p.pulumiResourceName() + "' ").orElse("")
                                    + "names no project (gcp:project): the workload identity pool must be in one");
                        }
                        return GcpNames.requireProjectId("project of the gcp provider (" + option + ")", found);
                    });
        }
        return project;
    }

    /**
     * @param component the workload component the invoke runs under
     * @return the checked project id
     */
    Output<String> runAs(ComponentResource component) {
        owner.complete(component);
        return projectId();
    }
}
