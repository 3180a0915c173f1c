package dev.keyless.audit.plan;

/** The document is not JSON, or not shaped like {@code pulumi preview --json} output. */
public final class PlanFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanFormatException(String message) {
        super(message);
    }

    public PlanFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
