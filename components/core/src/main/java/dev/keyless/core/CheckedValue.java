package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An input given plain or as an {@code Output} (a StackReference output), checked by one rule
 * either way: a plain value at once, by the setter that takes it, so the error comes before
 * anything is registered; an {@code Output} once its value is known. The plain value is kept for
 * rules that span components and must run before anything registers (names unique in a project,
 * one issuer per cluster).
 *
 * <pre>{@code
 * this.issuerUrl = CheckedValue.of(issuerUrl, v -> AksIssuers.requireIssuerUrl("issuerUrl", v));
 * }</pre>
 *
 * <p>An args class with several such inputs reads them through {@link CheckedOutputs}, which checks
 * their {@code Output}s together, in field order, so the same refusal is reported on every run.
 * {@link #value()} checks one {@code Output} on its own, for an input that is alone.
 *
 * @param <T> the value's type
 */
public final class CheckedValue<T> {
    private final Optional<T> plain;
    private final Output<Object> unchecked;
    private final Function<Object, T> rule;
    private Output<T> value;

    private CheckedValue(Optional<T> plain, Output<Object> unchecked, Function<Object, T> rule, Output<T> value) {
        this.plain = plain;
        this.unchecked = unchecked;
        this.rule = rule;
        this.value = value;
    }

    /**
     * @param value a plain value
     * @param rule  returns the value, or throws {@link InvalidInputException} naming field, value and rule
     * @param <T>   the value's type
     * @return the value, checked now
     */
    public static <T> CheckedValue<T> of(T value, UnaryOperator<T> rule) {
        var checked = rule.apply(value);
        return new CheckedValue<>(Optional.of(checked), null, null, Output.of(checked));
    }

    /**
     * @param value an {@code Output}, not null
     * @param rule  returns the value, or throws {@link InvalidInputException} naming field, value and rule
     * @param <T>   the value's type
     * @return the value, checked once known
     */
    public static <T> CheckedValue<T> of(Output<T> value, UnaryOperator<T> rule) {
        return read(value, rule);
    }

    /**
     * An {@code Output} whose value is read into the input's form by its rule, e.g. a stack output
     * that holds a kubeconfig as text or as an object.
     *
     * @param value an {@code Output}, not null
     * @param rule  returns the input's value, or throws {@link InvalidInputException} naming field, value and rule
     * @param <S>   the {@code Output}'s type
     * @param <T>   the input's type
     * @return the value, read and checked once known
     */
    @SuppressWarnings("unchecked")
    public static <S, T> CheckedValue<T> read(Output<S> value, Function<? super S, ? extends T> rule) {
        Checks.notNull("value", value, "an Output");
        return new CheckedValue<>(Optional.empty(), (Output<Object>) value, v -> rule.apply((S) v), null);
    }

    /**
     * @return the value, failing once known when it breaks the rule; an {@code Output}'s check is
     *     made when this is first called, so that an input read through {@link CheckedOutputs}
     *     fails only with the refusal of all its args' inputs
     */
    public synchronized Output<T> value() {
        if (value == null) {
            value = unchecked.applyValue(rule);
        }
        return value;
    }

    /** @return the value when it was given plain */
    public Optional<T> plain() {
        return plain;
    }

    /** @return the {@code Output} as given, not checked; null for a plain value */
    Output<Object> unchecked() {
        return unchecked;
    }

    /**
     * @param given the {@code Output}'s value
     * @return the input's value, or throws the rule's {@link InvalidInputException}
     */
    T check(Object given) {
        return rule.apply(given);
    }
}
