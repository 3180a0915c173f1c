package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The inputs of one args class, with those given as {@code Output}s checked together: once all
 * resolved, every one by its own rule, in the fields' declared order, and every refusal reported
 * in one message in that order ({@link InvalidInputException#joined}).
 *
 * <p>Checked one by one, each {@code Output} would fail on its own, and pulumi-java reports the
 * failed {@code Output}s of a program in the order they fail (each one's future is a task of the
 * deployment's runner, {@code OutputInternal}'s constructor): with two bad inputs, which refusal a
 * user saw changed from run to run. Here no input's check exists apart from the joint one, and
 * each input's value waits for it, so whatever uses a value fails with the same refusal.
 *
 * <p>A component gates its children on {@link #check()} ({@link DeployTimeCheck#gate}). Plain values
 * were checked by their setters already and are handed back as they are. An {@code Output} unknown
 * at preview (a value of a resource not created yet) is checked when it is known; the known ones
 * are checked at preview all the same, and their values stay known.
 *
 * <pre>{@code
 * var inputs = CheckedOutputs.inFieldOrder(builder.clusterName, builder.issuerUrl, builder.kubeconfig);
 * this.issuerUrl = inputs.value(builder.issuerUrl);
 * }</pre>
 */
public final class CheckedOutputs {
    private static final CheckedOutputs NONE = new CheckedOutputs(List.of(), null);

    private final List<CheckedValue<?>> outputs;
    // Holds no value, only whether the rules passed, and is known once every input resolved, known
    // or not: a value read through it is secret, and known, exactly when it was given so.
    private final Output<Boolean> passed;
    // One value per input, however often an accessor asks for it.
    private final Map<CheckedValue<?>, Output<?>> values = new IdentityHashMap<>();

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
        // Internal API: the inputs' data tells a known value from an unknown one. Output.all would
        // make the verdict, and every value read through it, unknown while one input is, so a
        // preview would lose a kubeconfig it knows (pulumi-java 1.36.1 has no public isKnown).
        var data = outputs.stream().map(f -> Internal.of(f.unchecked()).getDataAsync()).toList();
        var verdict = CompletableFuture.allOf(data.toArray(CompletableFuture[]::new))
                .thenApply(allResolved -> passOrRefuse(outputs, data.stream().map(CompletableFuture::join).toList()));
        return new CheckedOutputs(outputs, Output.of(verdict));
    }

    // Each known input by its rule, in field order; an unknown one is checked when it is known.
    private static Boolean passOrRefuse(List<CheckedValue<?>> outputs, List<OutputData<Object>> data) {
        var refused = new ArrayList<InvalidInputException>();
        for (int i = 0; i < outputs.size(); i++) {
            if (data.get(i).isKnown()) {
                try {
                    outputs.get(i).check(data.get(i).getValueNullable());
                } catch (InvalidInputException refusal) {
                    refused.add(refusal);
                }
            }
        }
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
    @SuppressWarnings("unchecked")
    public synchronized <T> Output<T> value(CheckedValue<T> field) {
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
        return (Output<T>) values.computeIfAbsent(field, f -> passed.apply(ok -> field.unchecked().applyValue(field::check)));
    }

    /** @return what a component waits for before its children register: nothing when every input was plain */
    public DeployTimeCheck check() {
        return passed == null ? DeployTimeCheck.none() : DeployTimeCheck.of(passed);
    }
}
