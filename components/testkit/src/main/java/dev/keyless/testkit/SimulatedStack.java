package dev.keyless.testkit;

import com.pulumi.Context;
import dev.keyless.preview.engine.InProcessRun;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.project.ProjectFileException;
import dev.keyless.preview.project.PulumiProject;
import dev.keyless.preview.project.StackConfiguration;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program, or a few components, in a test on Pulumi's mock engine and the same
 * simulated cloud the offline preview uses, and hands back everything it registered.
 *
 * <pre>{@code
 * var deployment = SimulatedStack.named("shop").config("aws:region", "eu-west-1")
 *         .run(ctx -> new FederatedServiceAccount("api", args));
 * var role = deployment.resource("aws:iam/role:Role", "api-role");
 * var warnings = deployment.diagnostics(Diagnostic.Severity.WARNING);
 * }</pre>
 */
public final class SimulatedStack {
    private final StackSettings settings;

    private SimulatedStack(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * @param project the Pulumi project name (it namespaces un-prefixed config keys)
     * @return a stack named {@code dev} of that project, with no configuration
     */
    public static SimulatedStack named(String project) {
        return new SimulatedStack(StackSettings.of(project, "dev"));
    }

    /**
     * @param settings organization, project, stack and configuration
     * @return a stack with exactly those settings
     */
    public static SimulatedStack of(StackSettings settings) {
        return new SimulatedStack(settings);
    }

    /**
     * Reads a program's stack as {@code pulumi} would: the project name and configuration defaults
     * from {@code Pulumi.yaml}, overridden by {@code Pulumi.<stack>.yaml}, so tests exercise the
     * defaults users get. ESC environments the stack file imports are not opened: a test runs offline.
     *
     * @param programDirectory the folder holding {@code Pulumi.yaml}
     * @param stack            the stack name, e.g. {@code dev}
     * @return that stack
     * @throws IllegalArgumentException when the project or stack file cannot be read
     */
    public static SimulatedStack fromProject(Path programDirectory, String stack) {
        try {
            return new SimulatedStack(StackConfiguration.read(PulumiProject.read(programDirectory), stack));
        } catch (ProjectFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * @param stack the stack name
     * @return this stack under another name
     */
    public SimulatedStack stack(String stack) {
        return new SimulatedStack(new StackSettings(settings.organization(), settings.project(), stack,
                settings.config(), settings.secretKeys()));
    }

    /**
     * @param key   a config key; without a {@code namespace:} prefix it belongs to the project
     * @param value its value
     * @return this stack with that configuration
     */
    public SimulatedStack config(String key, String value) {
        return new SimulatedStack(settings.withConfig(StackSettings.fullKey(settings.project(), key), value));
    }

    /**
     * @param key   a config key; without a {@code namespace:} prefix it belongs to the project
     * @param value its value, which the program must keep secret
     * @return this stack with that secret configuration
     */
    public SimulatedStack secretConfig(String key, String value) {
        return new SimulatedStack(settings.withSecretConfig(StackSettings.fullKey(settings.project(), key), value));
    }

    /** @return the settings the program will run with */
    public StackSettings settings() {
        return settings;
    }

    /**
     * Runs a program that must succeed.
     *
     * @param program the stack callback, as passed to {@code Pulumi.run}
     * @return what it registered and logged
     * @throws AssertionFailedError with the program's own error when it failed
     */
    public RecordedDeployment run(Consumer<Context> program) {
        var deployment = InProcessRun.run(settings, program);
        if (deployment.failure().isPresent()) {
            var failure = deployment.failure().get();
            throw new AssertionFailedError("the program failed: " + failure, failure);
        }
        if (!deployment.errors().isEmpty()) {
            throw new AssertionFailedError("the program logged errors: " + deployment.errors());
        }
        return deployment;
    }

    /**
     * Runs a program that must fail, e.g. on bad input.
     *
     * @param program the stack callback
     * @return the failure and what was registered before it
     * @throws AssertionFailedError when the program succeeded
     */
    public ProgramFailure runExpectingFailure(Consumer<Context> program) {
        var deployment = InProcessRun.run(settings, program);
        return deployment.failure()
                .map(error -> new ProgramFailure(error, deployment))
                .orElseThrow(() -> new AssertionFailedError("the program was expected to fail but registered "
                        + deployment.resources().size() + " resources"));
    }
}
