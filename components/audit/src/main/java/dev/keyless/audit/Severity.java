package dev.keyless.audit;

import java.util.Locale;

/** How much a finding matters, lowest first; the order is what {@code --fail-on} compares. */
public enum Severity {
    LOW("note"),
    MEDIUM("warning"),
    HIGH("error"),
    CRITICAL("error");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's {@code level}: code-scanning tools know only note, warning and error. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** Whether this severity is at or above {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /**
     * The severity named {@code label} ({@code low}, {@code medium}, {@code high} or {@code critical}).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Severity parse(String label) {
        for (Severity severity : values()) {
            if (severity.label().equals(label)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of low, medium, high, critical");
    }
}
