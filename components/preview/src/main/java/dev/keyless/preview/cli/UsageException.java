package dev.keyless.preview.cli;

/** The command line asks for something the preview cannot do, or the program cannot be launched as it is. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, in words the user can act on
     */
    public UsageException(String message) {
        super(message);
    }
}
