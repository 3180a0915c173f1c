package dev.keyless.preview.cli;

/** Maven stopped before the program ran: it did not compile, or Maven could not tell what to run. */
public final class ProgramDidNotStart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what stopped it, in the user's terms
     */
    public ProgramDidNotStart(String message) {
        super(message);
    }

    // Reports print a failure with toString; the class name would add nothing to this message.
    @Override
    public String toString() {
        return getMessage();
    }
}
