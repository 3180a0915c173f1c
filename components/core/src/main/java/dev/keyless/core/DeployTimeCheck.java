package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rules on values known only at deploy time (a StackReference output, a created cluster's issuer),
 * which a component must pass before any of its children is registered.
 *
 * <p>A refusal inside one child's input would fail that child only, while its siblings register
 * or not depending on which value resolves first. {@link #gate} instead makes the component itself
 * depend on every check: Pulumi's Java SDK registers a resource only after its {@code dependsOn}
 * resolved, and a child only after its parent's URN is known (pulumi-java
 * {@code DeploymentImpl.Prepare.prepareResourceAsync}: "Wait for the parent to complete"). A failed
 * check therefore fails the component's registration and, through its URN, every child's, before
 * any request reaches the engine, on every run. Resources a component registers under another
 * parent (a namespace owned by the cluster) depend on {@link #passed()} themselves.
 *
 * <p>While a value is unknown (a preview of a stack whose inputs are not created yet) its check
 * cannot run and does not hold anything up; it runs when the value is known.
 */
public final class DeployTimeCheck {
    private static final DeployTimeCheck NONE = new DeployTimeCheck(List.of());

    // Suppliers, so that a check added with afterEarlierPassed is built only once the earlier passed.
    private final List<Supplier<Output<?>>> checks;

    private DeployTimeCheck(List<Supplier<Output<?>>> checks) {
        this.checks = List.copyOf(checks);
    }

    /** @return no check: the component registers at once */
    public static DeployTimeCheck none() {
        return NONE;
    }

    /**
     * @param check a value that fails with an {@link InvalidInputException} once its inputs are known
     *              and break a rule, e.g. {@code issuer.applyValue(v -> EksNames.requireIssuerUrl("issuerUrl", v))}
     * @return the check
     */
    public static DeployTimeCheck of(Output<?> check) {
        Checks.notNull("check", check, "an Output that fails when the rule is broken");
        return new DeployTimeCheck(List.of(() -> check));
    }

    /**
     * A check built only once every check before it has passed. pulumi-java reports every failed
     * {@code Output} of a program (each one's future is a task of the deployment's runner,
     * {@code OutputInternal}'s constructor), in the order they fail: a refusal that follows from
     * values an earlier check refuses (one cluster adopted twice, refused by its trust and by its
     * binding) would otherwise be reported in its place on some runs.
     *
     * @param check builds the value that fails when the rule is broken
     * @return the check
     */
    public static DeployTimeCheck afterEarlierPassed(Supplier<Output<?>> check) {
        Checks.notNull("check", check, "a builder of an Output that fails when the rule is broken");
        return new DeployTimeCheck(List.of(check));
    }

    /**
     * @param other more checks
     * @return both, this one's first: the component waits for them in this order
     */
    public DeployTimeCheck and(DeployTimeCheck other) {
        if (other.checks.isEmpty()) {
            return this;
        }
        var all = new ArrayList<Supplier<Output<?>>>(checks);
        all.addAll(other.checks);
        return new DeployTimeCheck(all);
    }

    /** @return whether there is nothing to wait for */
    public boolean isEmpty() {
        return checks.isEmpty();
    }

    /**
     * @return no resources once every check has passed, for a {@code dependsOn}; failed with the
     *     first refusal, in the order the checks were added, otherwise
     */
    public Output<List<Resource>> passed() {
        Output<List<Resource>> passed = Output.of(List.of());
        // One after the other rather than all at once: a later check is only awaited, or built,
        // once the earlier ones passed.
        for (var check : checks) {
            passed = passed.apply(none -> check.get().applyValue(ignored -> none));
        }
        return passed;
    }

    /**
     * @param options the component's options, as the user gave them (may be null)
     * @return the options with the component depending on every check, so no child of it is
     *     registered unless all pass; the options unchanged when there is no check
     */
    public ComponentResourceOptions gate(ComponentResourceOptions options) {
        if (checks.isEmpty()) {
            return options;
        }
        var waitForChecks = ComponentResourceOptions.builder().dependsOn(passed()).build();
        return options == null ? waitForChecks : ComponentResourceOptions.merge(options, waitForChecks);
    }
}
