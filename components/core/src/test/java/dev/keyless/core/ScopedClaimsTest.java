package dev.keyless.core;

import com.pulumi.core.Output;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims whose scope may be known only at deploy time: the later of two clashing claims is refused, plain or not. */
class ScopedClaimsTest {
    private static final ProgramClaims.Refusal REFUSAL = (scope, earlier, later) ->
            InvalidInputException.of("serviceAccount", "shop/api", "bound once in '" + scope + "', but " + earlier + " and " + later + " both bind it");

    private static ProgramClaims.ScopedClaim plain(String scope) {
        return new ProgramClaims.ScopedClaim("binding", "shop/api", Optional.of(scope), Output.of(scope));
    }

    private static ProgramClaims.ScopedClaim onceKnown(String scope) {
        return new ProgramClaims.ScopedClaim("binding", "shop/api", Optional.empty(), Output.of(scope));
    }

    @Test
    void twoPlainClaimsInOneScopeAreRefusedAtOnceAndOtherScopesAndValuesAreNot() {
        SimulatedStack.named("claims").run(ctx -> {
            var claims = ProgramClaims.current();
            assertThat(claims.claimInOrder(plain("pool-a"), "blue", REFUSAL).isEmpty()).isTrue();
            assertThat(claims.claimInOrder(plain("pool-a"), "blue", REFUSAL).isEmpty()).as("the same holder again").isTrue();
            assertThat(claims.claimInOrder(plain("pool-b"), "green", REFUSAL).isEmpty()).isTrue();
            assertThat(claims.claimInOrder(new ProgramClaims.ScopedClaim("binding", "shop/web", Optional.of("pool-a"), Output.of("pool-a")),
                    "green", REFUSAL).isEmpty()).isTrue();
            assertThat(claims.plainHolder(plain("pool-a"), "red")).contains("blue");
            assertThatThrownBy(() -> claims.claimInOrder(plain("pool-a"), "red", REFUSAL))
                    .hasMessage("serviceAccount must be bound once in 'pool-a', but blue and red both bind it: 'shop/api'");
        });
    }

    @Test
    void aScopeKnownOnlyAtDeployTimeIsComparedOnceKnownWithEveryEarlierClaim() {
        var failure = SimulatedStack.named("claims").runExpectingFailure(ctx -> {
            var claims = ProgramClaims.current();
            claims.claimInOrder(plain("pool-a"), "blue", REFUSAL);
            var later = claims.claimInOrder(onceKnown("pool-a"), "green", REFUSAL);
            assertThat(later.isEmpty()).isFalse();
            ctx.export("check", later.passed());
        });
        assertThat(failure.message()).isEqualTo("serviceAccount must be bound once in 'pool-a', but blue and green both bind it: 'shop/api'");

        SimulatedStack.named("claims").run(ctx -> {
            var claims = ProgramClaims.current();
            claims.claimInOrder(onceKnown("pool-a"), "blue", REFUSAL);
            ctx.export("check", claims.claimInOrder(plain("pool-b"), "green", REFUSAL).passed());
        });
    }
}
