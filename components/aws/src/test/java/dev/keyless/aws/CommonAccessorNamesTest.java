package dev.keyless.aws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessors every cloud names alike, and the former AWS names kept as aliases. */
class CommonAccessorNamesTest {

    @Test
    @SuppressWarnings("deprecation")
    void aPrefixIsReadAsPrefixAndStillAsKeyPrefix() {
        var grant = S3Access.readOnly("shop-charts").prefix("charts/");

        assertThat(grant.prefix()).contains("charts/");
        assertThat(grant.keyPrefix()).isEqualTo(grant.prefix());
        assertThat(S3Access.readOnly("shop-charts").prefix()).isEmpty();
    }
}
