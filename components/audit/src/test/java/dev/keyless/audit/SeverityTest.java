package dev.keyless.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeverityTest {
    @Test
    void sarifLevelsAreNoteWarningErrorError() {
        assertThat(Severity.LOW.sarifLevel()).isEqualTo("note");
        assertThat(Severity.MEDIUM.sarifLevel()).isEqualTo("warning");
        assertThat(Severity.HIGH.sarifLevel()).isEqualTo("error");
        assertThat(Severity.CRITICAL.sarifLevel()).isEqualTo("error");
    }

    @Test
    void thresholdsCompareInOrder() {
        assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.MEDIUM.atLeast(Severity.HIGH)).isFalse();
        assertThat(Severity.LOW.atLeast(Severity.LOW)).isTrue();
    }

    @Test
    void parsesOnlyTheFourLowerCaseLabels() {
        assertThat(Severity.parse("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.parse("low")).isEqualTo(Severity.LOW);
        assertThatThrownBy(() -> Severity.parse("HIGH"))
                .hasMessage("'HIGH' is not one of low, medium, high, critical");
    }
}
