package dev.keyless.core;

import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values unique across one program: refused when a second component claims them, never across programs. */
class ProgramClaimsTest {
    private static final ProgramClaims.Claim ACCOUNT = ProgramClaims.Claim.exact(
            "accountId", "Google service account id", "project 'acme-prod'", "billing");

    @Test
    void aSecondComponentClaimingTheSameValueIsRefusedNamingBoth() {
        var refusal = new AtomicReference<Throwable>();
        SimulatedStack.named("claims").run(ctx -> {
            var claims = ProgramClaims.current();
            claims.claim(ACCOUNT, "billing");
            claims.claim(ACCOUNT, "billing");
            try {
                claims.claim(ACCOUNT, "platform");
            } catch (InvalidInputException e) {
                refusal.set(e);
            }
        });
        assertThat(refusal.get()).isInstanceOf(InvalidInputException.class).hasMessage(
                "accountId must be a Google service account id no other component of this program uses in "
                        + "project 'acme-prod', but 'billing' and 'platform' both use it: 'billing'");
    }

    @Test
    void otherScopesAndOtherProgramsDoNotCollide() {
        SimulatedStack.named("claims").run(ctx -> {
            ProgramClaims.current().claim(ACCOUNT, "billing");
            ProgramClaims.current().claim(ProgramClaims.Claim.exact(
                    "accountId", "Google service account id", "project 'acme-dev'", "billing"), "platform");
        });
        var deployment = SimulatedStack.named("claims").run(ctx -> ProgramClaims.current().claim(ACCOUNT, "platform"));
        assertThat(deployment.errors()).isEmpty();
    }

    @Test
    void claimsComparedIgnoringCaseCollideAcrossCase() {
        var name = ProgramClaims.Claim.ignoringCase("identityName", "managed identity name", "resource group 'RG-Apps'", "Payments");
        var same = ProgramClaims.Claim.ignoringCase("identityName", "managed identity name", "resource group 'rg-apps'", "payments");
        SimulatedStack.named("claims").run(ctx -> {
            ProgramClaims.current().claim(name, "a");
            assertThat(ProgramClaims.current().owner(same)).contains("a");
            assertThatThrownBy(() -> ProgramClaims.current().claim(same, "b"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'a' and 'b' both use it");
        });
    }

    @Test
    void sharedStateIsOnePerKeyAndProgram() {
        var first = new AtomicReference<StringBuilder>();
        SimulatedStack.named("claims").run(ctx -> {
            var claims = ProgramClaims.current();
            first.set(claims.shared(StringBuilder.class, "team", StringBuilder::new));
            assertThat(claims.shared(StringBuilder.class, "team", StringBuilder::new)).isSameAs(first.get());
            assertThat(claims.shared(StringBuilder.class, "other", StringBuilder::new)).isNotSameAs(first.get());
        });
        SimulatedStack.named("claims").run(ctx ->
                assertThat(ProgramClaims.current().shared(StringBuilder.class, "team", StringBuilder::new)).isNotSameAs(first.get()));
    }
}
