package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** An args class's Output inputs are checked together, in field order, before any child of its component registers. */
class CheckedOutputsTest {
    private static final String PROBE = "test:index:Probe";
    private static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

    private static String lowercase(String field, String value) {
        if (value == null || !value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
            throw InvalidInputException.of(field, value, "lower case");
        }
        return value;
    }

    private static CheckedValue<String> field(String name, Output<String> value) {
        java.util.function.UnaryOperator<String> rule = v -> lowercase(name, v);
        return CheckedValue.of(value, rule);
    }

    /** A component gated on the inputs, whose child carries one input's value. */
    static final class Probe extends ComponentResource {
        Probe(String name, CheckedOutputs inputs, Output<String> carried) {
            super(PROBE, name, inputs.check().gate(null));
            new ConfigMap(name + "-values", ConfigMapArgs.builder().data(carried.applyValue(v -> Map.of("value", v))).build(),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of());
        }
    }

    @Test
    void twoBadOutputsAreReportedTogetherInFieldOrderWhicheverIsKnownFirst() {
        for (var run = 0; run < 6; run++) {
            var laterFieldFirst = run % 2 == 0;
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
                var first = new CompletableFuture<String>();
                var second = new CompletableFuture<String>();
                var a = field("alpha", Output.of(first));
                var b = field("beta", Output.of(second));
                var inputs = CheckedOutputs.inFieldOrder(a, b);
                new Probe("p", inputs, inputs.value(b));
                if (laterFieldFirst) {
                    second.complete("B");
                    first.complete("A");
                } else {
                    first.complete("A");
                    second.complete("B");
                }
            });

            assertThat(failure.message()).as("run %d", run)
                    .isEqualTo("alpha must be lower case: 'A'; beta must be lower case: 'B'");
            assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) failure.error()).field()).isEqualTo("alpha");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void oneBadOutputAmongGoodOnesIsReportedAloneAndStopsEveryChild() {
        for (var run = 0; run < 5; run++) {
            var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
                var good = field("alpha", Output.of("a"));
                var bad = field("beta", Output.of("B"));
                var inputs = CheckedOutputs.inFieldOrder(good, null, bad);
                // The child carries the good value: it waits for the joint check all the same.
                new Probe("p", inputs, inputs.value(good));
            });

            assertThat(failure.message()).as("run %d", run).isEqualTo("beta must be lower case: 'B'");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("p", "p-values");
        }
    }

    @Test
    void goodOutputsRegisterWithTheRulesValuesAndKeepTheirOwnSecrecy() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var name = field("name", Output.of("green"));
            var secret = CheckedValue.read(Output.ofSecret(42), v -> "kubeconfig-" + v);
            var plain = CheckedValue.of("plain", v -> lowercase("plain", v));
            var inputs = CheckedOutputs.inFieldOrder(name, secret, plain);
            new Probe("named", inputs, inputs.value(name));
            new Probe("secret", inputs, inputs.value(secret));
            new Probe("plain", inputs, inputs.value(plain));
        });

        assertThat(deployment.resource(CONFIG_MAP, "named-values").input("data")).contains(Map.of("value", "green"));
        assertThat(deployment.resource(CONFIG_MAP, "plain-values").input("data")).contains(Map.of("value", "plain"));
        var secret = deployment.resource(CONFIG_MAP, "secret-values").input("data").orElseThrow();
        assertThat(secret).isInstanceOf(SecretValue.class);
        assertThat(((SecretValue) secret).plaintext()).isEqualTo(Map.of("value", "kubeconfig-42"));
    }

    // As a preview sends a value of a resource not created yet.
    private static Output<String> unknown() {
        return new com.pulumi.core.internal.OutputInternal<>(com.pulumi.core.internal.OutputData.<String>unknown());
    }

    @Test
    void anUnknownInputLeavesTheKnownOnesCheckedAndKnown() {
        var refused = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            var inputs = CheckedOutputs.inFieldOrder(field("alpha", unknown()), field("beta", Output.of("B")));
            new Probe("p", inputs, Output.of("x"));
        });
        assertThat(refused.message()).isEqualTo("beta must be lower case: 'B'");
        assertThat(refused.registeredBesidesStack()).isEmpty();

        var deployment = SimulatedStack.named("core").run(ctx -> {
            var alpha = field("alpha", unknown());
            var beta = field("beta", Output.of("b"));
            var inputs = CheckedOutputs.inFieldOrder(alpha, beta);
            new Probe("known", inputs, inputs.value(beta));
            new Probe("unknown", inputs, inputs.value(alpha));
        });
        assertThat(deployment.resource(CONFIG_MAP, "known-values").input("data")).contains(Map.of("value", "b"));
        assertThat(deployment.resource(CONFIG_MAP, "unknown-values").input("data")).contains(dev.keyless.preview.engine.UnknownValue.INSTANCE);
    }

    @Test
    void plainInputsOnlyLeaveNothingToWaitFor() {
        var plain = CheckedValue.of("plain", v -> lowercase("plain", v));
        var inputs = CheckedOutputs.inFieldOrder(plain, null);

        assertThat(inputs.check().isEmpty()).isTrue();
        assertThat(inputs.value(plain)).isSameAs(plain.value());
        assertThat(inputs.value(null)).isNull();
    }

    @Test
    void anInputNotGivenToTheChecksIsRefusedAndAGivenOneHasOneValue() {
        SimulatedStack.named("core").run(ctx -> {
            var given = field("alpha", Output.of("a"));
            var inputs = CheckedOutputs.inFieldOrder(given);
            assertThat(inputs.value(given)).isSameAs(inputs.value(given));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> inputs.value(field("beta", Output.of("b"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("an input not given to CheckedOutputs.inFieldOrder");
        });
    }

    @Test
    void oneRefusalIsReportedAsItIs() {
        var only = InvalidInputException.of("alpha", "A", "lower case");
        assertThat(InvalidInputException.joined(java.util.List.of(only))).isSameAs(only);
    }
}
