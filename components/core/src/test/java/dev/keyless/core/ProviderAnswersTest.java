package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** An invoke asked once per provider: the same provider, given or inherited, shares one answer; another provider does not. */
class ProviderAnswersTest {
    private static final String TOKEN = "kubernetes:index/answer:answer";
    private static final String OTHER_TOKEN = "kubernetes:index/other:other";

    private static final class Asker extends ComponentResource {
        Asker(String name, ComponentResourceOptions options) {
            super("test:index:Asker", name, options);
        }
    }

    @Test
    void oneAnswerPerProviderWhetherGivenOrInheritedAndPerToken() {
        var asked = new AtomicInteger();
        var optionsSeen = new ArrayList<InvokeOptions>();
        Function<InvokeOptions, Output<Integer>> ask = options -> {
            optionsSeen.add(options);
            return Output.of(asked.incrementAndGet());
        };
        var same = new ArrayList<Boolean>();
        SimulatedStack.named("answers").run(ctx -> {
            var a = new Provider("a", ProviderArgs.builder().build());
            var b = new Provider("b", ProviderArgs.builder().build());
            var plain = new Asker("plain", null);
            var underA = new Asker("under-a", ComponentResourceOptions.builder().providers(a).build());
            var nestedUnderA = new Asker("nested", ComponentResourceOptions.builder().parent(underA).build());

            var byDefault = ProviderAnswers.once(TOKEN, plain, Optional.empty(), ask);
            same.add(ProviderAnswers.once(TOKEN, new Asker("plain-2", null), Optional.empty(), ask) == byDefault);
            var throughA = ProviderAnswers.once(TOKEN, plain, Optional.of(a), ask);
            same.add(throughA == byDefault);
            same.add(ProviderAnswers.once(TOKEN, underA, Optional.empty(), ask) == throughA);
            same.add(ProviderAnswers.once(TOKEN, nestedUnderA, Optional.empty(), ask) == throughA);
            same.add(ProviderAnswers.once(TOKEN, a, ask) == throughA);
            same.add(ProviderAnswers.once(TOKEN, underA, Optional.of(b), ask) == throughA);
            same.add(ProviderAnswers.once(OTHER_TOKEN, plain, Optional.empty(), ask) == byDefault);
        });

        // default twice, a given, a inherited, a inherited twice down, a without a parent, b, another token
        assertThat(same).containsExactly(true, false, true, true, true, false, false);
        assertThat(asked).hasValue(4);
        assertThat(optionsSeen).extracting(o -> o.getProvider().map(p -> p.pulumiResourceName()).orElse("default"))
                .containsExactly("default", "a", "b", "default");
        assertThat(optionsSeen).extracting(o -> o.getParent().map(p -> p.pulumiResourceName()).orElse("none"))
                .containsExactly("plain", "plain", "under-a", "plain");
    }

    @Test
    void anAnswerThatDependsOnItsArgumentsIsKeptPerArguments() {
        var same = new ArrayList<Boolean>();
        var asked = new AtomicInteger();
        SimulatedStack.named("answers").run(ctx -> {
            var owner = new Asker("plain", null);
            Function<InvokeOptions, Output<Integer>> ask = options -> Output.of(asked.incrementAndGet());
            var shop = ProviderAnswers.once(TOKEN, "shop-prod", owner, Optional.empty(), ask);
            same.add(ProviderAnswers.once(TOKEN, "shop-prod", new Asker("plain-2", null), Optional.empty(), ask) == shop);
            same.add(ProviderAnswers.once(TOKEN, "shop-dev", owner, Optional.empty(), ask) == shop);
            same.add(ProviderAnswers.once(TOKEN, owner, Optional.empty(), ask) == shop);
        });
        assertThat(same).containsExactly(true, false, false);
        assertThat(asked).hasValue(3);
    }

    @Test
    void answersAreKeptPerProgram() {
        var answers = new ArrayList<Output<Integer>>();
        for (var run = 0; run < 2; run++) {
            SimulatedStack.named("answers").run(ctx -> answers.add(ProviderAnswers.once(TOKEN, new Asker("plain", null), Optional.empty(),
                    options -> Output.of(1))));
        }
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).isNotSameAs(answers.get(1));
        assertThat(List.copyOf(answers)).doesNotContainNull();
    }
}
