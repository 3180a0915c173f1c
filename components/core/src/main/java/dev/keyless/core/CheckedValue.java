package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.Optional;
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
 * @param value the value, failing once known when it breaks the rule
 * @param plain the value when it was given plain
 * @param <T>   the value's type
 */
public record CheckedValue<T>(Output<T> value, Optional<T> plain) {

    /**
     * @param value a plain value
     * @param rule  returns the value, or throws {@link InvalidInputException} naming field, value and rule
     * @param <T>   the value's type
     * @return the value, checked now
     */
    public static <T> CheckedValue<T> of(T value, UnaryOperator<T> rule) {
        var checked = rule.apply(value);
        return new CheckedValue<>(Output.of(checked), Optional.of(checked));
    }

    /**
     * @param value an {@code Output}, not null
     * @param rule  returns the value, or throws {@link InvalidInputException} naming field, value and rule
     * @param <T>   the value's type
     * @return the value, checked once known
     */
    public static <T> CheckedValue<T> of(Output<T> value, UnaryOperator<T> rule) {
        return new CheckedValue<>(value.applyValue(rule::apply), Optional.empty());
    }
}
