package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs of one args class, with those given as {@code Output}s checked together: once all
 * are known, every one by its own rule, in the fields' declared order, and every refusal reported
 * in one message in that order ({@link InvalidInputException#joined}).
 *
 * <p>Checked one by one, each {@code Output} would fail on its own, and pulumi-java reports the
 * failed {@code Output}s of a program in the order they fail (each one's future is a task of the
 * deployment's runner, {@code OutputInternal}'s constructor): with two bad inputs, which refusal a
 * user saw changed from run to run. Here no input's check exists apart from the joint one, and
 * each input's value waits for it, so whatever uses a value fails with the same refusal.
 *
 * <p>A component gates its children on {@link #check()} ({@link DeployTimeCheck#gate}). Plain values
 * were checked by their setters already and are handed back as they are. While one {@code Output}
 * is unknown (a preview of a stack whose inputs are not created yet) none is checked; they are
 * when all are known.
 *
 * <pre>{@code
 * var inputs = CheckedOutputs.inFieldOrder(builder.clusterName, builder.issuerUrl, builder.kubeconfig);
 * this.issuerUrl = inputs.value(builder.issuerUrl);
 * }</pre>
 */
public final class CheckedOutputs {
    private static final CheckedOutputs NONE = new CheckedOutputs(List.of(), null);

    private final List<CheckedValue<?>> outputs;
    // Holds no value, only whether the rules passed: plaintext, so a value read through it is
    // secret exactly when it was given secret.
    private final Output<Boolean> passed;

    private CheckedOutputs(List<CheckedValue<?>> outputs, Output<Boolean> passed) {
        this.outputs = outputs;
        this.passed = passed;
    }

    /**
     * @param fields the args' inputs in their declared order; an input not given is null
     * @return the inputs, with those given as {@code Output}s checked together once known
     */
    public static CheckedOutputs inFieldOrder(CheckedValue<?>... fields) {
        var outputs = Arrays.stream(fields).filter(Objects::nonNull).filter(f -> f.plain().isEmpty())
                .<CheckedValue<?>>map(f -> f).toList();
        if (outputs.isEmpty()) {
            return NONE;
        }
        var refusals = outputs.stream().map(CheckedOutputs::refusalOf).toList();
        return new CheckedOutputs(outputs, Output.all(refusals).applyValue(CheckedOutputs::passOrRefuse).asPlaintext());
    }

    // Never fails with the rule's refusal: it is collected, so the joint check sees every input.
    private static Output<Optional<InvalidInputException>> refusalOf(CheckedValue<?> field) {
        return field.unchecked().applyValue(given -> {
            try {
                field.check(given);
                return Optional.empty();
            } catch (InvalidInputException refused) {
                return Optional.of(refused);
            }
        });
    }

    private static Boolean passOrRefuse(List<Optional<InvalidInputException>> inFieldOrder) {
        var refused = new ArrayList<InvalidInputException>();
        inFieldOrder.forEach(r -> r.ifPresent(refused::add));
        if (!refused.isEmpty()) {
            throw InvalidInputException.joined(refused);
        }
        return true;
    }

    /**
     * @param field one of the inputs given to {@link #inFieldOrder}, or null
     * @param <T>   its type
     * @return its value: a plain one as given; an {@code Output}'s once every {@code Output} passed,
     *     failing with their joint refusal otherwise; null when the input was not given
     */
    public <T> Output<T> value(CheckedValue<T> field) {
        if (field == null) {
            return null;
        }
        if (field.plain().isPresent()) {
            return field.value();
        }
        if (outputs.stream().noneMatch(f -> f == field)) {
            throw new IllegalArgumentException("an input not given to CheckedOutputs.inFieldOrder");
        }
        // The rule runs again on a value it passed: it converts (a kubeconfig object to text) as it checks.
        return passed.apply(ok -> field.unchecked().applyValue(field::check));
    }

    /** @return what a component waits for before its children register: nothing when every input was plain */
    public DeployTimeCheck check() {
        return passed == null ? DeployTimeCheck.none() : DeployTimeCheck.of(passed);
    }
}
