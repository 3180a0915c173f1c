package dev.keyless.core;

import com.pulumi.resources.Resource;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A grant whose key changed keeps its former child's state, unless another grant could claim it too. */
class GrantContextTest {

    /** A grant keyed {@code key}, formerly keyed {@code former}. */
    private record RekeyedGrant(String key, Optional<String> formerKey) implements ResourceGrant<StubCloud.Principal> {
        @Override
        public Cloud cloud() {
            return StubCloud.STUB;
        }

        @Override
        public List<Resource> bindTo(StubCloud.Principal identity, GrantContext context) {
            return List.of();
        }

        @Override
        public String describe() {
            return "grant " + key;
        }
    }

    private static RekeyedGrant rekeyed(String key, String former) {
        return new RekeyedGrant(key, Optional.of(former));
    }

    private static RekeyedGrant unchanged(String key) {
        return new RekeyedGrant(key, Optional.empty());
    }

    @Test
    void aFormerKeyNoOtherGrantHasIsKeptAndAliasesTheFormerChild() {
        SimulatedStack.named("core").run(ctx -> {
            var owner = new StubCloud.Cluster("c");
            var moved = rekeyed("team-a--50e11581", "team-a");
            var context = GrantContext.forGrants(owner, "api", List.of(), List.of(moved, unchanged("logs")));

            assertThat(context.formerKeysKept()).containsExactly("team-a");
            assertThat(context.options(moved).getAliases()).hasSize(1);
            assertThat(context.options(unchanged("logs")).getAliases()).isEmpty();
        });
    }

    @Test
    void aFormerKeyAnotherGrantHoldsAsItsKeyIsNotKept() {
        SimulatedStack.named("core").run(ctx -> {
            var owner = new StubCloud.Cluster("c");
            var moved = rekeyed("team-a--50e11581", "team-a");
            var context = GrantContext.forGrants(owner, "api", List.of(), List.of(moved, unchanged("team-a")));

            assertThat(context.formerKeysKept()).isEmpty();
            assertThat(context.options(moved).getAliases()).isEmpty();
        });
    }

    @Test
    void aFormerKeyTwoGrantsShareIsNotKeptForEither() {
        SimulatedStack.named("core").run(ctx -> {
            var owner = new StubCloud.Cluster("c");
            var upper = rekeyed("a--fdf6e585", "a");
            var other = rekeyed("a--1b2c3d4e", "a");
            var context = GrantContext.forGrants(owner, "api", List.of(), List.of(upper, other));

            assertThat(context.formerKeysKept()).isEmpty();
            assertThat(context.options(upper).getAliases()).isEmpty();
        });
    }

    @Test
    void aContextMadeWithoutItsGrantsCarriesNothingOver() {
        SimulatedStack.named("core").run(ctx -> {
            var owner = new StubCloud.Cluster("c");
            var context = new GrantContext(owner, "api", List.of());

            assertThat(context.options(rekeyed("team-a--50e11581", "team-a")).getAliases()).isEmpty();
            assertThat(context.childName(rekeyed("team-a--50e11581", "team-a"))).isEqualTo("api-grant-team-a--50e11581");
        });
    }
}
