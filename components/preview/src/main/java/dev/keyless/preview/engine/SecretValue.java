package dev.keyless.preview.engine;

/**
 * A value the program marked secret. It prints as {@code [secret]}, as Pulumi does; tests can still
 * read the plaintext through {@link #plaintext()}.
 *
 * @param plaintext the value behind the secret marker
 */
public record SecretValue(Object plaintext) {
    /** What every report prints in place of a secret. */
    public static final String MASK = "[secret]";

    @Override
    public String toString() {
        return MASK;
    }
}
