package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accessors every cloud names alike, and the former GCP names kept as aliases. */
class CommonAccessorNamesTest {

    @Test
    @SuppressWarnings("deprecation")
    void aPrefixIsReadAsPrefixAndStillAsObjectPrefix() {
        var grant = GcsAccess.readOnly("shop-catalog").prefix("charts/");

        assertThat(grant.prefix()).contains("charts/");
        assertThat(grant.objectPrefix()).isEqualTo(grant.prefix());
        assertThat(GcsAccess.readOnly("shop-catalog").prefix()).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void anExistingAccountIsNamedByExistingIdentityAndStillByExistingServiceAccount() {
        assertThatThrownBy(() -> ServiceAccountImpersonation.builder().existingIdentity("not-an-email"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("existingServiceAccount must be");
        assertThatThrownBy(() -> ServiceAccountImpersonation.builder().existingServiceAccount("not-an-email"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("existingServiceAccount must be");
    }
}
