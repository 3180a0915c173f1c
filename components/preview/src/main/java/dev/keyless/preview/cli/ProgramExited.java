package dev.keyless.preview.cli;

/** The program's process ended with a non-zero exit code. */
public final class ProgramExited extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param exitCode the process's exit code
     */
    public ProgramExited(int exitCode) {
        super("the program exited with code " + exitCode);
    }

    // Reports print a failure with toString; the class name would add nothing to this message.
    @Override
    public String toString() {
        return getMessage();
    }
}
